package cn.taizhang.work.domain;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.method.MethodDefinition;
import cn.taizhang.method.MethodDefinition.Document;
import cn.taizhang.method.MethodVersion;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgScopes;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.shared.Role;
import cn.taizhang.work.WorkItemClosedOut;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work items: create in the tenant's method categories, take through the lifecycle, keep the ledger,
 * the deadlines and the lights (WORK-1, WORK-2, WORK-6, WORK-7, LEDGER-1..4). Every method takes the
 * signed-in user: an item outside the user's sight is "not found" (404), one the user sees but may
 * not act on is refused (403). Every transition is journalled in the same transaction.
 */
@Service
public class WorkItems {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WorkItems.class);

    private final WorkItemRepository items;
    private final CalendarRepository calendars;
    private final TenantMethods methods;
    private final Organisation organisation;
    private final OrgScopes scopes;
    private final AuditJournal journal;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    WorkItems(WorkItemRepository items, CalendarRepository calendars, TenantMethods methods, Organisation organisation,
              OrgScopes scopes, AuditJournal journal, ApplicationEventPublisher events, MessageSource messages,
              Clock clock) {
        this.items = items;
        this.calendars = calendars;
        this.methods = methods;
        this.organisation = organisation;
        this.scopes = scopes;
        this.journal = journal;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reading

    /** The categories of the tenant's adopted method (empty when it has none). */
    public List<MethodDefinition.Category> categories(long tenantId) {
        return methods.active(tenantId).map(MethodVersion::definition).map(MethodDefinition::categories)
                .orElse(List.of());
    }

    public Visibility visibility(CurrentUser user) {
        return visibility(user, scopes.of(user));
    }

    private static Visibility visibility(CurrentUser user, DataScope scope) {
        if (scope.isEmpty() || !scope.tenantIds().contains(user.tenantId())) {
            return Visibility.nothing(user.tenantId());
        }
        if (scope.selfPersonId() != null) {
            return new Visibility(user.tenantId(), null, scope.selfPersonId(), true);
        }
        return new Visibility(user.tenantId(), scope.subtreePath(), user.personId(), false);
    }

    /** The ledger list (LEDGER-1) the user may see, filtered, sorted and keyset-paged. */
    public List<LedgerRow> ledger(CurrentUser user, LedgerFilter filter) {
        return items.list(visibility(user), filter);
    }

    /** The item if the user may see it; otherwise "not found". */
    public WorkItem item(CurrentUser user, long id) {
        return visibleItem(user, scopes.of(user), id);
    }

    public ItemDetails details(CurrentUser user, long id) {
        DataScope scope = scopes.of(user);
        WorkItem item = visibleItem(user, scope, id);
        long t = item.tenantId();
        Map<Long, String> names = new LinkedHashMap<>();
        List<Long> people = new ArrayList<>(item.responsiblePeople());
        people.add(item.supervisingLeaderId());
        people.add(item.createdByPersonId());
        for (Long p : people) {
            if (p != null) {
                organisation.findPersonInTenant(t, p).ifPresent(person -> names.put(person.id(), person.name()));
            }
        }
        OrgUnit lead = organisation.findUnitInTenant(t, item.leadUnitId()).orElseThrow();
        List<OrgUnit> assists = item.assistUnitIds().stream()
                .map(u -> organisation.findUnitInTenant(t, u).orElseThrow()).toList();
        WorkingCalendar calendar = calendars.calendar(t);
        LightPolicy.Verdict now = item.state().isUnderWay()
                ? policy(t).evaluate(calendar, item.startDate(), item.deadline(), item.progress(), ZonedDateTime.now(clock))
                : null;
        return new ItemDetails(item, lead, assists, names, items.ledger(t, id), items.deadlines(t, id),
                items.documents(t, id), items.latestRewardResult(t, id), items.lightChanges(t, id), now,
                permissions(user, scope, item), calendar.covers(item.deadline().getYear()));
    }

    public Permissions permissions(CurrentUser user, WorkItem item) {
        return permissions(user, scopes.of(user), item);
    }

    private Permissions permissions(CurrentUser user, DataScope scope, WorkItem item) {
        boolean leadership = user.hasAny(Role.LEADERSHIP, Role.COUNTY_ADMIN);
        boolean discipline = user.has(Role.DISCIPLINE);
        boolean groupManager = user.hasAny(Role.GROUP_LEADER, Role.VILLAGE_CADRE) && scope.subtreePath() != null
                && leadUnitPath(item).startsWith(scope.subtreePath());
        boolean manage = leadership || groupManager
                || (user.personId() != null && Objects.equals(item.createdByPersonId(), user.personId()));
        boolean assignee = item.isAssignee(user.personId());
        boolean query = leadership || discipline || manage
                || (user.personId() != null && Objects.equals(item.supervisingLeaderId(), user.personId()));
        return new Permissions(manage, assignee, query, discipline, manage || discipline);
    }

    private WorkItem visibleItem(CurrentUser user, DataScope scope, long id) {
        Visibility v = visibility(user, scope);
        WorkItem item = items.find(user.tenantId(), id).orElseThrow(() -> new NotFoundException("work_item", id));
        boolean visible = v.all()
                || (!v.personOnly() && v.subtreePath() != null && leadUnitPath(item).startsWith(v.subtreePath()))
                || item.involves(v.personId());
        if (!visible || v.personOnly() && v.personId() == null) {
            throw new NotFoundException("work_item", id);
        }
        return item;
    }

    private String leadUnitPath(WorkItem item) {
        return organisation.findUnitInTenant(item.tenantId(), item.leadUnitId()).map(OrgUnit::path).orElse("");
    }

    // ------------------------------------------------------------------ creating

    /** A new item (a draft, or assigned at once), refused whole when anything is wrong. */
    @Transactional
    public WorkItem create(CurrentUser user, NewItem c) {
        DataScope scope = scopes.of(user);
        if (!user.hasAny(Role.LEADERSHIP, Role.COUNTY_ADMIN, Role.GROUP_LEADER, Role.VILLAGE_CADRE) || scope.isEmpty()) {
            throw new AccessDeniedException();
        }
        long t = user.tenantId();
        MethodDefinition def = methods.active(t).map(MethodVersion::definition)
                .orElseThrow(() -> new DomainException("work.noMethod"));
        MethodDefinition.Category category = def.categories().stream()
                .filter(cat -> cat.code().equals(c.categoryCode())).findFirst()
                .orElseThrow(() -> DomainException.atField("categoryCode", "work.category.unknown",
                        String.valueOf(c.categoryCode())));
        CategoryRule rule = CategoryRule.of(category);

        if (c.leadUnitId() == null) {
            throw DomainException.atField("leadUnitId", "work.leadUnit.required");
        }
        OrgUnit lead = inScope(() -> organisation.unit(scope, c.leadUnitId()), "leadUnitId", "work.leadUnit.outOfScope");
        if (!lead.active()) {
            throw DomainException.atField("leadUnitId", "work.unit.inactive", lead.name());
        }
        if (c.responsiblePersonId() == null) {
            throw DomainException.atField("responsiblePersonId", "work.responsible.required");
        }
        Person responsible = inScope(() -> organisation.person(scope, c.responsiblePersonId()), "responsiblePersonId",
                "work.responsible.outOfScope");
        requireActive("responsiblePersonId", responsible);
        if (c.supervisingLeaderId() != null) {
            requireActive("supervisingLeaderId", personInTenant(t, c.supervisingLeaderId(), "supervisingLeaderId"));
        }
        for (Long unit : c.assistUnitIds()) {
            OrgUnit u = organisation.findUnitInTenant(t, unit)
                    .orElseThrow(() -> DomainException.atField("assistUnitIds", "work.assist.unknown", unit));
            if (!u.active()) {
                throw DomainException.atField("assistUnitIds", "work.unit.inactive", u.name());
            }
        }
        List<LeadMember> leadGroup = new ArrayList<>();
        if (rule.needsLeadGroup()) {
            if (c.leaderId() != null) {
                requireActive("leaderId", personInTenant(t, c.leaderId(), "leaderId"));
                leadGroup.add(new LeadMember(c.leaderId(), LeadMember.Role.LEADER, false));
            }
            for (int i = 0; i < c.deputyIds().size(); i++) {
                Long deputy = c.deputyIds().get(i);
                requireActive("deputyIds", personInTenant(t, deputy, "deputyIds"));
                leadGroup.add(new LeadMember(deputy, LeadMember.Role.DEPUTY,
                        rule.supervisorAssessor() && Objects.equals(c.supervisorIndex(), i)));
            }
        }

        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.atZoneSameInstant(WorkingCalendar.CHINA).toLocalDate();
        if (c.startDate() != null && c.deadline() != null) {
            if (c.deadline().isBefore(c.startDate())) {
                throw DomainException.atField("deadline", "work.deadline.beforeStart", c.deadline(), c.startDate());
            }
            if (c.deadline().isBefore(today)) {
                throw DomainException.atField("deadline", "work.deadline.past", c.deadline());
            }
        }
        List<Stage> stages = c.startDate() == null || c.deadline() == null ? List.of()
                : ReverseSchedule.schedule(calendars.calendar(t), c.startDate().isAfter(today) ? c.startDate() : today,
                        c.deadline(), c.stages());
        var draft = new WorkItem.Draft(c.title(), rule, c.source(), lead.id(), c.assistUnitIds(), responsible.id(),
                c.supervisingLeaderId(), c.startDate(), c.deadline(), c.target(), c.measures(), c.reportFrequency(),
                leadGroup);
        Actor actor = actor(user);
        WorkItem item = WorkItem.draft(t, draft, stages, actor, now);
        if (c.assign()) {
            item.assign(actor, now);
        }
        save(item, true, now);
        return item;
    }

    // ------------------------------------------------------------------ the lifecycle

    @Transactional
    public WorkItem assign(CurrentUser user, long id) {
        return act(user, id, Permissions::manage, (item, a, now) -> item.assign(a, now));
    }

    @Transactional
    public WorkItem acknowledge(CurrentUser user, long id) {
        return act(user, id, Permissions::assignee, (item, a, now) -> item.acknowledge(a, now));
    }

    @Transactional
    public WorkItem returnToAssigner(CurrentUser user, long id, String reason) {
        return act(user, id, Permissions::assignee, (item, a, now) -> item.returnToAssigner(a, reason, now));
    }

    @Transactional
    public WorkItem submitDocument(CurrentUser user, long id, Document kind, String body) {
        return act(user, id, p -> p.assignee() || p.manage(), (item, a, now) -> item.submitDocument(a, kind, body, now));
    }

    @Transactional
    public WorkItem start(CurrentUser user, long id) {
        return act(user, id, Permissions::assignee, (item, a, now) -> item.start(a, now));
    }

    @Transactional
    public WorkItem report(CurrentUser user, long id, Integer percent, String text) {
        return act(user, id, Permissions::assignee, (item, a, now) -> {
            if (percent == null) {
                throw DomainException.atField("percent", "work.report.percent");
            }
            item.report(a, percent, text, now);
        });
    }

    @Transactional
    public WorkItem query(CurrentUser user, long id, String text) {
        return act(user, id, Permissions::query, (item, a, now) -> item.query(a, text, now));
    }

    @Transactional
    public WorkItem answer(CurrentUser user, long id, Long queryId, String text) {
        return act(user, id, Permissions::assignee, (item, a, now) -> {
            // a query (质询) or a supervision opinion (督办意见) is answered the same way
            boolean isQuery = queryId != null && items.ledgerEntry(item.tenantId(), item.id(), queryId)
                    .filter(e -> e.kind() == LedgerKind.QUERY || e.kind() == LedgerKind.OPINION).isPresent();
            if (!isQuery) {
                throw DomainException.atField("queryId", "work.answer.noQuery");
            }
            item.answer(a, queryId, text, now);
        });
    }

    @Transactional
    public WorkItem supervisionOpinion(CurrentUser user, long id, String measures, LocalDate until, String text) {
        return act(user, id, Permissions::opinion, (item, a, now) -> item.supervisionOpinion(a, measures, until, text, now));
    }

    /** A site inspection (现场查看): by the supervision group, the leadership or the item's managers. */
    @Transactional
    public WorkItem inspect(CurrentUser user, long id, LocalDate on, String text) {
        return act(user, id, Permissions::inspect, (item, a, now) -> item.inspect(a, on, text, now));
    }

    /** A quarterly stage evaluation (阶段性评估): by the supervision group (discipline office). */
    @Transactional
    public WorkItem evaluateStage(CurrentUser user, long id, StageRating rating, String remark) {
        return evaluateStage(user, id, rating, List.of(), remark);
    }

    @Transactional
    public WorkItem evaluateStage(CurrentUser user, long id, StageRating rating, List<StandardRating> standards,
                                  String remark) {
        return act(user, id, Permissions::opinion,
                (item, a, now) -> item.evaluateStage(a, rating, standards, remark, now));
    }

    /** The assignee side reports stage {@code seq} of the reverse schedule done; once per stage. */
    @Transactional
    public WorkItem reportStageDone(CurrentUser user, long id, int seq, String note) {
        WorkItem done = act(user, id, Permissions::assignee, (item, a, now) -> {
            Stage stage = item.stages().stream().filter(s -> s.seq() == seq).findFirst()
                    .orElseThrow(() -> DomainException.atField("stage", "reminder.stage.unknown", String.valueOf(seq)));
            if (items.stagesDone(item.tenantId(), item.id()).containsKey(seq)) {
                throw DomainException.atField("stage", "reminder.stage.alreadyDone", stage.name());
            }
            item.reportStageDone(a, stage, note, now);
        });
        items.insertStageDone(done.tenantId(), done.id(), seq, done.storedEntryIds().get(0), user.displayName(),
                OffsetDateTime.now(clock));
        return done;
    }

    /** The stages of a visible item reported done: seq to when. */
    public Map<Integer, OffsetDateTime> stagesDone(CurrentUser user, long id) {
        return stagesDone(item(user, id));
    }

    /** The same for an item the caller has already read through the visibility rules (one query). */
    public Map<Integer, OffsetDateTime> stagesDone(WorkItem visible) {
        return visible.stages().isEmpty() ? Map.of() : items.stagesDone(visible.tenantId(), visible.id());
    }

    @Transactional
    public WorkItem requestExtension(CurrentUser user, long id, LocalDate newDeadline, String reason) {
        return act(user, id, Permissions::assignee, (item, a, now) -> item.requestExtension(a, newDeadline, reason, now));
    }

    @Transactional
    public WorkItem decideExtension(CurrentUser user, long id, boolean approve, String note) {
        return act(user, id, Permissions::manage, (item, a, now) -> {
            if (approve) {
                item.approveExtension(a, note, now);
                List<StagePlan> plans = item.stages().stream().map(s -> new StagePlan(s.name(), s.workingDays())).toList();
                item.reschedule(ReverseSchedule.schedule(calendars.calendar(item.tenantId()), item.startDate(),
                        item.deadline(), plans));
            } else {
                item.refuseExtension(a, note, now);
            }
        });
    }

    @Transactional
    public WorkItem requestCompletion(CurrentUser user, long id, String text) {
        return act(user, id, Permissions::assignee, (item, a, now) -> item.requestCompletion(a, text, now));
    }

    @Transactional
    public WorkItem returnForRework(CurrentUser user, long id, String reason) {
        return act(user, id, Permissions::closeOut, (item, a, now) -> item.returnForRework(a, reason, now));
    }

    @Transactional
    public WorkItem submitRewardResult(CurrentUser user, long id, String summary, Map<Long, BigDecimal> points) {
        return act(user, id, Permissions::assignee,
                (item, a, now) -> item.submitRewardResult(a, summary, points == null ? Map.of() : points, now));
    }

    /** Closes the item out (销号) and tells the other modules, with the reward/penalty result. */
    @Transactional
    public WorkItem closeOut(CurrentUser user, long id, String evidence) {
        WorkItem item = act(user, id, Permissions::closeOut, (i, a, now) -> i.closeOut(a, evidence, now));
        Optional<RewardResult> result = items.latestRewardResult(item.tenantId(), item.id());
        events.publishEvent(new WorkItemClosedOut(item.tenantId(), item.id(), item.title(), item.rule().code(),
                item.updatedAt(), evidence.trim(), result.map(RewardResult::summary).orElse(null),
                result.map(r -> r.points().entrySet().stream()
                        .map(e -> new WorkItemClosedOut.ProposedPoints(e.getKey(), e.getValue())).toList())
                        .orElse(List.of())));
        return item;
    }

    @Transactional
    public WorkItem evaluate(CurrentUser user, long id, String text) {
        return act(user, id, Permissions::manage, (item, a, now) -> item.evaluate(a, text, now));
    }

    @Transactional
    public WorkItem cancel(CurrentUser user, long id, String reason) {
        return act(user, id, Permissions::manage, (item, a, now) -> item.cancel(a, reason, now));
    }

    // ------------------------------------------------------------------ lights

    /**
     * Recomputes the light of every item under way in the tenant (the nightly run, or on demand);
     * each change is kept in the light history. Returns how many lights changed.
     */
    @Transactional
    public int recomputeLights(long tenantId) {
        WorkingCalendar calendar = calendars.calendar(tenantId);
        LightPolicy policy = policy(tenantId);
        ZonedDateTime now = ZonedDateTime.now(clock);
        long started = System.nanoTime();
        List<WorkItemRepository.LightInput> underWay = items.underWay(tenantId);
        long read = System.nanoTime();
        List<WorkItemRepository.NewLight> changed = new ArrayList<>();
        for (WorkItemRepository.LightInput in : underWay) {
            LightPolicy.Verdict v = policy.evaluate(calendar, in.startDate(), in.deadline(), in.progress(), now);
            if (v.light() != in.light()) {
                changed.add(new WorkItemRepository.NewLight(in.id(), change(in.light(), v, now.toOffsetDateTime())));
            }
        }
        long evaluated = System.nanoTime();
        items.setLights(tenantId, changed);
        log.debug("recomputeLights tenant {}: read {} items in {} ms, evaluated in {} ms, wrote {} changes in {} ms",
                tenantId, underWay.size(), (read - started) / 1_000_000, (evaluated - read) / 1_000_000, changed.size(),
                (System.nanoTime() - evaluated) / 1_000_000);
        return changed.size();
    }

    @Transactional
    public int recomputeLights(CurrentUser user) {
        if (!user.hasAny(Role.LEADERSHIP, Role.DISCIPLINE)) {
            throw new AccessDeniedException();
        }
        return recomputeLights(user.tenantId());
    }

    private LightPolicy policy(long tenantId) {
        return LightPolicy.of(methods.active(tenantId).map(MethodVersion::definition).orElse(null));
    }

    private static LightChange change(Light from, LightPolicy.Verdict v, OffsetDateTime at) {
        return new LightChange(at, from, v.light(), v.reason(), v.workingDaysLeft(), v.plannedPercent(), v.progress(),
                v.behind());
    }

    // ------------------------------------------------------------------ helpers

    @FunctionalInterface
    private interface Change {
        void apply(WorkItem item, Actor actor, OffsetDateTime now);
    }

    private WorkItem act(CurrentUser user, long id, Predicate<Permissions> allowed, Change change) {
        DataScope scope = scopes.of(user);
        WorkItem item = visibleItem(user, scope, id);
        if (!allowed.test(permissions(user, scope, item))) {
            throw new AccessDeniedException();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        change.apply(item, actor(user), now);
        save(item, false, now);
        return item;
    }

    private void save(WorkItem item, boolean isNew, OffsetDateTime now) {
        Light before = item.light();
        LightPolicy.Verdict verdict;
        if (item.state().isUnderWay()) {
            verdict = policy(item.tenantId()).evaluate(calendars.calendar(item.tenantId()), item.startDate(),
                    item.deadline(), item.progress(), now.atZoneSameInstant(WorkingCalendar.CHINA));
        } else {
            verdict = new LightPolicy.Verdict(Light.NONE, LightPolicy.Reason.NOT_UNDER_WAY, 0, 0, item.progress(), 0);
        }
        boolean lightChanged = item.changeLight(verdict.light());
        List<LedgerEntry> entries = item.pendingEntries();
        if (isNew) {
            items.insert(item);
        } else if (!items.update(item)) {
            throw new DomainException("error.changedMeanwhile");
        }
        if (lightChanged) {
            items.insertLightChange(item.tenantId(), item.id(), change(before, verdict, now));
        }
        for (LedgerEntry e : entries) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("state", e.stateAfter().name());
            after.put("deadline", item.deadline().toString());
            after.put("progress", item.progress());
            if (e.percent() != null) {
                after.put("percent", e.percent());
            }
            if (e.deadline() != null) {
                after.put("entryDeadline", e.deadline().toString());
            }
            if (e.stageRating() != null) {
                after.put("rating", e.stageRating().name());
                Map<String, String> standards = new LinkedHashMap<>();
                e.standardRatings().forEach(r -> standards.put(r.code(), r.rating() == null ? null : r.rating().name()));
                if (!standards.isEmpty()) {
                    after.put("standards", standards);
                }
            }
            if (e.stageDoneName() != null) {
                after.put("stage", e.stageDoneName());
            }
            journal.record(item.tenantId(), e.kind().action(), "work_item", item.id(),
                    "工作事项「" + item.title() + "」" + messages.getMessage(e.kind().messageKey(), null, Locale.CHINA),
                    null, after, e.body());
        }
    }

    private static Actor actor(CurrentUser user) {
        return new Actor(user.displayName(), user.personId());
    }

    private static <T> T inScope(java.util.function.Supplier<T> lookup, String field, String key) {
        try {
            return lookup.get();
        } catch (NotFoundException e) {
            throw DomainException.atField(field, key);
        }
    }

    private Person personInTenant(long tenantId, Long personId, String field) {
        if (personId == null) {
            throw DomainException.atField(field, "work.person.unknown", "—");
        }
        return organisation.findPersonInTenant(tenantId, personId)
                .orElseThrow(() -> DomainException.atField(field, "work.person.unknown", personId));
    }

    private static void requireActive(String field, Person p) {
        if (!p.active()) {
            throw DomainException.atField(field, "work.person.inactive", p.name());
        }
    }
}
