package cn.taizhang.work.plan;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Research topics (工作谋划课题化, WORK-8): anyone of the township proposes a topic with its survey
 * material (走访、座谈、问卷); the leadership (the evaluation group) reviews it and puts it to a
 * consultation, where the opinions of named people are recorded; the proposer revises it; the
 * leadership adopts it into the year's work key points (工作要点) or declines it with a reason.
 */
@Service
public class ResearchTopics {

    private static final String COLUMNS = """
            id, tenant_id, year, kind, title, survey, proposal, state, proposer_person_id, proposer_name,
            review_note, reviewed_by, version""";

    private final JdbcClient jdbc;
    private final PlanAccess access;
    private final AuditJournal journal;
    private final Clock clock;

    ResearchTopics(JdbcClient jdbc, PlanAccess access, AuditJournal journal, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.journal = journal;
        this.clock = clock;
    }

    /** A topic (课题). */
    public record Topic(long id, long tenantId, int year, TopicKind kind, String title, String survey, String proposal,
                        TopicState state, Long proposerPersonId, String proposerName, String reviewNote,
                        String reviewedBy, int version) {
    }

    /** An opinion given in the consultation, by a named person in a named capacity. */
    public record Comment(long id, String commenterName, String commenterRole, String text, String recordedBy) {
    }

    /** What the proposal and revision forms ask for. */
    public record Draft(Integer year, TopicKind kind, String title, String survey, String proposal) {
    }

    // ------------------------------------------------------------------ reading

    public List<Topic> list(CurrentUser user, int year) {
        PlanAccess.Viewer v = access.member(user);
        return jdbc.sql("select " + COLUMNS + " from research_topic where tenant_id = :t and year = :y"
                        + " order by case kind when 'ROUTINE' then 0 when 'KEY' then 1 else 2 end, id")
                .param("t", v.tenantId()).param("y", year).query(ResearchTopics::topic).list();
    }

    /** The adopted topics of a year: the work key points (工作要点), by kind. */
    public List<Topic> keyPoints(CurrentUser user, int year) {
        return list(user, year).stream().filter(t -> t.state() == TopicState.ADOPTED).toList();
    }

    public Topic topic(CurrentUser user, long id) {
        return find(access.member(user).tenantId(), id);
    }

    public List<Comment> comments(CurrentUser user, long topicId) {
        Topic t = topic(user, topicId);
        return jdbc.sql("""
                        select id, commenter_name, commenter_role, text, recorded_by from research_topic_comment
                        where tenant_id = :t and topic_id = :id order by id""")
                .param("t", t.tenantId()).param("id", t.id())
                .query((rs, n) -> new Comment(rs.getLong("id"), rs.getString("commenter_name"),
                        rs.getString("commenter_role"), rs.getString("text"), rs.getString("recorded_by"))).list();
    }

    /** The leadership reviews and adopts (the evaluation group, 评定小组). */
    public boolean mayReview(CurrentUser user) {
        return access.viewer(user).leadership();
    }

    public boolean mayRevise(CurrentUser user, Topic t) {
        return t.state().revisable() && (mayReview(user)
                || user.personId() != null && Objects.equals(user.personId(), t.proposerPersonId()));
    }

    // ------------------------------------------------------------------ writing

