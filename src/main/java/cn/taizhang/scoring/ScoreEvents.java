package cn.taizhang.scoring;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.board.BoardDrafts;
import cn.taizhang.method.MethodCompliance;
import cn.taizhang.method.MethodDefinition;
import cn.taizhang.method.MethodDefinition.Direction;
import cn.taizhang.method.MethodDefinition.ScoreItem;
import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.method.MethodVersion;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.Organisation;
import cn.taizhang.scoring.ScoreEvent.Kind;
import cn.taizhang.scoring.ScoreEvent.State;
import cn.taizhang.scoring.ScoreEvent.Subject;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.shared.Role;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Score events (SCORE-1..7): proposed by the responsible person, confirmed or rejected by the
 * discipline office, corrected or awarded directly by the leadership with a reason, appealed by
 * the scored person within the window. Nothing is edited in place: a correction is a new event.
 */
@Service
public class ScoreEvents {

    /** The appeal window when the method defines none (SCORE-7); shown as a default. */
    public static final int DEFAULT_APPEAL_DAYS = 7;

    /** What a proposer submits. {@code points} is the magnitude; {@code deduct} says the sign. */
    public record Proposal(String itemCode, List<SubjectRef> subjects, boolean deduct, BigDecimal points,
                           boolean fullMarks, Integer occurrences, LocalDate occurredOn, String reason,
                           String evidence, Long articleId, String idempotencyKey) {
    }

    public record Appeal(long id, long eventId, long personId, String personName, String reason, String filedBy,
                         OffsetDateTime filedAt, int windowDays, boolean windowIsDefault, String state,
                         String decidedBy, OffsetDateTime decidedAt, String decisionReason, Long correctionId,
                         Long boardObjectionId, String boardIssueCode) {
        public String stateKey() {
            return "scoring.appealState." + state;
        }
    }

    /** The appeal window of an event for its subjects: from confirmation, for so many days. */
    public record AppealWindow(int days, boolean isDefault, OffsetDateTime closesAt) {
    }

    private final JdbcClient jdbc;
    private final TenantMethods methods;
    private final MethodCompliance compliance;
    private final Regulations regulations;
    private final Subjects subjects;
    private final Organisation organisation;
    private final AuditJournal journal;
    private final Clock clock;
    private final ConfirmedResultsToBoards boards;
    private final BoardDrafts boardDrafts;

