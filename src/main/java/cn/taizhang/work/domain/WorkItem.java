package cn.taizhang.work.domain;

import cn.taizhang.method.MethodDefinition.Document;
import cn.taizhang.shared.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A work item and its lifecycle (WORK-1, WORK-2, LEDGER-1..4). The state machine lives here: every
 * transition checks the state it starts from and refuses a wrong one with a translated reason, and
 * appends a line to the item's ledger. Who may ask for a transition is the service's concern.
 */
public final class WorkItem {

    /** What a new item is made of. */
    public record Draft(String title, CategoryRule rule, WorkSource source, long leadUnitId, List<Long> assistUnitIds,
                        long responsiblePersonId, Long supervisingLeaderId, LocalDate startDate, LocalDate deadline,
                        String target, String measures, ReportFrequency reportFrequency, List<LeadMember> leadGroup) {
    }

    /** A document submitted in this session, to be stored. */
    public record NewDocument(Document kind, String body, String submittedBy, OffsetDateTime at) {
    }

    private long id;
    private final long tenantId;
    private final String title;
    private final CategoryRule rule;
    private final WorkSource source;
    private final long leadUnitId;
    private final List<Long> assistUnitIds;
    private final long responsiblePersonId;
    private final Long supervisingLeaderId;
    private final Long createdByPersonId;
    private final String createdByName;
    private final LocalDate startDate;
    private final LocalDate originalDeadline;
    private LocalDate deadline;
    private int extensionCount;
    private LocalDate requestedDeadline;
    private final String target;
    private final String measures;
    private final ReportFrequency reportFrequency;
    private WorkState state;
    private WorkState stateBeforeExtension;
    private int progress;
    private Light light;
    private final OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;
    private final int version;
    private final List<LeadMember> leadGroup;
    private List<Stage> stages;
    private final Set<Document> documents;
    private boolean rewardResult;

    private final List<LedgerEntry> newEntries = new ArrayList<>();
    private final List<DeadlineChange> newDeadlines = new ArrayList<>();
    private final List<NewDocument> newDocuments = new ArrayList<>();
    private RewardResult newRewardResult;
    private boolean stagesChanged;
    private List<Long> storedEntryIds = List.of();

    /** Rebuilds a stored item. */
    public WorkItem(long id, long tenantId, String title, CategoryRule rule, WorkSource source, long leadUnitId,
                    List<Long> assistUnitIds, long responsiblePersonId, Long supervisingLeaderId,
                    Long createdByPersonId, String createdByName, LocalDate startDate, LocalDate originalDeadline,
                    LocalDate deadline, int extensionCount, LocalDate requestedDeadline, String target,
                    String measures, ReportFrequency reportFrequency, WorkState state, WorkState stateBeforeExtension,
                    int progress, Light light, OffsetDateTime createdAt, OffsetDateTime updatedAt, int version,
                    List<LeadMember> leadGroup, List<Stage> stages, Set<Document> documents, boolean rewardResult) {
        this.id = id;
        this.tenantId = tenantId;
        this.title = title;
        this.rule = rule;
        this.source = source;
        this.leadUnitId = leadUnitId;
        this.assistUnitIds = List.copyOf(assistUnitIds);
        this.responsiblePersonId = responsiblePersonId;
        this.supervisingLeaderId = supervisingLeaderId;
        this.createdByPersonId = createdByPersonId;
        this.createdByName = createdByName;
        this.startDate = startDate;
        this.originalDeadline = originalDeadline;
        this.deadline = deadline;
        this.extensionCount = extensionCount;
        this.requestedDeadline = requestedDeadline;
        this.target = target;
        this.measures = measures;
        this.reportFrequency = reportFrequency;
        this.state = state;
        this.stateBeforeExtension = stateBeforeExtension;
        this.progress = progress;
        this.light = light;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
        this.leadGroup = List.copyOf(leadGroup);
        this.stages = new ArrayList<>(stages);
        this.documents = documents.isEmpty() ? EnumSet.noneOf(Document.class) : EnumSet.copyOf(documents);
        this.rewardResult = rewardResult;
    }