    @Transactional
    public Topic propose(CurrentUser user, Draft d) {
        PlanAccess.Viewer v = access.member(user);
        if (user.personId() == null) {
            throw new AccessDeniedException();
        }
        check(d);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                        insert into research_topic (tenant_id, year, kind, title, survey, proposal, state,
                                                    proposer_person_id, proposer_name, created_at, updated_at)
                        values (:t, :y, :k, :title, :survey, :proposal, 'PROPOSED', :p, :name, :at, :at) returning id""")
                .param("t", v.tenantId()).param("y", d.year()).param("k", d.kind().name()).param("title", d.title().strip())
                .param("survey", d.survey().strip()).param("proposal", d.proposal().strip()).param("p", user.personId())
                .param("name", user.displayName()).param("at", now).query(Long.class).single();
        Topic t = find(v.tenantId(), id);
        journal.record(t.tenantId(), "topic.proposed", "research_topic", id, "申报课题 " + t.title(), null, describe(t), null);
        return t;
    }

    /** The proposer (or the leadership) revises a topic while it is proposed or in consultation. */
    @Transactional
    public Topic revise(CurrentUser user, long id, Draft d, String reason) {
        Topic before = topic(user, id);
        if (!mayRevise(user, before)) {
            if (!before.state().revisable()) {
                throw new DomainException("plan.topic.closed", before.title());
            }
            throw new AccessDeniedException();
        }
        check(new Draft(before.year(), d.kind(), d.title(), d.survey(), d.proposal()));
        PlanTexts.limit("reason", reason == null ? null : reason.strip(), 500);
        jdbc.sql("""
                        update research_topic set kind = :k, title = :title, survey = :survey, proposal = :proposal,
                        updated_at = :at, version = version + 1 where id = :id and tenant_id = :t""")
                .param("k", d.kind().name()).param("title", d.title().strip()).param("survey", d.survey().strip())
                .param("proposal", d.proposal().strip()).param("at", OffsetDateTime.now(clock))
                .param("id", id).param("t", before.tenantId()).update();
        Topic after = find(before.tenantId(), id);
        journal.record(after.tenantId(), "topic.revised", "research_topic", id, "修改课题 " + after.title(),
                describe(before), describe(after), reason == null || reason.isBlank() ? null : reason.strip());
        return after;
    }

    /** The review: put to consultation, or declined with a reason. */
    @Transactional
    public Topic review(CurrentUser user, long id, boolean toConsultation, String note) {
        Topic before = topic(user, id);
        if (!mayReview(user)) {
            throw new AccessDeniedException();
        }
        if (before.state() != TopicState.PROPOSED) {
            throw new DomainException("plan.topic.notProposed", before.title());
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (!toConsultation && n == null) {
            throw DomainException.atField("note", "plan.topic.reason.required");
        }
        PlanTexts.limit("note", n, 2000);
        return move(user, before, toConsultation ? TopicState.IN_CONSULTATION : TopicState.REJECTED, n,
                toConsultation ? "topic.toConsultation" : "topic.rejected");
    }

    /** Records an opinion of the consultation meeting, naming who gave it and in what capacity. */
    @Transactional
    public void comment(CurrentUser user, long id, String name, String role, String text) {
        Topic t = topic(user, id);
        if (t.state() != TopicState.IN_CONSULTATION) {
            throw new DomainException("plan.topic.notInConsultation", t.title());
        }
        if (name == null || name.isBlank()) {
            throw DomainException.atField("commenterName", "plan.topic.commenter.required");
        }
        if (role == null || role.isBlank()) {
            throw DomainException.atField("commenterRole", "plan.topic.commenterRole.required");
        }
        if (text == null || text.isBlank()) {
            throw DomainException.atField("text", "plan.topic.comment.required");
        }
        PlanTexts.limit("commenterName", name.strip(), 50);
        PlanTexts.limit("commenterRole", role.strip(), 100);
        PlanTexts.limit("text", text.strip(), 4000);
        long cid = jdbc.sql("""
                        insert into research_topic_comment (tenant_id, topic_id, commenter_name, commenter_role, text,
                                                            recorded_by, created_at)
                        values (:t, :topic, :name, :role, :text, :by, :at) returning id""")
                .param("t", t.tenantId()).param("topic", id).param("name", name.strip()).param("role", role.strip())
                .param("text", text.strip()).param("by", user.displayName()).param("at", OffsetDateTime.now(clock))
                .query(Long.class).single();
        journal.record(t.tenantId(), "topic.commented", "research_topic_comment", cid,
                "课题 " + t.title() + " 征求意见：" + name.strip(), null,
                Map.of("topicId", id, "commenter", name.strip(), "role", role.strip(), "text", text.strip()), null);
    }

    /** Adopts a consulted topic into the year's work key points. */
    @Transactional
    public Topic adopt(CurrentUser user, long id, String note) {
        Topic before = topic(user, id);
        if (!mayReview(user)) {
            throw new AccessDeniedException();
        }
        if (before.state() != TopicState.IN_CONSULTATION) {
            throw new DomainException("plan.topic.notInConsultation", before.title());
        }
        long opinions = jdbc.sql("select count(*) from research_topic_comment where topic_id = :id")
                .param("id", id).query(Long.class).single();
        if (opinions == 0) {
            throw new DomainException("plan.topic.noOpinions", before.title());
        }
        PlanTexts.limit("note", note == null ? null : note.strip(), 2000);
        return move(user, before, TopicState.ADOPTED, note == null || note.isBlank() ? before.reviewNote() : note.strip(),
                "topic.adopted");
    }

    // ------------------------------------------------------------------ helpers

    private Topic move(CurrentUser user, Topic before, TopicState to, String note, String action) {
        jdbc.sql("""
                        update research_topic set state = :s, review_note = :n, reviewed_by = :by, updated_at = :at,
                        version = version + 1 where id = :id and tenant_id = :t""")
                .param("s", to.name()).param("n", note).param("by", user.displayName())
                .param("at", OffsetDateTime.now(clock)).param("id", before.id()).param("t", before.tenantId()).update();
        Topic after = find(before.tenantId(), before.id());
        journal.record(after.tenantId(), action, "research_topic", after.id(), "课题 " + after.title() + "：" + to.name(),
                describe(before), describe(after), note);
        return after;
    }

    private static void check(Draft d) {
        if (d.year() == null || d.year() < 2000 || d.year() > 2100) {
            throw DomainException.atField("year", "plan.year.invalid");
        }
        if (d.kind() == null) {
            throw DomainException.atField("kind", "plan.topic.kind.required");
        }
        if (d.title() == null || d.title().isBlank()) {
            throw DomainException.atField("title", "plan.topic.title.required");
        }
        if (d.survey() == null || d.survey().isBlank()) {
            throw DomainException.atField("survey", "plan.topic.survey.required");
        }
        if (d.proposal() == null || d.proposal().isBlank()) {
            throw DomainException.atField("proposal", "plan.topic.proposal.required");
        }
        PlanTexts.limit("title", d.title().strip(), 200);
        PlanTexts.limit("survey", d.survey().strip(), 4000);
        PlanTexts.limit("proposal", d.proposal().strip(), 8000);
    }

    private Topic find(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from research_topic where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).query(ResearchTopics::topic).optional()
                .orElseThrow(() -> new NotFoundException("research_topic", id));
    }

    private static Map<String, Object> describe(Topic t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", t.year());
        m.put("kind", t.kind().name());
        m.put("title", t.title());
        m.put("state", t.state().name());
        m.put("survey", t.survey());
        m.put("proposal", t.proposal());
        m.put("reviewNote", t.reviewNote());
        return m;
    }

    private static Topic topic(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Topic(rs.getLong("id"), rs.getLong("tenant_id"), rs.getInt("year"),
                TopicKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("survey"),
                rs.getString("proposal"), TopicState.valueOf(rs.getString("state")),
                (Long) rs.getObject("proposer_person_id"), rs.getString("proposer_name"),
                rs.getString("review_note"), rs.getString("reviewed_by"), rs.getInt("version"));
    }
}
