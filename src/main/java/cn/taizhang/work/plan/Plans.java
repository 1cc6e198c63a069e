package cn.taizhang.work.plan;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.work.domain.NewItem;
import cn.taizhang.work.domain.ReportFrequency;
import cn.taizhang.work.domain.WorkItem;
import cn.taizhang.work.domain.WorkItems;
import cn.taizhang.work.domain.WorkSource;
import cn.taizhang.work.domain.WorkingCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plan cascade (WORK-3) and its measurable targets (WORK-4): the township's annual plan, each
 * group's annual and monthly plans, each member's monthly plan, every line pointing at the line of
 * the plan above that it serves and, when it is carried out as a work item, at that item.
 * A plan outside the user's sight is "not found"; one he sees but may not write is refused.
 */
@Service
public class Plans {

    private static final String PLAN_COLUMNS = "id, tenant_id, level, year, month, unit_id, person_id, title, created_by_name";
    private static final String LINE_COLUMNS = """
            l.id, l.tenant_id, l.plan_id, l.seq, l.content, l.standard, l.deadline, l.responsible_unit_id,
            l.responsible_person_id, l.supervising_leader_id, l.serves_line_id, l.work_item_id""";

    private final JdbcClient jdbc;
    private final PlanAccess access;
    private final Organisation organisation;
    private final WorkItems work;
    private final AuditJournal journal;
    private final Clock clock;
    private final JsonMapper json;

    Plans(JdbcClient jdbc, PlanAccess access, Organisation organisation, WorkItems work, AuditJournal journal,
          Clock clock, JsonMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.access = access;
        this.organisation = organisation;
        this.work = work;
        this.journal = journal;
        this.clock = clock;
    }

    /** What a page asks for when it starts a plan. */
    public record NewPlan(PlanLevel level, Integer year, Integer month, Long unitId, Long personId, String title) {
    }

    /** What a page asks for when it adds a line. */
    public record NewLine(String content, String standard, LocalDate deadline, Long responsibleUnitId,
                          Long responsiblePersonId, Long supervisingLeaderId, Long servesLineId) {
    }

    /** A plan as a list shows it, with the names of its unit and member. */
    public record PlanView(Plan plan, String unitName, String personName) {
    }

    /** A line with the names a reader needs and the work item carrying it out. */
    public record LineView(PlanLine line, String unitName, String personName, String leaderName,
                           String servesContent, String workItemTitle, int revisions) {
    }

    /** One correction of a line (修改记录): who, when, why, and each field as it was and as it became. */
    public record Revision(long id, OffsetDateTime revisedAt, String revisedBy, String reason, List<Change> changes) {

        /** When it was revised, Beijing time, for pages. */
        public String revisedOn() {
            return revisedAt.atZoneSameInstant(WorkingCalendar.CHINA).toLocalDateTime()
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        }
    }

    /** A field of a line as it was and as it became, in the words a reader knows (names, not ids). */
    public record Change(String field, String before, String after) {
    }

    /** A line's fields after the checks every added or revised line goes through. */
    private record Checked(String content, String standard, LocalDate deadline, long unitId, long personId,
                           Long leaderId, Long servesLineId) {
    }

    // ------------------------------------------------------------------ reading

    /** The plans of a year the user may see, the cascade's order: township, groups, members. */
    public List<PlanView> list(CurrentUser user, int year) {
        PlanAccess.Viewer v = access.member(user);
        return jdbc.sql("select " + PLAN_COLUMNS + " from plan where tenant_id = :t and year = :y"
                        + " order by case level when 'TOWNSHIP_ANNUAL' then 0 when 'GROUP_ANNUAL' then 1"
                        + " when 'GROUP_MONTHLY' then 2 else 3 end, month nulls first, unit_id, person_id, id")
                .param("t", v.tenantId()).param("y", year).query(Plans::plan).list().stream()
                .filter(p -> sees(v, p)).map(p -> view(p)).toList();
    }

    public Plan plan(CurrentUser user, long id) {
        return visiblePlan(access.member(user), id);
    }

    public PlanView view(Plan p) {
        return new PlanView(p, access.unitName(p.tenantId(), p.unitId()), access.personName(p.tenantId(), p.personId()));
    }

    public boolean mayEdit(CurrentUser user, Plan plan) {
        return mayEdit(access.member(user), plan);
    }