    /**
     * A new item in the DRAFT state. Refuses a deadline before the start and a category that needs
     * a lead group without a complete one; the stages are already scheduled by the caller.
     */
    public static WorkItem draft(long tenantId, Draft d, List<Stage> stages, Actor by, OffsetDateTime now) {
        requireText("title", d.title(), 200);
        requireText("target", d.target(), 2000);
        if (d.measures() != null && d.measures().length() > 4000) {
            throw DomainException.atField("measures", "work.tooLong", 4000);
        }
        if (d.rule() == null) {
            throw DomainException.atField("categoryCode", "work.category.required");
        }
        if (d.source() == null) {
            throw DomainException.atField("source", "work.source.required");
        }
        if (d.reportFrequency() == null) {
            throw DomainException.atField("reportFrequency", "work.frequency.required");
        }
        if (d.startDate() == null) {
            throw DomainException.atField("startDate", "work.startDate.required");
        }
        if (d.deadline() == null) {
            throw DomainException.atField("deadline", "work.deadline.required");
        }
        if (d.deadline().isBefore(d.startDate())) {
            throw DomainException.atField("deadline", "work.deadline.beforeStart", d.deadline(), d.startDate());
        }
        if (d.assistUnitIds().contains(d.leadUnitId())) {
            throw DomainException.atField("assistUnitIds", "work.assist.isLead");
        }
        checkLeadGroup(d.rule(), d.leadGroup());
        var item = new WorkItem(0, tenantId, d.title().trim(), d.rule(), d.source(), d.leadUnitId(),
                List.copyOf(new LinkedHashSet<>(d.assistUnitIds())), d.responsiblePersonId(), d.supervisingLeaderId(),
                by.personId(), by.name(), d.startDate(), d.deadline(), d.deadline(), 0, null, d.target().trim(),
                blankToNull(d.measures()), d.reportFrequency(), WorkState.DRAFT, null, 0, Light.NONE, now, now, 0,
                d.rule().needsLeadGroup() ? d.leadGroup() : List.of(), stages, Set.of(), false);
        item.stagesChanged = true;
        item.newDeadlines.add(new DeadlineChange(0, d.deadline(), null, by.name(), now));
        item.append(LedgerKind.CREATED, by, now, d.target().trim(), null, d.deadline(), blankToNull(d.measures()), null);
        return item;
    }

    private static void checkLeadGroup(CategoryRule rule, List<LeadMember> group) {
        if (!rule.needsLeadGroup()) {
            return;
        }
        List<LeadMember> leaders = group.stream().filter(m -> m.role() == LeadMember.Role.LEADER).toList();
        List<LeadMember> deputies = group.stream().filter(m -> m.role() == LeadMember.Role.DEPUTY).toList();
        if (leaders.size() != 1) {
            throw DomainException.atField("leaderId", "work.leadGroup.leaderRequired", rule.name(), rule.leadGroupSize());
        }
        int wantedDeputies = rule.leadGroupDeputies() == null ? rule.leadGroupSize() - 1 : rule.leadGroupDeputies();
        if (deputies.size() != wantedDeputies || group.size() != rule.leadGroupSize()) {
            throw DomainException.atField("deputyIds", "work.leadGroup.deputies", rule.name(), wantedDeputies);
        }
        Set<Long> distinct = new HashSet<>();
        group.forEach(m -> distinct.add(m.personId()));
        if (distinct.size() != group.size()) {
            throw DomainException.atField("deputyIds", "work.leadGroup.distinct");
        }
        long assessors = group.stream().filter(LeadMember::supervisorAssessor).count();
        if (rule.supervisorAssessor() && (assessors != 1 || leaders.get(0).supervisorAssessor())) {
            throw DomainException.atField("supervisorIndex", "work.leadGroup.supervisorRequired");
        }
    }

    // ------------------------------------------------------------------ transitions

    /** DRAFT or RETURNED → ASSIGNED. */
    public void assign(Actor by, OffsetDateTime now) {
        requireState("assign", WorkState.DRAFT, WorkState.RETURNED);
        state = WorkState.ASSIGNED;
        append(LedgerKind.ASSIGNED, by, now, null, null, deadline, null, null);
    }

    /** ASSIGNED → ACKNOWLEDGED (签收). */
    public void acknowledge(Actor by, OffsetDateTime now) {
        requireState("acknowledge", WorkState.ASSIGNED);
        state = WorkState.ACKNOWLEDGED;
        append(LedgerKind.ACKNOWLEDGED, by, now, null, null, null, null, null);
    }