    ScoreEvents(JdbcClient jdbc, TenantMethods methods, MethodCompliance compliance, Regulations regulations,
                Subjects subjects, Organisation organisation, AuditJournal journal, Clock clock,
                ConfirmedResultsToBoards boards, BoardDrafts boardDrafts) {
        this.boards = boards;
        this.boardDrafts = boardDrafts;
        this.jdbc = jdbc;
        this.methods = methods;
        this.compliance = compliance;
        this.regulations = regulations;
        this.subjects = subjects;
        this.organisation = organisation;
        this.journal = journal;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ propose, confirm, reject

    @Transactional
    public ScoreEvent propose(CurrentUser user, Proposal p) {
        return propose(user, p, true);
    }

    /**
     * The reward/penalty result of a closed-out work item, proposed in the name of whoever closed it
     * out. The work module already checked that he may; the people bound to the item are its
     * responsible persons wherever they sit in the tree, so the proposer's own scope is not asked.
     */
    @Transactional
    ScoreEvent proposeForClosedItem(CurrentUser closer, Proposal p) {
        return propose(closer, p, false);
    }

    private ScoreEvent propose(CurrentUser user, Proposal p, boolean withinProposersScope) {
        if (!user.hasAny(Role.LEADERSHIP, Role.DISCIPLINE, Role.GROUP_LEADER, Role.VILLAGE_CADRE, Role.STAFF)) {
            throw new AccessDeniedException();
        }
        long tenantId = user.tenantId();
        String key = blankToNull(p.idempotencyKey());
        if (key != null) {
            Optional<Long> existing = byKey(tenantId, key);
            if (existing.isPresent()) {
                return find(tenantId, existing.get());
            }
        }
        MethodVersion version = active(tenantId);
        MethodDefinition method = version.definition();
        ScoreItem item = list(method.scoreItems()).stream().filter(i -> i.code().equals(p.itemCode())).findFirst()
                .orElseThrow(() -> DomainException.atField("itemCode", "scoring.item.unknown", String.valueOf(p.itemCode())));
        List<SubjectRef> bound = new ArrayList<>(new LinkedHashSet<>(p.subjects() == null ? List.of() : p.subjects()));
        if (bound.isEmpty()) {
            throw DomainException.atField("subjects", "scoring.subjects.required");
        }
        if (bound.size() > 1 && !item.bindAllResponsible()) {
            throw DomainException.atField("subjects", "scoring.subjects.onlyOne", item.name());
        }
        List<String> names = new ArrayList<>();
        for (SubjectRef s : bound) {
            if (!item.subjects().contains(s.kind())) {
                throw DomainException.atField("subjects", "scoring.subject.kindNotForItem", item.name(), s.kind().name());
            }
            names.add(subjects.requireInTenant(tenantId, s));
            if (withinProposersScope && user.hasAny(Role.GROUP_LEADER, Role.VILLAGE_CADRE)
                    && !user.hasAny(Role.LEADERSHIP, Role.DISCIPLINE) && !subjects.visible(user, s)) {
                throw DomainException.atField("subjects", "scoring.subject.outsideScope", names.get(names.size() - 1));
            }
        }
        if (item.leaderLiability() && !compliance.isEffective(tenantId, "LEADER_LIABILITY:" + item.code())) {
            throw DomainException.atField("itemCode", "scoring.item.leaderLiabilityOff", item.name());
        }
        String reason = requireReason(p.reason());
        LocalDate today = CycleWindow.today(clock);
        LocalDate day = p.occurredOn() == null ? today : p.occurredOn();
        if (day.isAfter(today)) {
            throw DomainException.atField("occurredOn", "scoring.occurredOn.future");
        }
        BigDecimal points = points(item, p);
        Integer occurrences = null;
        Long fenPerOccurrence = null;
        long fenPerPoint = method.money().fenPerPoint();
        if (item.money() != null) {
            if (item.money().fenPerPoint() != null) {
                fenPerPoint = item.money().fenPerPoint();
            }
            if (item.money().fenPerOccurrence() != null) {
                fenPerOccurrence = item.money().fenPerOccurrence();
                occurrences = p.occurrences();
                if (occurrences == null || occurrences < 1) {
                    throw DomainException.atField("occurrences", "scoring.occurrences.required", item.money().unit());
                }
            }
        }
        Long articleId = p.articleId();
        String article = item.article();
        if (articleId != null) {
            Regulations.Article a = regulations.article(tenantId, articleId)
                    .orElseThrow(() -> new NotFoundException("regulation_article", articleId));
            if (!a.effectiveOn(day)) {
                throw DomainException.atField("articleId", "scoring.article.notEffective", a.citation(), day.toString());
            }
            article = a.citation();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Long> inserted = jdbc.sql("""
                insert into score_event (tenant_id, method_version_id, kind, item_code, item_name, points, occurrences,
                    fen_per_point, fen_per_occurrence, occurred_on, reason, evidence, article_id, article_text, state,
                    proposed_by, proposed_at, idempotency_key)
                values (:t, :v, 'ORDINARY', :item, :itemName, :points, :occ, :fpp, :fpo, :day, :reason, :evidence,
                    :article, :articleText, 'PROPOSED', :by, :at, :key)
                on conflict (tenant_id, idempotency_key) where idempotency_key is not null do nothing
                returning id
                """).param("t", tenantId).param("v", version.id()).param("item", item.code())
                .param("itemName", item.name()).param("points", points).param("occ", occurrences)
                .param("fpp", fenPerPoint).param("fpo", fenPerOccurrence).param("day", day).param("reason", reason)
                .param("evidence", blankToNull(p.evidence())).param("article", articleId).param("articleText", article)
                .param("by", user.username()).param("at", now).param("key", key).query(Long.class).optional();
        if (inserted.isEmpty()) {
            // the same submission raced in from another request: accepted once
            return find(tenantId, byKey(tenantId, key).orElseThrow());
        }
        long id = inserted.get();
        insertSubjects(tenantId, id, bound);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("item", item.code());
        after.put("points", points.toPlainString());
        after.put("subjects", names);
        after.put("state", "PROPOSED");
        journal.record(tenantId, "score.proposed", "score_event", id,
                item.name() + " " + Score.of(points).signed() + " 分：" + String.join("、", names), null, after, reason);
        return find(tenantId, id);
    }

    private static BigDecimal points(ScoreItem item, Proposal p) {
        if (item.points() == null) {
            // an item that carries money per occurrence only (e.g. a group leader's liability)
            return BigDecimal.ZERO;
        }
        BigDecimal min = item.points().min();
        BigDecimal max = item.points().max();
        if (p.fullMarks()) {
            if (!item.fullMarksOnCompletion()) {
                throw DomainException.atField("points", "scoring.points.noFullMarks", item.name());
            }
            return max;
        }
        if (p.deduct() && item.direction() == Direction.ADD) {
            throw DomainException.atField("points", "scoring.points.onlyAdd", item.name());
        }
        if (!p.deduct() && item.direction() == Direction.DEDUCT) {
            throw DomainException.atField("points", "scoring.points.onlyDeduct", item.name());
        }
        BigDecimal v = p.points();
        if (v == null) {
            throw DomainException.atField("points", "scoring.points.required");
        }
        if (v.scale() > Score.SCALE && v.stripTrailingZeros().scale() > Score.SCALE) {
            throw DomainException.atField("points", "scoring.points.tooPrecise");
        }
        boolean uncappedDeduction = p.deduct() && item.uncapped();
        if (v.compareTo(min) < 0 || (!uncappedDeduction && v.compareTo(max) > 0)) {
            if (uncappedDeduction) {
                throw DomainException.atField("points", "scoring.points.belowMin", v.toPlainString(), min.toPlainString(), item.name());
            }
            throw DomainException.atField("points", "scoring.points.outOfRange", v.toPlainString(), min.toPlainString(),
                    max.toPlainString(), item.name());
        }
        return p.deduct() ? v.negate() : v;
    }

    @Transactional
    public ScoreEvent confirm(CurrentUser user, long eventId) {
        requireRole(user, Role.DISCIPLINE);
        ScoreEvent e = find(user.tenantId(), eventId);
        if (e.proposedBy().equals(user.username())) {
            throw new DomainException("scoring.event.ownProposal");
        }
        decide(user, e, State.CONFIRMED, null);
        journal.record(user.tenantId(), "score.confirmed", "score_event", eventId,
                "确认 " + e.itemName() + " " + e.points().signed() + " 分", Map.of("state", "PROPOSED"),
                Map.of("state", "CONFIRMED"), null);
        ScoreEvent confirmed = find(user.tenantId(), eventId);
        boards.handOver(confirmed);
        return confirmed;
    }

    @Transactional
    public ScoreEvent reject(CurrentUser user, long eventId, String reason) {
        requireRole(user, Role.DISCIPLINE);
        String why = requireReason(reason);
        ScoreEvent e = find(user.tenantId(), eventId);
        decide(user, e, State.REJECTED, why);
        journal.record(user.tenantId(), "score.rejected", "score_event", eventId,
                "退回 " + e.itemName() + " " + e.points().signed() + " 分", Map.of("state", "PROPOSED"),
                Map.of("state", "REJECTED"), why);
        return find(user.tenantId(), eventId);
    }

    private void decide(CurrentUser user, ScoreEvent e, State to, String reason) {
        int changed = jdbc.sql("""
                update score_event set state = :s, decided_by = :by, decided_at = :at, decision_reason = :r
                where tenant_id = :t and id = :id and state = 'PROPOSED'
                """).param("s", to.name()).param("by", user.username()).param("at", OffsetDateTime.now(clock))
                .param("r", reason).param("t", user.tenantId()).param("id", e.id()).update();
        if (changed == 0) {
            throw new DomainException("scoring.event.notProposed", e.id());
        }
    }

    // ------------------------------------------------------------------ leadership (SCORE-3)

    /**
     * A leader's correction of a confirmed event: a new event carrying the points the subjects get
     * instead (0 annuls). Effective at once; the corrected event is never changed.
     */
    @Transactional
    public ScoreEvent correct(CurrentUser user, long eventId, BigDecimal newPoints, String reason,
                              List<SubjectRef> only) {
        requireRole(user, Role.LEADERSHIP);
        return correction(user, eventId, newPoints, requireReason(reason), only, null);
    }

    private ScoreEvent correction(CurrentUser user, long eventId, BigDecimal newPoints, String reason,
                                  List<SubjectRef> only, Long appealId) {
        ScoreEvent target = find(user.tenantId(), eventId);
        if (target.kind() == Kind.CORRECTION) {
            target = find(user.tenantId(), target.correctsId());
        }
        if (target.state() != State.CONFIRMED) {
            throw new DomainException("scoring.correction.notConfirmed");
        }
        if (newPoints == null) {
            throw DomainException.atField("points", "scoring.points.required");
        }
        List<SubjectRef> all = target.subjects().stream().map(Subject::ref).toList();
        List<SubjectRef> covered = only == null || only.isEmpty() ? all : only;
        if (!all.containsAll(covered)) {
            throw DomainException.atField("subjects", "scoring.correction.subjectNotBound");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                insert into score_event (tenant_id, method_version_id, kind, item_code, item_name, points, occurrences,
                    fen_per_point, fen_per_occurrence, occurred_on, reason, evidence, article_id, article_text, corrects_id,
                    appeal_id, state, proposed_by, proposed_at, decided_by, decided_at)
                values (:t, :v, 'CORRECTION', :item, :itemName, :points, :occ, :fpp, :fpo, :day, :reason, null,
                    :article, :articleText, :corrects, :appeal, 'CONFIRMED', :by, :at, :by, :at)
                returning id
                """).param("t", user.tenantId()).param("v", target.methodVersionId()).param("item", target.itemCode())
                .param("itemName", target.itemName()).param("points", newPoints).param("occ", target.occurrences())
                .param("fpp", target.fenPerPoint()).param("fpo", target.fenPerOccurrence())
                .param("day", target.occurredOn()).param("reason", reason).param("article", target.articleId())
                .param("articleText", target.articleText()).param("corrects", target.id()).param("appeal", appealId)
                .param("by", user.username()).param("at", now).query(Long.class).single();
        insertSubjects(user.tenantId(), id, covered);
        journal.record(user.tenantId(), "score.corrected", "score_event", id,
                "更正 #" + target.id() + " " + target.points().signed() + " → " + Score.of(newPoints).signed(),
                Map.of("event", target.id(), "points", target.points().toString()),
                Map.of("event", target.id(), "points", Score.of(newPoints).toString()), reason);
        return find(user.tenantId(), id);
    }

    /** Special points a leader awards (or a direct accountability deduction), effective at once. */
    @Transactional
    public ScoreEvent special(CurrentUser user, List<SubjectRef> bound, BigDecimal points, LocalDate occurredOn,
                              String reason, String evidence, String idempotencyKey) {
        requireRole(user, Role.LEADERSHIP);
        long tenantId = user.tenantId();
        String key = blankToNull(idempotencyKey);
        if (key != null) {
            Optional<Long> existing = byKey(tenantId, key);
            if (existing.isPresent()) {
                return find(tenantId, existing.get());
            }
        }
        String why = requireReason(reason);
        if (bound == null || bound.isEmpty()) {
            throw DomainException.atField("subjects", "scoring.subjects.required");
        }
        if (points == null || points.signum() == 0) {
            throw DomainException.atField("points", "scoring.points.required");
        }
        List<String> names = bound.stream().map(s -> subjects.requireInTenant(tenantId, s)).toList();
        LocalDate today = CycleWindow.today(clock);
        LocalDate day = occurredOn == null ? today : occurredOn;
        if (day.isAfter(today)) {
            throw DomainException.atField("occurredOn", "scoring.occurredOn.future");
        }
        MethodVersion version = active(tenantId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Long> inserted = jdbc.sql("""
                insert into score_event (tenant_id, method_version_id, kind, points, fen_per_point, occurred_on, reason,
                    evidence, state, proposed_by, proposed_at, decided_by, decided_at, idempotency_key)
                values (:t, :v, 'SPECIAL', :points, :fpp, :day, :reason, :evidence, 'CONFIRMED', :by, :at, :by, :at, :key)
                on conflict (tenant_id, idempotency_key) where idempotency_key is not null do nothing
                returning id
                """).param("t", tenantId).param("v", version.id()).param("points", points)
                .param("fpp", version.definition().money().fenPerPoint()).param("day", day).param("reason", why)
                .param("evidence", blankToNull(evidence)).param("by", user.username()).param("at", now)
                .param("key", key).query(Long.class).optional();
        if (inserted.isEmpty()) {
            return find(tenantId, byKey(tenantId, key).orElseThrow());
        }
        insertSubjects(tenantId, inserted.get(), bound);
        journal.record(tenantId, "score.special", "score_event", inserted.get(),
                "领导直接计分 " + Score.of(points).signed() + " 分：" + String.join("、", names), null,
                Map.of("points", points.toPlainString(), "subjects", names), why);
        return find(tenantId, inserted.get());
    }

    // ------------------------------------------------------------------ appeals (SCORE-7)

    public AppealWindow appealWindow(ScoreEvent e) {
        OffsetDateTime from = e.decidedAt() == null ? e.proposedAt() : e.decidedAt();
        return new AppealWindow(DEFAULT_APPEAL_DAYS, true, from.plusDays(DEFAULT_APPEAL_DAYS));
    }

    @Transactional
    public Appeal appeal(CurrentUser user, long eventId, String reason) {
        if (user.personId() == null) {
            throw new AccessDeniedException();
        }
        String why = requireReason(reason);
        ScoreEvent e = find(user.tenantId(), eventId);
        SubjectRef me = new SubjectRef(SubjectKind.PERSON, user.personId());
        if (e.subjects().stream().noneMatch(s -> s.ref().equals(me))) {
            throw new NotFoundException("score_event", eventId);
        }
        if (e.state() != State.CONFIRMED || e.kind() == Kind.CORRECTION) {
            throw new DomainException("scoring.appeal.notConfirmed");
        }
        Score effective = effectivePoints(user.tenantId(), e, me);
        if (!effective.isNegative() && !(e.occurrences() != null && e.fenPerOccurrence() != null)) {
            throw new DomainException("scoring.appeal.notDeduction");
        }
        AppealWindow w = appealWindow(e);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (now.isAfter(w.closesAt())) {
            throw new DomainException("scoring.appeal.windowClosed", w.days(),
                    w.closesAt().atZoneSameInstant(CycleWindow.CHINA).toLocalDate().toString());
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into score_appeal (tenant_id, event_id, person_id, reason, filed_by, filed_at, window_days,
                                              window_is_default, state)
                    values (:t, :e, :p, :r, :by, :at, :days, :def, 'FILED')
                    on conflict (event_id, person_id) do nothing
                    returning id
                    """).param("t", user.tenantId()).param("e", eventId).param("p", user.personId()).param("r", why)
                    .param("by", user.username()).param("at", now).param("days", w.days()).param("def", w.isDefault())
                    .query(Long.class).optional().orElseThrow(() -> new DomainException("scoring.appeal.already"));
        } catch (DuplicateKeyException raced) {
            throw new DomainException("scoring.appeal.already");
        }
        journal.record(user.tenantId(), "score.appealed", "score_appeal", id, "申诉 #" + eventId, null,
                Map.of("event", eventId, "state", "FILED"), why);
        return appeal(user.tenantId(), id);
    }

    /**
     * Files the objection a person raised against a score entry in a board's notice period as the
     * appeal of that score (or links the appeal he filed already). The notice period is the time the
     * method gives the public to object, so the appeal window does not apply to it. Answers nothing
     * when the entry is not an appealable deduction of that person: the objection then stays a
     * matter of the board.
     */
    @Transactional
    public Optional<Long> appealFromBoardObjection(long tenantId, long eventId, long personId, String filedBy,
                                                   String text, long objectionId, String issueCode) {
        Optional<ScoreEvent> found;
        try {
            found = Optional.of(find(tenantId, eventId));
        } catch (NotFoundException e) {
            found = Optional.empty();
        }
        SubjectRef person = new SubjectRef(SubjectKind.PERSON, personId);
        if (found.isEmpty() || found.get().state() != State.CONFIRMED || found.get().kind() == Kind.CORRECTION
                || found.get().subjects().stream().noneMatch(s -> s.ref().equals(person))
                || !effectivePoints(tenantId, found.get(), person).isNegative()) {
            return Optional.empty();
        }
        AppealWindow w = appealWindow(found.get());
        String reason = "榜示 " + issueCode + " 公示期异议：" + text;
        Optional<Long> filed = jdbc.sql("""
                insert into score_appeal (tenant_id, event_id, person_id, reason, filed_by, filed_at, window_days,
                                          window_is_default, state, board_objection_id, board_issue_code)
                values (:t, :e, :p, :r, :by, :at, :days, :def, 'FILED', :o, :code)
                on conflict (event_id, person_id) do nothing
                returning id
                """).param("t", tenantId).param("e", eventId).param("p", personId).param("r", reason)
                .param("by", filedBy).param("at", OffsetDateTime.now(clock)).param("days", w.days())
                .param("def", w.isDefault()).param("o", objectionId).param("code", issueCode)
                .query(Long.class).optional();
        if (filed.isPresent()) {
            journal.record(tenantId, "score.appealed", "score_appeal", filed.get(), "申诉 #" + eventId + "（榜示异议）",
                    null, Map.of("event", eventId, "state", "FILED", "boardIssue", issueCode), reason);
            return filed;
        }
        // appealed already: the pending appeal decides the objection too
        return jdbc.sql("""
                update score_appeal set board_objection_id = :o, board_issue_code = :code
                where tenant_id = :t and event_id = :e and person_id = :p and state = 'FILED'
                  and board_objection_id is null
                returning id
                """).param("o", objectionId).param("code", issueCode).param("t", tenantId).param("e", eventId)
                .param("p", personId).query(Long.class).optional();
    }

    /**
     * The leadership decides an appeal; an upheld appeal changes the total only through the
     * correction it creates (with the points the appellant gets instead).
     */
    @Transactional
    public Appeal decideAppeal(CurrentUser user, long appealId, boolean upheld, String reason,
                               BigDecimal correctedPoints) {
        requireRole(user, Role.LEADERSHIP);
        String why = requireReason(reason);
        Appeal a = appeal(user.tenantId(), appealId);
        if (!"FILED".equals(a.state())) {
            throw new DomainException("scoring.appeal.decided");
        }
        Long correctionId = null;
        if (upheld) {
            if (correctedPoints == null) {
                throw DomainException.atField("points", "scoring.appeal.pointsRequired");
            }
            correctionId = correction(user, a.eventId(), correctedPoints, why,
                    List.of(new SubjectRef(SubjectKind.PERSON, a.personId())), appealId).id();
        }
        int changed = jdbc.sql("""
                update score_appeal set state = :s, decided_by = :by, decided_at = :at, decision_reason = :r,
                    correction_id = :c
                where tenant_id = :t and id = :id and state = 'FILED'
                """).param("s", upheld ? "UPHELD" : "DISMISSED").param("by", user.username())
                .param("at", OffsetDateTime.now(clock)).param("r", why).param("c", correctionId)
                .param("t", user.tenantId()).param("id", appealId).update();
        if (changed == 0) {
            throw new DomainException("scoring.appeal.decided");
        }
        journal.record(user.tenantId(), "score.appealDecided", "score_appeal", appealId,
                (upheld ? "申诉成立 #" : "申诉驳回 #") + a.eventId(), Map.of("state", "FILED"),
                Map.of("state", upheld ? "UPHELD" : "DISMISSED"), why);
        if (a.boardObjectionId() != null) {
            boardDrafts.settleObjection(user.tenantId(), a.boardObjectionId(), upheld,
                    (upheld ? "申诉成立：" : "申诉驳回：") + why);
        }
        return appeal(user.tenantId(), appealId);
    }

    // ------------------------------------------------------------------ reading

    /** An event the user may see: leadership and discipline office all; others their own proposals and subjects in scope. */
    public ScoreEvent visible(CurrentUser user, long eventId) {
        ScoreEvent e = find(user.tenantId(), eventId);
        if (user.hasAny(Role.LEADERSHIP, Role.DISCIPLINE) || e.proposedBy().equals(user.username())
                || e.subjects().stream().anyMatch(s -> subjects.visible(user, s.ref()))) {
            return e;
        }
        throw new NotFoundException("score_event", eventId);
    }

    /** The proposals waiting for the discipline office. */
    public List<ScoreEvent> queue(CurrentUser user) {
        if (!user.hasAny(Role.DISCIPLINE, Role.LEADERSHIP)) {
            throw new AccessDeniedException();
        }
        return jdbc.sql("select id from score_event where tenant_id = :t and state = 'PROPOSED' order by proposed_at, id limit 500")
                .param("t", user.tenantId()).query(Long.class).list().stream().map(id -> find(user.tenantId(), id)).toList();
    }

    /** Events the user proposed, newest first. */
    public List<ScoreEvent> proposedBy(CurrentUser user) {
        return jdbc.sql("select id from score_event where tenant_id = :t and proposed_by = :u order by proposed_at desc, id desc limit 200")
                .param("t", user.tenantId()).param("u", user.username()).query(Long.class).list().stream()
                .map(id -> find(user.tenantId(), id)).toList();
    }

    /** Every confirmed point of a subject from the first day up to (not including) the end day, corrections applied: what makes up the total. */
    public List<EventFact> pointsOf(CurrentUser user, SubjectRef subject, LocalDate from, LocalDate to) {
        subjects.requireVisible(user, subject);
        return new JdbcFacts(jdbc, user.tenantId(), organisation, compliance, false).events(from, to, subject);
    }

    /** Events of a subject not (yet) counted: proposed or rejected ones, for the scored person to see. */
    public List<ScoreEvent> pendingOf(CurrentUser user, SubjectRef subject) {
        subjects.requireVisible(user, subject);
        return jdbc.sql("""
                select e.id from score_event e join score_event_subject s on s.event_id = e.id and s.tenant_id = e.tenant_id
                where e.tenant_id = :t and s.subject_kind = :k and s.subject_id = :s and e.state <> 'CONFIRMED'
                order by e.proposed_at desc limit 200
                """).param("t", user.tenantId()).param("k", subject.kind().name()).param("s", subject.id())
                .query(Long.class).list().stream().map(id -> find(user.tenantId(), id)).toList();
    }

    public List<Appeal> appealsOf(CurrentUser user, long personId) {
        subjects.requireVisible(user, new SubjectRef(SubjectKind.PERSON, personId));
        return jdbc.sql(APPEALS + " and a.person_id = :p order by a.filed_at desc").param("t", user.tenantId())
                .param("p", personId).query(Appeal.class).list();
    }

    public List<Appeal> appealsOfEvent(CurrentUser user, long eventId) {
        visible(user, eventId);
        return jdbc.sql(APPEALS + " and a.event_id = :e order by a.filed_at").param("t", user.tenantId())
                .param("e", eventId).query(Appeal.class).list();
    }

    public List<Appeal> openAppeals(CurrentUser user) {
        requireRole(user, Role.LEADERSHIP);
        return jdbc.sql(APPEALS + " and a.state = 'FILED' order by a.filed_at").param("t", user.tenantId())
                .query(Appeal.class).list();
    }

    /** The corrections of an event, oldest first. */
    public List<ScoreEvent> correctionsOf(CurrentUser user, long eventId) {
        visible(user, eventId);
        return jdbc.sql("select id from score_event where tenant_id = :t and corrects_id = :e order by id")
                .param("t", user.tenantId()).param("e", eventId).query(Long.class).list().stream()
                .map(id -> find(user.tenantId(), id)).toList();
    }

    private static final String APPEALS = """
            select a.id, a.event_id, a.person_id, p.name as person_name, a.reason, a.filed_by, a.filed_at, a.window_days,
                   a.window_is_default, a.state, a.decided_by, a.decided_at, a.decision_reason, a.correction_id,
                   a.board_objection_id, a.board_issue_code
            from score_appeal a join person p on p.id = a.person_id and p.tenant_id = a.tenant_id
            where a.tenant_id = :t
            """;

    private Appeal appeal(long tenantId, long appealId) {
        return jdbc.sql(APPEALS + " and a.id = :id").param("t", tenantId).param("id", appealId).query(Appeal.class)
                .optional().orElseThrow(() -> new NotFoundException("score_appeal", appealId));
    }

    private Score effectivePoints(long tenantId, ScoreEvent e, SubjectRef subject) {
        return jdbc.sql("""
                select c.points from score_event c join score_event_subject cs on cs.event_id = c.id and cs.tenant_id = c.tenant_id
                where c.tenant_id = :t and c.corrects_id = :e and c.state = 'CONFIRMED'
                  and cs.subject_kind = :k and cs.subject_id = :s order by c.id desc limit 1
                """).param("t", tenantId).param("e", e.id()).param("k", subject.kind().name()).param("s", subject.id())
                .query(BigDecimal.class).optional().map(Score::of).orElse(e.points());
    }

    ScoreEvent find(long tenantId, long id) {
        ScoreEvent e = jdbc.sql("select * from score_event where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new NotFoundException("score_event", id));
        List<Subject> subs = jdbc.sql("""
                select subject_kind, subject_id from score_event_subject where tenant_id = :t and event_id = :id
                order by subject_kind, subject_id
                """).param("t", tenantId).param("id", id)
                .query((rs, n) -> new SubjectRef(SubjectKind.valueOf(rs.getString(1)), rs.getLong(2))).list().stream()
                .map(s -> new Subject(s.kind(), s.id(), subjects.name(tenantId, s))).toList();
        return new ScoreEvent(e.id(), e.tenantId(), e.methodVersionId(), e.kind(), e.itemCode(), e.itemName(),
                e.points(), e.occurrences(), e.fenPerPoint(), e.fenPerOccurrence(), e.occurredOn(), e.reason(),
                e.evidence(), e.articleId(), e.articleText(), e.correctsId(), e.appealId(), e.state(), e.proposedBy(),
                e.proposedAt(), e.decidedBy(), e.decidedAt(), e.decisionReason(), subs);
    }

    private static ScoreEvent row(ResultSet rs) throws SQLException {
        return new ScoreEvent(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("method_version_id"),
                Kind.valueOf(rs.getString("kind")), rs.getString("item_code"), rs.getString("item_name"),
                Score.of(rs.getBigDecimal("points")), (Integer) rs.getObject("occurrences"), rs.getLong("fen_per_point"),
                (Long) rs.getObject("fen_per_occurrence"), rs.getObject("occurred_on", LocalDate.class),
                rs.getString("reason"), rs.getString("evidence"), (Long) rs.getObject("article_id"),
                rs.getString("article_text"), (Long) rs.getObject("corrects_id"), (Long) rs.getObject("appeal_id"),
                State.valueOf(rs.getString("state")), rs.getString("proposed_by"),
                rs.getObject("proposed_at", OffsetDateTime.class), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decision_reason"), List.of());
    }

    // ------------------------------------------------------------------ helpers

    private void insertSubjects(long tenantId, long eventId, List<SubjectRef> bound) {
        for (SubjectRef s : bound) {
            jdbc.sql("insert into score_event_subject (tenant_id, event_id, subject_kind, subject_id) values (:t, :e, :k, :s)")
                    .param("t", tenantId).param("e", eventId).param("k", s.kind().name()).param("s", s.id()).update();
        }
    }

    private Optional<Long> byKey(long tenantId, String key) {
        return jdbc.sql("select id from score_event where tenant_id = :t and idempotency_key = :k")
                .param("t", tenantId).param("k", key).query(Long.class).optional();
    }

    MethodVersion active(long tenantId) {
        return methods.active(tenantId).orElseThrow(() -> new DomainException("scoring.method.none"));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.atField("reason", "scoring.reason.required");
        }
        return reason.trim();
    }

    private static void requireRole(CurrentUser user, Role role) {
        if (!user.has(role)) {
            throw new AccessDeniedException();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