    public List<LineView> lines(CurrentUser user, long planId) {
        Plan p = visiblePlan(access.member(user), planId);
        return lineViews(jdbc.sql("select " + LINE_COLUMNS + " from plan_line l where l.tenant_id = :t and l.plan_id = :p"
                        + " order by l.seq").param("t", p.tenantId()).param("p", p.id()).query(Plans::line).list());
    }

    /** A line of a plan the user sees, or "not found". */
    public LineView line(CurrentUser user, long lineId) {
        PlanLine line = visibleLine(access.member(user), lineId);
        return lineViews(List.of(line)).get(0);
    }

    /** The corrections of a line, oldest first. */
    public List<Revision> revisions(CurrentUser user, long lineId) {
        PlanLine line = visibleLine(access.member(user), lineId);
        return jdbc.sql("""
                        select id, before::text as before, after::text as after, reason, revised_by_name, revised_at
                        from plan_line_revision where tenant_id = :t and line_id = :l order by id""")
                .param("t", line.tenantId()).param("l", line.id())
                .query((rs, n) -> new Revision(rs.getLong("id"), rs.getObject("revised_at", OffsetDateTime.class),
                        rs.getString("revised_by_name"), rs.getString("reason"),
                        changes(readShown(rs.getString("before")), readShown(rs.getString("after")))))
                .list();
    }

    /**
     * Whether a correction of the line needs a reason: once a work item carries it or lines of the plans
     * below serve it, others rely on it, and the change must be explained on the record.
     */
    public boolean reliedOn(PlanLine line) {
        return line.workItemId() != null || jdbc.sql("select count(*) from plan_line where tenant_id = :t and serves_line_id = :id")
                .param("t", line.tenantId()).param("id", line.id()).query(Long.class).single() > 0;
    }

    /** The lines of visible plans one level up in the same period: what a new line may serve. */
    public List<LineView> servable(CurrentUser user, Plan plan) {
        PlanAccess.Viewer v = access.member(user);
        if (plan.level().serves() == null) {
            return List.of();
        }
        return lineViews(jdbc.sql("select " + LINE_COLUMNS + " from plan_line l join plan p on p.id = l.plan_id"
                        + " where l.tenant_id = :t and p.level = :level and p.year = :y order by p.id, l.seq")
                .param("t", plan.tenantId()).param("level", plan.level().serves().name()).param("y", plan.year())
                .query(Plans::line).list().stream()
                .filter(l -> {
                    Plan above = find(plan.tenantId(), l.planId());
                    return sees(v, above) && fitsAbove(plan, above);
                }).toList());
    }

    /** The lines of visible plans that serve the given lines (the decomposition the task book shows). */
    public Map<Long, List<LineView>> servedBy(CurrentUser user, List<LineView> lines) {
        PlanAccess.Viewer v = access.member(user);
        if (lines.isEmpty()) {
            return Map.of();
        }
        Set<Long> ids = lines.stream().map(l -> l.line().id()).collect(Collectors.toSet());
        List<PlanLine> below = jdbc.sql("select " + LINE_COLUMNS + " from plan_line l where l.tenant_id = :t"
                        + " and l.serves_line_id in (:ids) order by l.deadline, l.id")
                .param("t", v.tenantId()).param("ids", ids).query(Plans::line).list().stream()
                .filter(l -> sees(v, find(v.tenantId(), l.planId()))).toList();
        Map<Long, List<LineView>> out = new LinkedHashMap<>();
        for (LineView l : lineViews(below)) {
            out.computeIfAbsent(l.line().servesLineId(), k -> new java.util.ArrayList<>()).add(l);
        }
        return out;
    }

    // ------------------------------------------------------------------ writing