    /** ASSIGNED → RETURNED: the assignee gives it back with a reason (e.g. wrong unit). */
    public void returnToAssigner(Actor by, String reason, OffsetDateTime now) {
        requireState("return", WorkState.ASSIGNED);
        requireText("reason", reason, 1000);
        state = WorkState.RETURNED;
        append(LedgerKind.RETURNED, by, now, reason.trim(), null, null, null, null);
    }

    /** A work plan or risk assessment (text; attachments later), while the item is open. */
    public void submitDocument(Actor by, Document kind, String body, OffsetDateTime now) {
        if (kind == null || kind == Document.REWARD_PENALTY_RESULT) {
            throw DomainException.atField("kind", "work.document.kind");
        }
        requireOpen("document");
        requireText("body", body, 8000);
        documents.add(kind);
        newDocuments.add(new NewDocument(kind, body.trim(), by.name(), now));
        append(LedgerKind.DOCUMENT, by, now, body.trim(), null, null, kind.name(), null);
    }

    /** ACKNOWLEDGED → IN_PROGRESS; a category that requires a work plan and a risk assessment needs both first. */
    public void start(Actor by, OffsetDateTime now) {
        requireState("start", WorkState.ACKNOWLEDGED);
        for (Document d : List.of(Document.WORK_PLAN, Document.RISK_ASSESSMENT)) {
            if (rule.requires(d) && !documents.contains(d)) {
                throw DomainException.atField("documents", "work.start.documentMissing", rule.name(),
                        Msg.of("work.document." + d.name()));
            }
        }
        state = WorkState.IN_PROGRESS;
        append(LedgerKind.STARTED, by, now, null, null, null, null, null);
    }

    /** A progress report with percent and text (LEDGER-2), while the work is under way. */
    public void report(Actor by, int percent, String text, OffsetDateTime now) {
        if (!state.isOpen()) {
            throw DomainException.atField("text", "work.report.closed", Msg.of("work.state." + state.name()));
        }
        requireState("report", WorkState.IN_PROGRESS, WorkState.REWORK, WorkState.EXTENSION_REQUESTED);
        if (percent < 0 || percent > 100) {
            throw DomainException.atField("percent", "work.report.percent");
        }
        requireText("text", text, 8000);
        progress = percent;
        append(LedgerKind.REPORT, by, now, text.trim(), percent, null, null, null);
    }

    /** A leader's query (质询, LEDGER-3), at any time; returns nothing, the answer refers to it. */
    public void query(Actor by, String text, OffsetDateTime now) {
        requireText("text", text, 8000);
        append(LedgerKind.QUERY, by, now, text.trim(), null, null, null, null);
    }

    /** The answer to a query; it joins the ledger. */
    public void answer(Actor by, long queryId, String text, OffsetDateTime now) {
        requireText("text", text, 8000);
        append(LedgerKind.ANSWER, by, now, text.trim(), null, null, null, queryId);
    }

    /** A supervision opinion (督办意见, LEDGER-4): measures and a deadline for a lagging item. */
    public void supervisionOpinion(Actor by, String measures, LocalDate until, String text, OffsetDateTime now) {
        requireOpen("opinion");
        if (state == WorkState.DRAFT) {
            throw wrongState("opinion");
        }
        requireText("measures", measures, 4000);
        if (until == null) {
            throw DomainException.atField("until", "work.opinion.deadlineRequired");
        }
        if (until.isBefore(now.atZoneSameInstant(WorkingCalendar.CHINA).toLocalDate())) {
            throw DomainException.atField("until", "work.opinion.deadlinePast", until);
        }
        append(LedgerKind.OPINION, by, now, blankToNull(text), null, until, measures.trim(), null);
    }

    /** IN_PROGRESS, REWORK or ACKNOWLEDGED → EXTENSION_REQUESTED, for a later deadline with a reason. */
    public void requestExtension(Actor by, LocalDate newDeadline, String reason, OffsetDateTime now) {
        requireState("extension", WorkState.ACKNOWLEDGED, WorkState.IN_PROGRESS, WorkState.REWORK);
        if (newDeadline == null || !newDeadline.isAfter(deadline)) {
            throw DomainException.atField("newDeadline", "work.extension.notLater", deadline);
        }
        requireText("reason", reason, 1000);
        stateBeforeExtension = state;
        requestedDeadline = newDeadline;
        state = WorkState.EXTENSION_REQUESTED;
        append(LedgerKind.EXTENSION_REQUESTED, by, now, reason.trim(), null, newDeadline, null, null);
    }

