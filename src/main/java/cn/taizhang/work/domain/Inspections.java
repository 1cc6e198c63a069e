package cn.taizhang.work.domain;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.method.MethodDefinition;
import cn.taizhang.method.MethodVersion;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Site inspections (现场查看, LEDGER-5) and quarterly stage evaluations (阶段性评估, LEDGER-6). An
 * inspection records what the named inspectors saw on a day, a few figures and optional photos, and
 * joins the item's ledger; the item page compares the state now with the state some months before
 * ({@code compareMonths} of the method's first inspection practice, 2 when the method has none).
 */
@Service
public class Inspections {

    static final int MAX_FIGURES = 8;
    static final int DEFAULT_COMPARE_MONTHS = 2;

    /** What an inspector fills in; a figure's value arrives as text so that a wrong number can be named. */
    public record NewInspection(LocalDate inspectedOn, List<Long> inspectorIds, String text, List<FigureInput> figures) {
    }

    public record FigureInput(String name, String value, String unit) {

        /** No value: the row is left out, even with the name and unit the form suggests. */
        boolean blank() {
            return isBlank(value);
        }
    }

    private final WorkItems work;
    private final InspectionRepository inspections;
    private final LedgerAttachments files;
    private final AttachmentPolicy policy;
    private final Organisation organisation;
    private final TenantMethods methods;
    private final AuditJournal journal;
    private final Clock clock;

    Inspections(WorkItems work, InspectionRepository inspections, LedgerAttachments files, AttachmentPolicy policy,
                Organisation organisation, TenantMethods methods, AuditJournal journal, Clock clock) {
        this.work = work;
        this.inspections = inspections;
        this.files = files;
        this.policy = policy;
        this.organisation = organisation;
        this.methods = methods;
        this.journal = journal;
        this.clock = clock;
    }

    /** Records an inspection with its figures and photos, or refuses it whole. Photos are never required. */
    @Transactional
    public Inspection record(CurrentUser user, long itemId, NewInspection n, List<Upload> photos) {
        WorkItem visible = work.item(user, itemId);
        if (!work.permissions(user, visible).inspect()) {
            throw new AccessDeniedException();
        }
        long t = visible.tenantId();
        List<Long> inspectors = inspectors(t, n.inspectorIds());
        List<Inspection.Figure> figures = figures(n.figures());
        var checked = policy.check(photos, true, "photos");
        WorkItem item = work.inspect(user, itemId, n.inspectedOn(), n.text());
        long entryId = item.storedEntryIds().get(0);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = inspections.insert(t, itemId, entryId, n.inspectedOn(), n.text().trim(), inspectors, figures,
                user.displayName(), now);
        files.store(user, item, entryId, checked, true);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("inspectedOn", n.inspectedOn().toString());
        after.put("inspectors", inspectors);
        Map<String, String> fig = new LinkedHashMap<>();
        figures.forEach(f -> fig.put(f.name(), f.value().toPlainString() + (f.unit() == null ? "" : " " + f.unit())));
        after.put("figures", fig);
        after.put("photos", checked.size());
        journal.record(t, "work.inspectionRecorded", "work_inspection", id,
                "工作事项「" + item.title() + "」现场查看 " + n.inspectedOn(), null, after, null);
        return inspections.ofItem(t, itemId).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    /** The item's inspections, latest day first; "not found" outside the user's sight. */
    public List<Inspection> of(CurrentUser user, long itemId) {
        WorkItem item = work.item(user, itemId);
        return inspections.ofItem(item.tenantId(), itemId);
    }

    /** The state now beside the state {@code compareMonths} before (前后两个月对比). */
    public InspectionComparison comparison(CurrentUser user, long itemId) {
        WorkItem item = work.item(user, itemId);
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.CHINA));
        int months = compareMonths(item.tenantId());
        return InspectionComparison.of(today, months,
                inspections.latestOnOrBefore(item.tenantId(), itemId, today),
                inspections.latestOnOrBefore(item.tenantId(), itemId, today.minusMonths(months)));
    }

    /** The supervision group's quarterly stage evaluation, once per item and quarter, with one overall rating. */
    @Transactional
    public void evaluateStage(CurrentUser user, long itemId, StageRating rating, String remark) {
        evaluateStage(user, itemId, rating, Map.of(), remark);
    }

    /**
     * The quarterly stage evaluation. When the adopted method lists stage-evaluation standards for the
     * item's category, every one of them needs a rating ({@code standards}: code to rating) and the
     * overall rating is the worst of them ({@link StageRating#worst}); a {@code rating} given as well must
     * be that one. Without standards, {@code rating} is required and {@code standards} must be empty.
     */
    @Transactional
    public StageResult evaluateStage(CurrentUser user, long itemId, StageRating rating,
                                     Map<String, StageRating> standards, String remark) {
        WorkItem visible = work.item(user, itemId);
        if (!work.permissions(user, visible).opinion()) {
            throw new AccessDeniedException();
        }
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.CHINA));
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        if (inspections.stageEvaluated(visible.tenantId(), itemId, today.getYear(), quarter)) {
            // not at a field: the page no longer shows the form once the quarter is evaluated
            throw new DomainException("inspection.stage.already", String.valueOf(today.getYear()), quarter);
        }
        List<MethodDefinition.EvaluationStandard> applicable = standards(visible.tenantId(), visible.rule().code());
        Map<String, StageRating> given = standards == null ? Map.of() : standards;
        List<StandardRating> rated = rate(applicable, given);
        StageRating overall = rating;
        if (!rated.isEmpty()) {
            StageRating worst = StageRating.worst(rated.stream().map(StandardRating::rating).toList());
            if (rating != null && rating != worst) {
                throw DomainException.atField("rating", "inspection.stage.overallIsWorst", Msg.of(worst.messageKey()),
                        Msg.of(rating.messageKey()));
            }
            overall = worst;
        }
        WorkItem item = work.evaluateStage(user, itemId, overall, rated, remark);
        long id = inspections.insertStageEvaluation(item.tenantId(), itemId, item.storedEntryIds().get(0),
                today.getYear(), quarter, overall, rated.isEmpty() ? "ENTERED" : "WORST", remark.trim(),
                user.displayName(), OffsetDateTime.now(clock));
        inspections.insertStandardRatings(item.tenantId(), id, rated);
        return new StageResult(overall, rated);
    }

    /** What a stage evaluation recorded: the overall rating and the standards' ratings (none without standards). */
    public record StageResult(StageRating rating, List<StandardRating> standards) {
    }

    /** Whether the item was already evaluated in the current quarter (the form is then not offered). */
    public boolean evaluatedThisQuarter(WorkItem visible) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.CHINA));
        return inspections.stageEvaluated(visible.tenantId(), visible.id(), today.getYear(),
                (today.getMonthValue() - 1) / 3 + 1);
    }

    /** The stage-evaluation standards of the tenant's adopted method that apply to a category (often none). */
    public List<MethodDefinition.EvaluationStandard> standards(long tenantId, String categoryCode) {
        return methods.active(tenantId).map(MethodVersion::definition).map(MethodDefinition::practices)
                .map(MethodDefinition.Practices::stageEvaluation).map(MethodDefinition.StageEvaluation::standards)
                .orElse(List.of()).stream().filter(st -> st.appliesTo(categoryCode)).toList();
    }

    /** The ratings in the method's order; refuses an unknown standard first, then the first one not rated. */
    static List<StandardRating> rate(List<MethodDefinition.EvaluationStandard> applicable,
                                     Map<String, StageRating> given) {
        Set<String> known = new LinkedHashSet<>();
        applicable.forEach(st -> known.add(st.code()));
        for (String code : given.keySet()) {
            if (!known.contains(code)) {
                if (applicable.isEmpty()) {
                    throw DomainException.atField("standards", "inspection.stage.noStandards", code);
                }
                throw DomainException.atField("standards", "inspection.stage.unknownStandard", code,
                        String.join("、", known));
            }
        }
        List<StandardRating> out = new ArrayList<>();
        for (var st : applicable) {
            StageRating r = given.get(st.code());
            if (r == null) {
                throw DomainException.atField("standards", "inspection.stage.standardMissing", st.name().trim(),
                        st.code());
            }
            out.add(new StandardRating(st.code(), st.name().trim(), r));
        }
        return out;
    }

    int compareMonths(long tenantId) {
        return methods.active(tenantId).map(MethodVersion::definition).map(MethodDefinition::practices)
                .map(MethodDefinition.Practices::inspections).filter(l -> !l.isEmpty())
                .map(l -> l.get(0).compareMonths()).filter(Objects::nonNull).orElse(DEFAULT_COMPARE_MONTHS);
    }

    private List<Long> inspectors(long tenantId, List<Long> ids) {
        Set<Long> distinct = new LinkedHashSet<>();
        if (ids != null) {
            ids.stream().filter(Objects::nonNull).forEach(distinct::add);
        }
        if (distinct.isEmpty()) {
            throw DomainException.atField("inspectorIds", "inspection.inspectors.required");
        }
        for (Long id : distinct) {
            Person p = organisation.findPersonInTenant(tenantId, id)
                    .orElseThrow(() -> DomainException.atField("inspectorIds", "work.person.unknown", id));
            if (!p.active()) {
                throw DomainException.atField("inspectorIds", "work.person.inactive", p.name());
            }
        }
        return List.copyOf(distinct);
    }

    /** Rows without a value are left out; a value needs a name and must be a number; names are unique. */
    static List<Inspection.Figure> figures(List<FigureInput> rows) {
        List<Inspection.Figure> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        int row = 0;
        for (FigureInput f : rows == null ? List.<FigureInput>of() : rows) {
            row++;
            if (f == null || f.blank()) {
                continue;
            }
            if (isBlank(f.name())) {
                throw DomainException.atField("figures", "inspection.figure.nameRequired", row);
            }
            String name = f.name().trim();
            if (name.length() > 50) {
                throw DomainException.atField("figures", "inspection.figure.nameTooLong", name);
            }
            BigDecimal value;
            try {
                value = new BigDecimal(f.value().trim().replace(",", "").replace("，", ""));
            } catch (NumberFormatException e) {
                throw DomainException.atField("figures", "inspection.figure.notANumber", name, f.value().trim());
            }
            if (value.scale() > 2 || value.abs().compareTo(new BigDecimal("100000000000000")) >= 0) {
                throw DomainException.atField("figures", "inspection.figure.outOfRange", name);
            }
            if (!names.add(name)) {
                throw DomainException.atField("figures", "inspection.figure.duplicate", name);
            }
            String unit = isBlank(f.unit()) ? null : f.unit().trim();
            if (unit != null && unit.length() > 20) {
                throw DomainException.atField("figures", "inspection.figure.unitTooLong", name);
            }
            out.add(new Inspection.Figure(name, InspectionRepository.plain(value), unit));
        }
        if (out.size() > MAX_FIGURES) {
            throw DomainException.atField("figures", "inspection.figure.tooMany", MAX_FIGURES);
        }
        return out;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