    @Transactional
    public Plan create(CurrentUser user, NewPlan c) {
        PlanAccess.Viewer v = access.member(user);
        long t = v.tenantId();
        if (c.level() == null) {
            throw DomainException.atField("level", "plan.level.required");
        }
        if (c.year() == null || c.year() < 2000 || c.year() > 2100) {
            throw DomainException.atField("year", "plan.year.invalid");
        }
        Integer month = c.level().monthly() ? c.month() : null;
        if (c.level().monthly() && (month == null || month < 1 || month > 12)) {
            throw DomainException.atField("month", "plan.month.required");
        }
        OrgUnit unit;
        Long personId = null;
        switch (c.level()) {
            case TOWNSHIP_ANNUAL -> unit = organisation.root(t).orElseThrow();
            case GROUP_ANNUAL, GROUP_MONTHLY -> {
                if (c.unitId() == null) {
                    throw DomainException.atField("unitId", "plan.unit.required");
                }
                unit = access.activeUnit(t, c.unitId(), "unitId");
                if (unit.parentId() == null) {
                    throw DomainException.atField("unitId", "plan.unit.isTownship");
                }
            }
            default -> {
                if (c.personId() == null) {
                    throw DomainException.atField("personId", "plan.person.required");
                }
                Person member = access.activePerson(t, c.personId(), "personId");
                unit = access.unitOf(member);
                personId = member.id();
            }
        }
        String title = c.title() == null || c.title().isBlank() ? null : c.title().strip();
        if (title == null) {
            throw DomainException.atField("title", "plan.title.required");
        }
        PlanTexts.limit("title", title, 200);
        Plan draft = new Plan(0, t, c.level(), c.year(), month, unit.id(), personId, title, v.user().displayName());
        if (!mayEdit(v, draft)) {
            throw new AccessDeniedException();
        }
        boolean exists = jdbc.sql("select count(*) from plan where tenant_id = :t and level = :l and year = :y"
                        + " and coalesce(month, 0) = :m and unit_id = :u and coalesce(person_id, 0) = :p")
                .param("t", t).param("l", c.level().name()).param("y", c.year()).param("m", month == null ? 0 : month)
                .param("u", unit.id()).param("p", personId == null ? 0L : personId).query(Long.class).single() > 0;
        if (exists) {
            throw DomainException.atField("level", "plan.exists", draft.period(), unit.name());
        }
        long id = jdbc.sql("""
                        insert into plan (tenant_id, level, year, month, unit_id, person_id, title, created_by_name, created_at)
                        values (:t, :l, :y, :m, :u, :p, :title, :by, :at) returning id""")
                .param("t", t).param("l", c.level().name()).param("y", c.year()).param("m", month)
                .param("u", unit.id()).param("p", personId).param("title", title)
                .param("by", v.user().displayName()).param("at", OffsetDateTime.now(clock)).query(Long.class).single();
        Plan plan = find(t, id);
        journal.record(t, "plan.created", "plan", id, "计划 " + plan.period() + " " + title, null, describe(plan), null);
        return plan;
    }

    @Transactional
    public PlanLine addLine(CurrentUser user, long planId, NewLine c) {
        PlanAccess.Viewer v = access.member(user);
        Plan plan = editablePlan(v, planId);
        long t = plan.tenantId();
        Checked k = check(v, plan, c);
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from plan_line where plan_id = :p").param("p", plan.id())
                .query(Integer.class).single();
        long id = jdbc.sql("""
                        insert into plan_line (tenant_id, plan_id, seq, content, standard, deadline, responsible_unit_id,
                                               responsible_person_id, supervising_leader_id, serves_line_id, created_at)
                        values (:t, :p, :seq, :content, :standard, :deadline, :unit, :person, :leader, :serves, :at)
                        returning id""")
                .param("t", t).param("p", plan.id()).param("seq", seq).param("content", k.content())
                .param("standard", k.standard()).param("deadline", k.deadline()).param("unit", k.unitId())
                .param("person", k.personId()).param("leader", k.leaderId())
                .param("serves", k.servesLineId()).param("at", OffsetDateTime.now(clock)).query(Long.class).single();
        PlanLine line = findLine(t, id);
        journal.record(t, "plan.line.added", "plan_line", id, "计划 " + plan.period() + " 第" + seq + "条 " + line.content(),
                null, describe(line), null);
        return line;
    }