    /** EXTENSION_REQUESTED → back where it was, with the new deadline; the old ones are kept and counted. */
    public void approveExtension(Actor by, String note, OffsetDateTime now) {
        requireState("decideExtension", WorkState.EXTENSION_REQUESTED);
        deadline = requestedDeadline;
        extensionCount++;
        newDeadlines.add(new DeadlineChange(extensionCount, deadline, blankToNull(note), by.name(), now));
        requestedDeadline = null;
        state = stateBeforeExtension;
        stateBeforeExtension = null;
        append(LedgerKind.EXTENSION_APPROVED, by, now, blankToNull(note), null, deadline, null, null);
    }

    /** EXTENSION_REQUESTED → back where it was, deadline unchanged; the refusal states why. */
    public void refuseExtension(Actor by, String reason, OffsetDateTime now) {
        requireState("decideExtension", WorkState.EXTENSION_REQUESTED);
        requireText("reason", reason, 1000);
        LocalDate asked = requestedDeadline;
        requestedDeadline = null;
        state = stateBeforeExtension;
        stateBeforeExtension = null;
        append(LedgerKind.EXTENSION_REFUSED, by, now, reason.trim(), null, asked, null, null);
    }

    /** Replaces the stage dates after the deadline moved. */
    public void reschedule(List<Stage> rescheduled) {
        stages = new ArrayList<>(rescheduled);
        stagesChanged = true;
    }

    /** IN_PROGRESS or REWORK → COMPLETION_REQUESTED; progress becomes 100. */
    public void requestCompletion(Actor by, String text, OffsetDateTime now) {
        requireState("completion", WorkState.IN_PROGRESS, WorkState.REWORK);
        requireText("text", text, 8000);
        progress = 100;
        state = WorkState.COMPLETION_REQUESTED;
        append(LedgerKind.COMPLETION_REQUESTED, by, now, text.trim(), 100, null, null, null);
    }

    /** COMPLETION_REQUESTED → REWORK: the check found it not done, and says why. */
    public void returnForRework(Actor by, String reason, OffsetDateTime now) {
        requireState("rework", WorkState.COMPLETION_REQUESTED);
        requireText("reason", reason, 1000);
        state = WorkState.REWORK;
        append(LedgerKind.REWORK, by, now, reason.trim(), null, null, null, null);
    }

    /**
     * The reward/penalty result with the proposed points of every responsible person (the responsible
     * person and the lead group, bound together: SCORE-1), once the work is under way.
     */
    public void submitRewardResult(Actor by, String summary, Map<Long, BigDecimal> points, OffsetDateTime now) {
        requireState("reward", WorkState.IN_PROGRESS, WorkState.REWORK, WorkState.EXTENSION_REQUESTED,
                WorkState.COMPLETION_REQUESTED);
        requireText("summary", summary, 4000);
        Set<Long> bound = responsiblePeople();
        for (Long person : bound) {
            BigDecimal p = points.get(person);
            if (p == null) {
                throw DomainException.atField("points", "work.reward.pointsMissing");
            }
            if (p.abs().compareTo(BigDecimal.valueOf(100)) > 0 || p.scale() > 2) {
                throw DomainException.atField("points", "work.reward.pointsRange");
            }
        }
        for (Long person : points.keySet()) {
            if (!bound.contains(person)) {
                throw DomainException.atField("points", "work.reward.notResponsible");
            }
        }
        rewardResult = true;
        newRewardResult = new RewardResult(0, summary.trim(), Map.copyOf(points), by.name(), now);
        append(LedgerKind.REWARD_PENALTY, by, now, summary.trim(), null, null, null, null);
    }

    /**
     * COMPLETION_REQUESTED → CLOSED_OUT (销号) with evidence; a category that requires a reward/penalty
     * result cannot close without it.
     */
    public void closeOut(Actor by, String evidence, OffsetDateTime now) {
        requireState("closeOut", WorkState.COMPLETION_REQUESTED);
        requireText("evidence", evidence, 8000);
        if (rule.requires(Document.REWARD_PENALTY_RESULT) && !rewardResult) {
            throw DomainException.atField("evidence", "work.closeOut.rewardMissing", rule.name());
        }
        state = WorkState.CLOSED_OUT;
        append(LedgerKind.CLOSED_OUT, by, now, evidence.trim(), null, null, null, null);
    }

