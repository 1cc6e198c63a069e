package cn.taizhang.work.plan;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.work.CommitmentNotices;
import cn.taizhang.work.WorkingDays;
import cn.taizhang.work.domain.WorkingCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Month-start commitments (月初晒承诺, WORK-3): at the start of a month each member lists his fixed
 * and dynamic tasks and submits the list; his group leader sees it; from the month's last working
 * day each commitment is marked done or not done (with a remark), by the member or his leader.
 */
@Service
public class Commitments implements CommitmentNotices {

    private final JdbcClient jdbc;
    private final PlanAccess access;
    private final Organisation organisation;
    private final WorkingDays workingDays;
    private final AuditJournal journal;
    private final Clock clock;

    Commitments(JdbcClient jdbc, PlanAccess access, Organisation organisation, WorkingDays workingDays,
                AuditJournal journal, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.organisation = organisation;
        this.workingDays = workingDays;
        this.journal = journal;
        this.clock = clock;
    }

    /** One commitment as the pages show it. */
    public record Item(long id, CommitmentKind kind, String text, Outcome outcome, String remark, String outcomeBy) {
    }

    /** A person's list for a month; {@code id} is null while nothing is written. */
    public record Sheet(Long id, Person person, String unitName, YearMonth month, OffsetDateTime submittedAt,
                        List<Item> items) {

        public boolean submitted() {
            return submittedAt != null;
        }

        public List<Item> of(CommitmentKind kind) {
            return items.stream().filter(i -> i.kind() == kind).toList();
        }
    }

    // ------------------------------------------------------------------ reading

    public YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    /** The signed-in member's own list. */
    public Sheet mine(CurrentUser user, YearMonth month) {
        PlanAccess.Viewer v = access.member(user);
        if (user.personId() == null) {
            throw new AccessDeniedException();
        }
        Person me = access.person(v.tenantId(), user.personId()).orElseThrow(AccessDeniedException::new);
        return sheet(me, month);
    }

    /** The lists of the people the user manages or reads (not his own), submitted or not. */
    public List<Sheet> team(CurrentUser user, YearMonth month) {
        PlanAccess.Viewer v = access.member(user);
        if (!v.readsAll() && v.managedPath() == null) {
            return List.of();
        }
        DataScope scope = v.readsAll() ? DataScope.wholeTenant(v.tenantId()) : v.scope();
        return organisation.people(scope, v.tenantId(), null, null, false).stream()
                .filter(p -> !Objects.equals(p.id(), user.personId()))
                .map(p -> sheet(p, month)).toList();
    }

    /** Whether outcomes may be marked: from the month's last working day on. */
    public boolean monthEndReached(long tenantId, YearMonth month) {
        return !today().isBefore(lastWorkingDay(tenantId, month));
    }

