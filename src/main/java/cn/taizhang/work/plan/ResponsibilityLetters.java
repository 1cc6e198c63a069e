package cn.taizhang.work.plan;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.org.Person;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responsibility letters (目标责任书, WORK-5), signed level by level: the leadership issues letters to
 * the group leaders (or a unit's head), a group leader, once he has acknowledged his own letter of
 * the year, issues letters to the members of his group. Only the person a letter is addressed to
 * acknowledges it; who acknowledged what and when is kept.
 */
@Service
public class ResponsibilityLetters {

    private static final String COLUMNS = """
            id, tenant_id, year, title, body, issuer_person_id, issuer_name, addressee_person_id, parent_letter_id,
            issued_at, acknowledged_at, acknowledged_by""";

    private final JdbcClient jdbc;
    private final PlanAccess access;
    private final AuditJournal journal;
    private final Clock clock;

    ResponsibilityLetters(JdbcClient jdbc, PlanAccess access, AuditJournal journal, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * A letter.
     *
     * @param parentLetterId the issuer's own acknowledged letter, for letters issued by a group leader
     */
    public record Letter(long id, long tenantId, int year, String title, String body, Long issuerPersonId,
                         String issuerName, long addresseePersonId, Long parentLetterId, OffsetDateTime issuedAt,
                         OffsetDateTime acknowledgedAt, String acknowledgedBy) {

        public boolean acknowledged() {
            return acknowledgedAt != null;
        }

        /** When it was acknowledged, Beijing time, for pages. */
        public String acknowledgedOn() {
            return acknowledgedAt == null ? "" : acknowledgedAt.atZoneSameInstant(cn.taizhang.work.domain.WorkingCalendar.CHINA)
                    .toLocalDateTime().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        }
    }

    /** A letter with the names of its addressee and his unit. */
    public record LetterView(Letter letter, String addresseeName, String addresseeUnit) {
    }

    /** What the issue form asks for: one letter to each addressee. */
    public record Issue(Integer year, String title, String body, List<Long> addresseeIds) {
    }

    // ------------------------------------------------------------------ reading

    /** The letters of a year the user may see: his own, those he issued, those of people in his scope. */
    public List<LetterView> list(CurrentUser user, int year) {
        PlanAccess.Viewer v = access.member(user);
        return jdbc.sql("select " + COLUMNS + " from responsibility_letter where tenant_id = :t and year = :y"
                        + " order by title, issued_at, id")
                .param("t", v.tenantId()).param("y", year).query(ResponsibilityLetters::letter).list().stream()
                .filter(l -> sees(v, l)).map(this::view).toList();
    }

    public Letter letter(CurrentUser user, long id) {
        return visible(access.member(user), id);
    }

    /** A letter the user sees, with the names of its addressee and his unit. */
    public LetterView letterView(CurrentUser user, long id) {
        return view(letter(user, id));
    }

    /** Whether the user may issue letters at all (the leadership, a group leader or village cadre). */
    public boolean mayIssue(CurrentUser user) {
        PlanAccess.Viewer v = access.viewer(user);
        return v.leadership() || v.managedPath() != null;
    }

    // ------------------------------------------------------------------ writing

    @Transactional
    public List<Letter> issue(CurrentUser user, Issue c) {
        PlanAccess.Viewer v = access.member(user);
        if (!mayIssue(user)) {
            throw new AccessDeniedException();
        }
        long t = v.tenantId();
        if (c.year() == null || c.year() < 2000 || c.year() > 2100) {
            throw DomainException.atField("year", "plan.year.invalid");
        }
        if (c.title() == null || c.title().isBlank()) {
            throw DomainException.atField("title", "plan.letter.title.required");
        }
        if (c.body() == null || c.body().isBlank()) {
            throw DomainException.atField("body", "plan.letter.body.required");
        }
        PlanTexts.limit("title", c.title().strip(), 200);
        PlanTexts.limit("body", c.body().strip(), 8000);
        var addressees = new LinkedHashSet<>(c.addresseeIds() == null ? List.<Long>of()
                : c.addresseeIds().stream().filter(Objects::nonNull).toList());
        if (addressees.isEmpty()) {
            throw DomainException.atField("addresseeIds", "plan.letter.addressee.required");
        }
        Long parent = null;
        if (!v.leadership()) {
            // level by level: a group leader passes on only what he has acknowledged himself
            parent = jdbc.sql("""
                            select id from responsibility_letter where tenant_id = :t and year = :y
                            and addressee_person_id = :p and acknowledged_at is not null order by acknowledged_at limit 1""")
                    .param("t", t).param("y", c.year()).param("p", user.personId()).query(Long.class).optional()
                    .orElseThrow(() -> DomainException.atField("addresseeIds", "plan.letter.ownFirst",
                            String.valueOf(c.year())));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        var out = new java.util.ArrayList<Letter>();
        for (Long id : addressees) {
            Person p = access.activePerson(t, id, "addresseeIds");
            if (Objects.equals(p.id(), user.personId())) {
                throw DomainException.atField("addresseeIds", "plan.letter.addressee.self");
            }
            if (!v.leadership() && !access.managesPerson(v, p)) {
                throw DomainException.atField("addresseeIds", "plan.letter.addressee.outOfScope", p.name());
            }
            boolean exists = jdbc.sql("""
                            select count(*) from responsibility_letter
                            where tenant_id = :t and year = :y and title = :title and addressee_person_id = :p""")
                    .param("t", t).param("y", c.year()).param("title", c.title().strip()).param("p", p.id())
                    .query(Long.class).single() > 0;
            if (exists) {
                throw DomainException.atField("addresseeIds", "plan.letter.exists", p.name(), c.title().strip());
            }
            long letterId = jdbc.sql("""
                            insert into responsibility_letter (tenant_id, year, title, body, issuer_person_id, issuer_name,
                                                               addressee_person_id, parent_letter_id, issued_at)
                            values (:t, :y, :title, :body, :issuer, :issuerName, :p, :parent, :at) returning id""")
                    .param("t", t).param("y", c.year()).param("title", c.title().strip()).param("body", c.body().strip())
                    .param("issuer", user.personId()).param("issuerName", user.displayName()).param("p", p.id())
                    .param("parent", parent).param("at", now).query(Long.class).single();
            Letter letter = find(t, letterId);
            journal.record(t, "letter.issued", "responsibility_letter", letterId,
                    "责任书 " + letter.title() + " 致 " + p.name(), null, describe(letter), null);
            out.add(letter);
        }
        return out;
    }

    /** The addressee acknowledges (签收) his letter; anybody else is refused, naming the addressee. */
    @Transactional
    public Letter acknowledge(CurrentUser user, long id) {
        PlanAccess.Viewer v = access.member(user);
        Letter letter = visible(v, id);
        if (!Objects.equals(letter.addresseePersonId(), user.personId())) {
            throw new AccessDeniedException("plan.letter.notAddressee",
                    access.personName(letter.tenantId(), letter.addresseePersonId()));
        }
        if (letter.acknowledged()) {
            throw DomainException.atField("letter", "plan.letter.already", letter.acknowledgedAt().toLocalDate().toString());
        }
        jdbc.sql("update responsibility_letter set acknowledged_at = :at, acknowledged_by = :by where id = :id and tenant_id = :t")
                .param("at", OffsetDateTime.now(clock)).param("by", user.displayName() + " (" + user.username() + ")")
                .param("id", id).param("t", letter.tenantId()).update();
        Letter after = find(letter.tenantId(), id);
        journal.record(letter.tenantId(), "letter.acknowledged", "responsibility_letter", id,
                user.displayName() + " 签收责任书 " + letter.title(), describe(letter), describe(after), null);
        return after;
    }

    // ------------------------------------------------------------------ helpers

    private boolean sees(PlanAccess.Viewer v, Letter l) {
        if (l.tenantId() != v.tenantId()) {
            return false;
        }
        Long me = v.user().personId();
        return v.readsAll() || Objects.equals(l.addresseePersonId(), me) || Objects.equals(l.issuerPersonId(), me)
                || access.person(l.tenantId(), l.addresseePersonId()).map(p -> access.managesPerson(v, p)).orElse(false);
    }

    private Letter visible(PlanAccess.Viewer v, long id) {
        return jdbc.sql("select " + COLUMNS + " from responsibility_letter where tenant_id = :t and id = :id")
                .param("t", v.tenantId()).param("id", id).query(ResponsibilityLetters::letter).optional()
                .filter(l -> sees(v, l)).orElseThrow(() -> new NotFoundException("responsibility_letter", id));
    }

    private Letter find(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from responsibility_letter where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).query(ResponsibilityLetters::letter).single();
    }

    private LetterView view(Letter l) {
        var p = access.person(l.tenantId(), l.addresseePersonId());
        return new LetterView(l, p.map(Person::name).orElse(""),
                p.map(x -> access.unitName(l.tenantId(), x.unitId())).orElse(""));
    }

    private static Map<String, Object> describe(Letter l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", l.year());
        m.put("title", l.title());
        m.put("issuer", l.issuerName());
        m.put("addresseePersonId", l.addresseePersonId());
        m.put("parentLetterId", l.parentLetterId());
        m.put("acknowledgedAt", l.acknowledgedAt() == null ? null : l.acknowledgedAt().toString());
        m.put("acknowledgedBy", l.acknowledgedBy());
        return m;
    }

    private static Letter letter(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Letter(rs.getLong("id"), rs.getLong("tenant_id"), rs.getInt("year"), rs.getString("title"),
                rs.getString("body"), (Long) rs.getObject("issuer_person_id"), rs.getString("issuer_name"),
                rs.getLong("addressee_person_id"), (Long) rs.getObject("parent_letter_id"),
                rs.getObject("issued_at", OffsetDateTime.class), rs.getObject("acknowledged_at", OffsetDateTime.class),
                rs.getString("acknowledged_by"));
    }
}