    /** CLOSED_OUT → EVALUATED: the stage evaluation against the standard (LEDGER-6). */
    public void evaluate(Actor by, String text, OffsetDateTime now) {
        requireState("evaluate", WorkState.CLOSED_OUT);
        requireText("text", text, 8000);
        state = WorkState.EVALUATED;
        append(LedgerKind.EVALUATED, by, now, text.trim(), null, null, null, null);
    }

    /**
     * A site inspection (现场查看, LEDGER-5) of an item that has been assigned and not cancelled, on a
     * day that is not in the future; the figures and photos are stored with it by the service.
     */
    public void inspect(Actor by, LocalDate on, String text, OffsetDateTime now) {
        if (state == WorkState.DRAFT || state == WorkState.CANCELLED) {
            throw wrongState("inspect");
        }
        if (on == null) {
            throw DomainException.atField("inspectedOn", "inspection.date.required");
        }
        if (on.isAfter(now.atZoneSameInstant(WorkingCalendar.CHINA).toLocalDate())) {
            throw DomainException.atField("inspectedOn", "inspection.date.future", on);
        }
        if (on.isBefore(startDate)) {
            throw DomainException.atField("inspectedOn", "inspection.date.beforeStart", on, startDate);
        }
        requireText("text", text, 8000);
        append(LedgerKind.INSPECTION, by, now, text.trim(), null, null, null, null);
    }

    /** The supervision group's quarterly stage evaluation (阶段性评估, LEDGER-6): a rating and a remark. */
    public void evaluateStage(Actor by, StageRating rating, String remark, OffsetDateTime now) {
        evaluateStage(by, rating, List.of(), remark, now);
    }

    /** The same against the method's standards: {@code rating} is the overall rating derived from them. */
    public void evaluateStage(Actor by, StageRating rating, List<StandardRating> standards, String remark,
                              OffsetDateTime now) {
        if (state == WorkState.DRAFT || state == WorkState.CANCELLED) {
            throw wrongState("stageEvaluation");
        }
        if (rating == null) {
            throw DomainException.atField("rating", "inspection.stage.ratingRequired");
        }
        if (remark == null || remark.isBlank()) {
            throw DomainException.atField("remark", "inspection.stage.remarkRequired");
        }
        if (remark.trim().length() > 2000) {
            throw DomainException.atField("remark", "work.tooLong", 2000);
        }
        append(LedgerKind.STAGE_EVALUATION, by, now, remark.trim(), null, null,
                LedgerEntry.stageMeasures(rating, standards), null);
    }

    /**
     * The assignee side reports a stage of the reverse schedule done (阶段完成): while the item is being
     * worked on, with an optional note; the caller checks it was not reported before.
     */
    public void reportStageDone(Actor by, Stage stage, String note, OffsetDateTime now) {
        requireState("stageDone", WorkState.IN_PROGRESS, WorkState.REWORK, WorkState.EXTENSION_REQUESTED);
        String text = note == null || note.isBlank() ? null : note.trim();
        if (text != null && text.length() > 1000) {
            throw DomainException.atField("text", "work.tooLong", 1000);
        }
        append(LedgerKind.STAGE_DONE, by, now, text, null, stage.dueOn(), stage.seq() + "\t" + stage.name(), null);
    }

    /** Any open state → CANCELLED, only with a reason. */
    public void cancel(Actor by, String reason, OffsetDateTime now) {
        requireOpen("cancel");
        requireText("reason", reason, 1000);
        state = WorkState.CANCELLED;
        requestedDeadline = null;
        append(LedgerKind.CANCELLED, by, now, reason.trim(), null, null, null, null);
    }

    /** Sets the light; returns whether it changed. */
    public boolean changeLight(Light to) {
        if (light == to) {
            return false;
        }
        light = to;
        return true;
    }

    /** The responsible person and the lead group: the people whose points are bound to this item. */
    public Set<Long> responsiblePeople() {
        Set<Long> people = new LinkedHashSet<>();
        people.add(responsiblePersonId);
        leadGroup.forEach(m -> people.add(m.personId()));
        return people;
    }