    public LocalDate lastWorkingDay(long tenantId, YearMonth month) {
        LocalDate d = month.atEndOfMonth();
        while (d.isAfter(month.atDay(1)) && !workingDays.isWorkingDay(tenantId, d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** Whether the user may mark this person's outcomes (himself, or as his manager). */
    public boolean mayMark(CurrentUser user, Person person) {
        PlanAccess.Viewer v = access.member(user);
        return Objects.equals(person.id(), user.personId()) || access.managesPerson(v, person);
    }

    @Override
    public List<Notice> submitted(long tenantId, YearMonth month) {
        return jdbc.sql("""
                        select m.person_id, c.kind, c.text, c.outcome, c.outcome_remark from commitment c
                        join commitment_month m on m.id = c.month_id
                        where m.tenant_id = :t and m.year = :y and m.month = :m and m.submitted_at is not null
                        order by m.person_id, c.kind, c.id""")
                .param("t", tenantId).param("y", month.getYear()).param("m", month.getMonthValue())
                .query((rs, n) -> {
                    long personId = rs.getLong("person_id");
                    Optional<Person> p = access.person(tenantId, personId);
                    return new Notice(personId, p.map(Person::name).orElse(""),
                            p.map(x -> access.unitName(tenantId, x.unitId())).orElse(""),
                            p.map(Person::title).orElse(""), rs.getString("kind"), rs.getString("text"),
                            rs.getString("outcome"), rs.getString("outcome_remark"));
                }).list();
    }

    // ------------------------------------------------------------------ writing

    @Transactional
    public Item add(CurrentUser user, YearMonth month, CommitmentKind kind, String text) {
        Sheet sheet = mine(user, requireMonth(month));
        if (month.isBefore(thisMonth())) {
            throw DomainException.atField("month", "plan.commitment.month.past", month.toString());
        }
        if (sheet.submitted()) {
            throw new DomainException("plan.commitment.submitted", month.toString());
        }
        if (kind == null) {
            throw DomainException.atField("kind", "plan.commitment.kind.required");
        }
        if (text == null || text.isBlank()) {
            throw DomainException.atField("text", "plan.commitment.text.required");
        }
        PlanTexts.limit("text", text.strip(), 500);
        long t = user.tenantId();
        long monthId = sheet.id() != null ? sheet.id() : jdbc.sql("""
                        insert into commitment_month (tenant_id, person_id, year, month) values (:t, :p, :y, :m)
                        returning id""")
                .param("t", t).param("p", sheet.person().id()).param("y", month.getYear())
                .param("m", month.getMonthValue()).query(Long.class).single();
        long id = jdbc.sql("""
                        insert into commitment (tenant_id, month_id, kind, text, created_at)
                        values (:t, :m, :k, :text, :at) returning id""")
                .param("t", t).param("m", monthId).param("k", kind.name()).param("text", text.strip())
                .param("at", OffsetDateTime.now(clock)).query(Long.class).single();
        journal.record(t, "commitment.added", "commitment", id, "月初承诺 " + month + " " + text.strip(), null,
                Map.of("month", month.toString(), "kind", kind.name(), "text", text.strip()), null);
        return new Item(id, kind, text.strip(), null, null, null);
    }

    /** Takes a commitment off the list again, only before the list is submitted. */
    @Transactional
    public void remove(CurrentUser user, long commitmentId) {
        Row row = ownRow(user, commitmentId);
        if (row.submitted()) {
            throw new DomainException("plan.commitment.submitted", row.month().toString());
        }
        jdbc.sql("delete from commitment where id = :id and tenant_id = :t").param("id", commitmentId)
                .param("t", user.tenantId()).update();
        journal.record(user.tenantId(), "commitment.removed", "commitment", commitmentId,
                "撤回月初承诺 " + row.month() + " " + row.text(), Map.of("text", row.text()), null, null);
    }

    @Transactional
    public void submit(CurrentUser user, YearMonth month) {
        Sheet sheet = mine(user, requireMonth(month));
        if (sheet.submitted()) {
            throw DomainException.atField("month", "plan.commitment.submitted", month.toString());
        }
        if (sheet.items().isEmpty()) {
            throw DomainException.atField("month", "plan.commitment.empty", month.toString());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("update commitment_month set submitted_at = :at where id = :id and tenant_id = :t")
                .param("at", now).param("id", sheet.id()).param("t", user.tenantId()).update();
        journal.record(user.tenantId(), "commitment.submitted", "commitment_month", sheet.id(),
                sheet.person().name() + " 提交 " + month + " 月初承诺 " + sheet.items().size() + " 项", null,
                Map.of("month", month.toString(), "items", sheet.items().size()), null);
    }

    /** Marks a commitment done or not done at month end, by the member or his manager. */
    @Transactional
    public void mark(CurrentUser user, long commitmentId, Outcome outcome, String remark) {
        PlanAccess.Viewer v = access.member(user);
        Row row = row(v, commitmentId);
        Person person = access.person(v.tenantId(), row.personId()).orElseThrow();
        if (!mayMark(user, person)) {
            throw new AccessDeniedException();
        }
        if (!row.submitted()) {
            throw DomainException.atField("outcome", "plan.commitment.notSubmitted", row.month().toString());
        }
        if (!monthEndReached(v.tenantId(), row.month())) {
            throw DomainException.atField("outcome", "plan.commitment.notMonthEnd",
                    lastWorkingDay(v.tenantId(), row.month()).toString());
        }
        if (outcome == null) {
            throw DomainException.atField("outcome", "plan.commitment.outcome.required");
        }
        String note = remark == null || remark.isBlank() ? null : remark.strip();
        if (outcome == Outcome.NOT_DONE && note == null) {
            throw DomainException.atField("remark", "plan.commitment.remark.required");
        }
        PlanTexts.limit("remark", note, 500);
        jdbc.sql("""
                        update commitment set outcome = :o, outcome_remark = :r, outcome_by = :by, outcome_at = :at
                        where id = :id and tenant_id = :t""")
                .param("o", outcome.name()).param("r", note).param("by", user.displayName())
                .param("at", OffsetDateTime.now(clock)).param("id", commitmentId).param("t", v.tenantId()).update();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("outcome", row.outcome());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("outcome", outcome.name());
        after.put("remark", note);
        journal.record(v.tenantId(), "commitment.marked", "commitment", commitmentId,
                person.name() + " " + row.month() + " " + row.text() + "：" + outcome.name(), before, after, note);
    }

    // ------------------------------------------------------------------ helpers

    private record Row(long id, long personId, YearMonth month, boolean submitted, String text, String outcome) {
    }

    private Row row(PlanAccess.Viewer v, long commitmentId) {
        Row row = jdbc.sql("""
                        select c.id, m.person_id, m.year, m.month, m.submitted_at is not null as submitted, c.text, c.outcome
                        from commitment c join commitment_month m on m.id = c.month_id
                        where c.id = :id and c.tenant_id = :t""")
                .param("id", commitmentId).param("t", v.tenantId())
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("person_id"),
                        YearMonth.of(rs.getInt("year"), rs.getInt("month")), rs.getBoolean("submitted"),
                        rs.getString("text"), rs.getString("outcome")))
                .optional().orElseThrow(() -> new NotFoundException("commitment", commitmentId));
        boolean visible = access.person(v.tenantId(), row.personId()).map(p -> access.seesPerson(v, p)).orElse(false);
        if (!visible) {
            throw new NotFoundException("commitment", commitmentId);
        }
        return row;
    }

    private Row ownRow(CurrentUser user, long commitmentId) {
        Row row = row(access.member(user), commitmentId);
        if (!Objects.equals(row.personId(), user.personId())) {
            throw new AccessDeniedException();
        }
        return row;
    }

    private static YearMonth requireMonth(YearMonth month) {
        if (month == null) {
            throw DomainException.atField("month", "plan.commitment.month.required");
        }
        return month;
    }

    private LocalDate today() {
        return OffsetDateTime.now(clock).atZoneSameInstant(WorkingCalendar.CHINA).toLocalDate();
    }

    private Sheet sheet(Person person, YearMonth month) {
        long t = person.tenantId();
        var head = jdbc.sql("""
                        select id, submitted_at from commitment_month
                        where tenant_id = :t and person_id = :p and year = :y and month = :m""")
                .param("t", t).param("p", person.id()).param("y", month.getYear()).param("m", month.getMonthValue())
                .query((rs, n) -> Map.entry(rs.getLong("id"),
                        Optional.ofNullable(rs.getObject("submitted_at", OffsetDateTime.class))))
                .optional();
        String unitName = access.unitName(t, person.unitId());
        if (head.isEmpty()) {
            return new Sheet(null, person, unitName, month, null, List.of());
        }
        long id = head.get().getKey();
        List<Item> items = jdbc.sql("""
                        select id, kind, text, outcome, outcome_remark, outcome_by from commitment
                        where month_id = :m order by kind, id""")
                .param("m", id)
                .query((rs, n) -> new Item(rs.getLong("id"), CommitmentKind.valueOf(rs.getString("kind")),
                        rs.getString("text"), rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("outcome_remark"), rs.getString("outcome_by")))
                .list();
        return new Sheet(id, person, unitName, month, head.get().getValue().orElse(null), items);
    }
}