    /**
     * Corrects a line (target, standard, deadline, responsible unit and person, supervising leader, the line
     * it serves) with the same checks as adding one. The line as it was stays on record with who changed it,
     * when and why; a reason is required once others rely on the line ({@link #reliedOn}). A work item that
     * carries the line keeps its own deadline and people: those change on the item (an extension is approved there).
     */
    @Transactional
    public PlanLine revise(CurrentUser user, long lineId, NewLine c, String reason) {
        PlanAccess.Viewer v = access.member(user);
        PlanLine before = editableLine(v, lineId);
        Plan plan = find(before.tenantId(), before.planId());
        Checked k = check(v, plan, c);
        if (k.equals(new Checked(before.content(), before.standard(), before.deadline(), before.responsibleUnitId(),
                before.responsiblePersonId(), before.supervisingLeaderId(), before.servesLineId()))) {
            throw new DomainException("plan.line.unchanged");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        PlanTexts.limit("reason", why, 500);
        if (why == null && reliedOn(before)) {
            throw DomainException.atField("reason", "plan.line.reason.required");
        }
        jdbc.sql("""
                        update plan_line set content = :content, standard = :standard, deadline = :deadline,
                        responsible_unit_id = :unit, responsible_person_id = :person, supervising_leader_id = :leader,
                        serves_line_id = :serves where id = :id and tenant_id = :t""")
                .param("content", k.content()).param("standard", k.standard()).param("deadline", k.deadline())
                .param("unit", k.unitId()).param("person", k.personId()).param("leader", k.leaderId())
                .param("serves", k.servesLineId()).param("id", before.id()).param("t", before.tenantId()).update();
        PlanLine after = findLine(before.tenantId(), before.id());
        jdbc.sql("""
                        insert into plan_line_revision (tenant_id, line_id, before, after, reason, revised_by_name, revised_at)
                        values (:t, :l, cast(:before as jsonb), cast(:after as jsonb), :reason, :by, :at)""")
                .param("t", after.tenantId()).param("l", after.id()).param("before", writeShown(shown(before)))
                .param("after", writeShown(shown(after))).param("reason", why).param("by", v.user().displayName())
                .param("at", OffsetDateTime.now(clock)).update();
        journal.record(after.tenantId(), "plan.line.revised", "plan_line", after.id(),
                "计划 " + plan.period() + " 第" + after.seq() + "条 修改 " + after.content(), describe(before),
                describe(after), why);
        return after;
    }

    /**
     * Why a line cannot be deleted, as a refusal, or null when nothing relies on it: no work item carries
     * it, no line of a plan below serves it, and it was never corrected (its corrections are append-only
     * history, which a deletion would leave without its line).
     */
    public DomainException whyNotDeletable(PlanLine line) {
        if (line.workItemId() != null) {
            return DomainException.atField("line", "plan.line.delete.hasItem", String.valueOf(line.workItemId()));
        }
        long lower = jdbc.sql("select count(*) from plan_line where tenant_id = :t and serves_line_id = :id")
                .param("t", line.tenantId()).param("id", line.id()).query(Long.class).single();
        if (lower > 0) {
            return DomainException.atField("line", "plan.line.delete.servedBy", lower);
        }
        long revised = jdbc.sql("select count(*) from plan_line_revision where tenant_id = :t and line_id = :id")
                .param("t", line.tenantId()).param("id", line.id()).query(Long.class).single();
        if (revised > 0) {
            return DomainException.atField("line", "plan.line.delete.revised", revised);
        }
        return null;
    }

    /**
     * Deletes a line nothing relies on ({@link #whyNotDeletable}), for whoever may add lines to its plan;
     * the line as it was goes to the journal ({@code plan.line.deleted}) with the optional reason. The
     * other lines keep their numbers (no renumbering); a new line comes after the highest one left.
     */
    @Transactional
    public void deleteLine(CurrentUser user, long lineId, String reason) {
        PlanAccess.Viewer v = access.member(user);
        PlanLine line = editableLine(v, lineId);
        DomainException refusal = whyNotDeletable(line);
        if (refusal != null) {
            throw refusal;
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        PlanTexts.limit("reason", why, 500);
        Plan plan = find(line.tenantId(), line.planId());
        Map<String, Object> before = describe(line);
        jdbc.sql("delete from plan_line where tenant_id = :t and id = :id")
                .param("t", line.tenantId()).param("id", line.id()).update();
        journal.record(line.tenantId(), "plan.line.deleted", "plan_line", line.id(),
                "计划 " + plan.period() + " 第" + line.seq() + "条 删除 " + line.content(), before, null, why);
    }

    /** Carries a line out as an existing work item the user can see. */
    @Transactional
    public PlanLine linkItem(CurrentUser user, long lineId, Long workItemId) {
        PlanAccess.Viewer v = access.member(user);
        PlanLine line = editableLine(v, lineId);
        requireNoItem(line);
        if (workItemId == null) {
            throw DomainException.atField("workItemId", "plan.line.item.required");
        }
        WorkItem item;
        try {
            item = work.item(user, workItemId);
        } catch (NotFoundException e) {
            throw DomainException.atField("workItemId", "plan.line.item.unknown", String.valueOf(workItemId));
        }
        return setItem(line, item.id(), "plan.line.linked");
    }

    /** Carries a line out as a new work item (a draft of the chosen category, source 年度目标) and links it. */
    @Transactional
    public PlanLine createItem(CurrentUser user, long lineId, String categoryCode) {
        PlanAccess.Viewer v = access.member(user);
        PlanLine line = editableLine(v, lineId);
        requireNoItem(line);
        LocalDate today = OffsetDateTime.now(clock).atZoneSameInstant(WorkingCalendar.CHINA).toLocalDate();
        WorkItem item = work.create(user, new NewItem(line.content(), categoryCode, WorkSource.ANNUAL_TARGET,
                line.responsibleUnitId(), List.of(), line.responsiblePersonId(), line.supervisingLeaderId(),
                today.isAfter(line.deadline()) ? line.deadline() : today, line.deadline(), line.standard(), null,
                ReportFrequency.MONTHLY, null, List.of(), null, List.of(), false));
        return setItem(line, item.id(), "plan.line.itemCreated");
    }

    private static void requireNoItem(PlanLine line) {
        if (line.workItemId() != null) {
            throw DomainException.atField("workItemId", "plan.line.item.already", String.valueOf(line.workItemId()));
        }
    }

    private PlanLine setItem(PlanLine line, long itemId, String action) {
        jdbc.sql("update plan_line set work_item_id = :w where id = :id and tenant_id = :t")
                .param("w", itemId).param("id", line.id()).param("t", line.tenantId()).update();
        PlanLine after = findLine(line.tenantId(), line.id());
        journal.record(line.tenantId(), action, "plan_line", line.id(), "计划条目 " + line.content() + " → 事项 " + itemId,
                describe(line), describe(after), null);
        return after;
    }

    // ------------------------------------------------------------------ rules

    private boolean sees(PlanAccess.Viewer v, Plan p) {
        if (p.tenantId() != v.tenantId()) {
            return false;
        }
        if (p.level() == PlanLevel.MEMBER_MONTHLY) {
            return access.person(p.tenantId(), p.personId()).map(person -> access.seesPerson(v, person)).orElse(false);
        }
        return access.unit(p.tenantId(), p.unitId()).map(u -> access.seesUnit(v, u)).orElse(false);
    }

    private boolean mayEdit(PlanAccess.Viewer v, Plan p) {
        return switch (p.level()) {
            case TOWNSHIP_ANNUAL -> v.leadership();
            case GROUP_ANNUAL, GROUP_MONTHLY -> access.unit(p.tenantId(), p.unitId())
                    .map(u -> access.managesUnit(v, u)).orElse(false);
            case MEMBER_MONTHLY -> Objects.equals(p.personId(), v.user().personId())
                    || access.person(p.tenantId(), p.personId()).map(person -> access.managesPerson(v, person)).orElse(false);
        };
    }

    /** The plan above fits: one level up, the same year, and for monthly plans the same month or group. */
    private boolean fitsAbove(Plan plan, Plan above) {
        if (above.level() != plan.level().serves() || above.year() != plan.year()) {
            return false;
        }
        return switch (plan.level()) {
            case GROUP_MONTHLY -> above.unitId() == plan.unitId();
            case MEMBER_MONTHLY -> Objects.equals(above.month(), plan.month())
                    && access.unit(plan.tenantId(), plan.unitId()).map(OrgUnit::path).orElse("")
                    .startsWith(access.unit(above.tenantId(), above.unitId()).map(OrgUnit::path).orElse("?"));
            default -> true;
        };
    }

    private void requireServable(PlanAccess.Viewer v, Plan plan, long servesLineId) {
        if (plan.level().serves() == null) {
            throw DomainException.atField("servesLineId", "plan.line.serves.top");
        }
        // another tenant's line, or one the user cannot see, reads as unknown. FOR SHARE holds off a
        // concurrent deletion of that line until this one commits (the deletion is then refused); if the
        // deletion came first, the line reads as unknown here instead of failing on the foreign key.
        PlanLine above = jdbc.sql("select " + LINE_COLUMNS + " from plan_line l where l.tenant_id = :t and l.id = :id for share")
                .param("t", plan.tenantId()).param("id", servesLineId).query(Plans::line).optional()
                .filter(l -> sees(v, find(plan.tenantId(), l.planId())))
                .orElseThrow(() -> DomainException.atField("servesLineId", "plan.line.serves.unknown",
                        String.valueOf(servesLineId)));
        if (!fitsAbove(plan, find(plan.tenantId(), above.planId()))) {
            throw DomainException.atField("servesLineId", "plan.line.serves.wrongLevel", above.content());
        }
    }

    /** The rules of a line of this plan, added or revised: each refusal names its field. */
    private Checked check(PlanAccess.Viewer v, Plan plan, NewLine c) {
        long t = plan.tenantId();
        if (c.content() == null || c.content().isBlank()) {
            throw DomainException.atField("content", "plan.line.content.required");
        }
        PlanTexts.limit("content", c.content().strip(), 500);
        if (c.standard() == null || c.standard().isBlank()) {
            throw DomainException.atField("standard", "plan.line.standard.required");
        }
        PlanTexts.limit("standard", c.standard().strip(), 1000);
        if (c.deadline() == null) {
            throw DomainException.atField("deadline", "plan.line.deadline.required");
        }
        if (c.deadline().isBefore(plan.periodStart())) {
            throw DomainException.atField("deadline", "plan.line.deadline.beforePeriod", c.deadline().toString(),
                    plan.period());
        }
        if (c.deadline().isAfter(plan.periodEnd())) {
            throw DomainException.atField("deadline", "plan.line.deadline.afterPeriod", c.deadline().toString(),
                    plan.period());
        }
        Long unitId = c.responsibleUnitId() == null ? Long.valueOf(plan.unitId()) : c.responsibleUnitId();
        OrgUnit unit = access.activeUnit(t, unitId, "responsibleUnitId");
        Long personId = c.responsiblePersonId() == null ? plan.personId() : c.responsiblePersonId();
        if (personId == null) {
            throw DomainException.atField("responsiblePersonId", "plan.line.responsible.required");
        }
        Person responsible = access.activePerson(t, personId, "responsiblePersonId");
        if (c.supervisingLeaderId() != null) {
            access.activePerson(t, c.supervisingLeaderId(), "supervisingLeaderId");
        }
        if (c.servesLineId() != null) {
            requireServable(v, plan, c.servesLineId());
        }
        return new Checked(c.content().strip(), c.standard().strip(), c.deadline(), unit.id(), responsible.id(),
                c.supervisingLeaderId(), c.servesLineId());
    }

    /** A line as the revision record keeps it: what a reader sees, names rather than ids. */
    private Map<String, String> shown(PlanLine l) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("content", l.content());
        m.put("standard", l.standard());
        m.put("deadline", l.deadline().toString());
        m.put("unit", access.unitName(l.tenantId(), l.responsibleUnitId()));
        m.put("person", access.personName(l.tenantId(), l.responsiblePersonId()));
        m.put("leader", access.personName(l.tenantId(), l.supervisingLeaderId()));
        m.put("serves", l.servesLineId() == null ? "" : jdbc.sql("select content from plan_line where id = :id and tenant_id = :t")
                .param("id", l.servesLineId()).param("t", l.tenantId()).query(String.class).optional().orElse(""));
        return m;
    }

    private String writeShown(Map<String, String> m) {
        return json.writeValueAsString(m);
    }

    private Map<String, String> readShown(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        json.readTree(text).properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
    }

    /** The fields of a line in the order of the form (jsonb does not keep the order it was given). */
    private static final List<String> SHOWN_FIELDS = List.of("content", "standard", "deadline", "unit", "person",
            "leader", "serves");

    private static List<Change> changes(Map<String, String> before, Map<String, String> after) {
        return SHOWN_FIELDS.stream().filter(f -> !Objects.equals(before.get(f), after.get(f)))
                .map(f -> new Change(f, before.getOrDefault(f, ""), after.getOrDefault(f, ""))).toList();
    }

    private PlanLine visibleLine(PlanAccess.Viewer v, long lineId) {
        PlanLine line = jdbc.sql("select " + LINE_COLUMNS + " from plan_line l where l.tenant_id = :t and l.id = :id")
                .param("t", v.tenantId()).param("id", lineId).query(Plans::line).optional()
                .orElseThrow(() -> new NotFoundException("plan_line", lineId));
        try {
            visiblePlan(v, line.planId());
        } catch (NotFoundException e) {
            throw new NotFoundException("plan_line", lineId);
        }
        return line;
    }

    private Plan visiblePlan(PlanAccess.Viewer v, long id) {
        return jdbc.sql("select " + PLAN_COLUMNS + " from plan where tenant_id = :t and id = :id")
                .param("t", v.tenantId()).param("id", id).query(Plans::plan).optional()
                .filter(p -> sees(v, p)).orElseThrow(() -> new NotFoundException("plan", id));
    }

    private Plan editablePlan(PlanAccess.Viewer v, long id) {
        Plan p = visiblePlan(v, id);
        if (!mayEdit(v, p)) {
            throw new AccessDeniedException();
        }
        return p;
    }

    /**
     * The line, locked until the change commits: a line below that would serve it, a link to an item or
     * another change waits for this one; one that waited for a deletion then finds the line gone (404).
     */
    private PlanLine editableLine(PlanAccess.Viewer v, long lineId) {
        jdbc.sql("select id from plan_line where tenant_id = :t and id = :id for update")
                .param("t", v.tenantId()).param("id", lineId).query(Long.class).optional();
        PlanLine line = visibleLine(v, lineId);
        editablePlan(v, line.planId());
        return line;
    }

    private Plan find(long tenantId, long id) {
        return jdbc.sql("select " + PLAN_COLUMNS + " from plan where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).query(Plans::plan).single();
    }

    private PlanLine findLine(long tenantId, long id) {
        return jdbc.sql("select " + LINE_COLUMNS + " from plan_line l where l.tenant_id = :t and l.id = :id")
                .param("t", tenantId).param("id", id).query(Plans::line).single();
    }

    private List<LineView> lineViews(List<PlanLine> lines) {
        return lines.stream().map(l -> {
            String serves = l.servesLineId() == null ? null
                    : jdbc.sql("select content from plan_line where id = :id and tenant_id = :t")
                    .param("id", l.servesLineId()).param("t", l.tenantId()).query(String.class).optional().orElse(null);
            String item = l.workItemId() == null ? null : jdbc.sql("select title from work_item where id = :id and tenant_id = :t")
                    .param("id", l.workItemId()).param("t", l.tenantId()).query(String.class).optional().orElse(null);
            int revisions = jdbc.sql("select count(*) from plan_line_revision where tenant_id = :t and line_id = :id")
                    .param("t", l.tenantId()).param("id", l.id()).query(Integer.class).single();
            return new LineView(l, access.unitName(l.tenantId(), l.responsibleUnitId()),
                    access.personName(l.tenantId(), l.responsiblePersonId()),
                    access.personName(l.tenantId(), l.supervisingLeaderId()), serves, item, revisions);
        }).toList();
    }

    private static Map<String, Object> describe(Plan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", p.level().name());
        m.put("period", p.period());
        m.put("unitId", p.unitId());
        m.put("personId", p.personId());
        m.put("title", p.title());
        return m;
    }

    private static Map<String, Object> describe(PlanLine l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("planId", l.planId());
        m.put("seq", l.seq());
        m.put("content", l.content());
        m.put("standard", l.standard());
        m.put("deadline", l.deadline().toString());
        m.put("responsibleUnitId", l.responsibleUnitId());
        m.put("responsiblePersonId", l.responsiblePersonId());
        m.put("supervisingLeaderId", l.supervisingLeaderId());
        m.put("servesLineId", l.servesLineId());
        m.put("workItemId", l.workItemId());
        return m;
    }

    private static Plan plan(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Plan(rs.getLong("id"), rs.getLong("tenant_id"), PlanLevel.valueOf(rs.getString("level")),
                rs.getInt("year"), (Integer) rs.getObject("month"), rs.getLong("unit_id"),
                (Long) rs.getObject("person_id"), rs.getString("title"), rs.getString("created_by_name"));
    }

    private static PlanLine line(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PlanLine(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("plan_id"), rs.getInt("seq"),
                rs.getString("content"), rs.getString("standard"), rs.getObject("deadline", LocalDate.class),
                rs.getLong("responsible_unit_id"), rs.getLong("responsible_person_id"),
                (Long) rs.getObject("supervising_leader_id"), (Long) rs.getObject("serves_line_id"),
                (Long) rs.getObject("work_item_id"));
    }
}