    /** The person who answers for the item on the assignee's side: the responsible person or the lead group's leader. */
    public boolean isAssignee(Long personId) {
        return personId != null && (personId == responsiblePersonId || leadGroup.stream()
                .anyMatch(m -> m.role() == LeadMember.Role.LEADER && m.personId() == personId));
    }

    /** Whether the person is named on the item anywhere. */
    public boolean involves(Long personId) {
        return personId != null && (responsiblePeople().contains(personId) || Objects.equals(supervisingLeaderId, personId)
                || Objects.equals(createdByPersonId, personId));
    }

    // ------------------------------------------------------------------ helpers

    private void append(LedgerKind kind, Actor by, OffsetDateTime now, String body, Integer percent, LocalDate dl,
                        String measures, Long replyTo) {
        updatedAt = now;
        newEntries.add(new LedgerEntry(0, now, kind, by.name(), by.personId(), state, body, percent, dl, measures,
                replyTo));
    }

    private void requireState(String action, WorkState... allowed) {
        for (WorkState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw wrongState(action);
    }

    private void requireOpen(String action) {
        if (!state.isOpen()) {
            throw wrongState(action);
        }
    }

    private DomainException wrongState(String action) {
        return new DomainException("work.transition.refused", Msg.of("work.action." + action),
                Msg.of("work.state." + state.name()));
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw DomainException.atField(field, "work.required." + field);
        }
        if (value.trim().length() > max) {
            throw DomainException.atField(field, "work.tooLong", max);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // ------------------------------------------------------------------ for the repository

    public void storedAs(long newId) {
        this.id = newId;
    }

    /** The ids the ledger lines of the last save were stored under, in order. */
    public void entriesStoredAs(List<Long> ids) {
        storedEntryIds = List.copyOf(ids);
    }

    public List<Long> storedEntryIds() {
        return storedEntryIds;
    }

    public List<LedgerEntry> takeNewEntries() {
        var taken = List.copyOf(newEntries);
        newEntries.clear();
        return taken;
    }

    public List<DeadlineChange> takeNewDeadlines() {
        var taken = List.copyOf(newDeadlines);
        newDeadlines.clear();
        return taken;
    }

    public List<NewDocument> takeNewDocuments() {
        var taken = List.copyOf(newDocuments);
        newDocuments.clear();
        return taken;
    }

    public RewardResult takeNewRewardResult() {
        var taken = newRewardResult;
        newRewardResult = null;
        return taken;
    }

    public boolean takeStagesChanged() {
        boolean changed = stagesChanged;
        stagesChanged = false;
        return changed;
    }

    /** The ledger lines of this session, not yet stored (for the journal). */
    public List<LedgerEntry> pendingEntries() {
        return List.copyOf(newEntries);
    }

    // ------------------------------------------------------------------ getters

    public long id() { return id; }
    public long tenantId() { return tenantId; }
    public String title() { return title; }
    public CategoryRule rule() { return rule; }
    public WorkSource source() { return source; }
    public long leadUnitId() { return leadUnitId; }
    public List<Long> assistUnitIds() { return assistUnitIds; }
    public long responsiblePersonId() { return responsiblePersonId; }
    public Long supervisingLeaderId() { return supervisingLeaderId; }
    public Long createdByPersonId() { return createdByPersonId; }
    public String createdByName() { return createdByName; }
    public LocalDate startDate() { return startDate; }
    public LocalDate originalDeadline() { return originalDeadline; }
    public LocalDate deadline() { return deadline; }
    public int extensionCount() { return extensionCount; }
    public LocalDate requestedDeadline() { return requestedDeadline; }
    public String target() { return target; }
    public String measures() { return measures; }
    public ReportFrequency reportFrequency() { return reportFrequency; }
    public WorkState state() { return state; }
    public WorkState stateBeforeExtension() { return stateBeforeExtension; }
    public int progress() { return progress; }
    public Light light() { return light; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
    public int version() { return version; }
    public List<LeadMember> leadGroup() { return leadGroup; }
    public List<Stage> stages() { return List.copyOf(stages); }
    public Set<Document> documents() { return EnumSet.copyOf(documents.isEmpty() ? EnumSet.noneOf(Document.class) : documents); }
    public boolean hasRewardResult() { return rewardResult; }
}
