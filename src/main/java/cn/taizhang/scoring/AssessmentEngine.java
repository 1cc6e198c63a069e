package cn.taizhang.scoring;

import cn.taizhang.method.MethodDefinition;
import cn.taizhang.method.MethodDefinition.Assessment;
import cn.taizhang.method.MethodDefinition.Bonus;
import cn.taizhang.method.MethodDefinition.Component;
import cn.taizhang.method.MethodDefinition.ComponentSource;
import cn.taizhang.method.MethodDefinition.Composite;
import cn.taizhang.method.MethodDefinition.MissingGroupRule;
import cn.taizhang.method.MethodDefinition.Part;
import cn.taizhang.method.MethodDefinition.Period;
import cn.taizhang.method.MethodDefinition.RaterGroup;
import cn.taizhang.method.MethodDefinition.RaterWeight;
import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.method.MethodDefinition.TieRule;
import cn.taizhang.method.MethodDefinition.Veto;
import cn.taizhang.method.MethodDefinition.VetoDomain;
import cn.taizhang.method.MethodDefinition.VetoTrigger;
import cn.taizhang.scoring.Results.Adjustment;
import cn.taizhang.scoring.Results.ComponentResult;
import cn.taizhang.scoring.Results.CycleResult;
import cn.taizhang.scoring.Results.GroupResult;
import cn.taizhang.scoring.Results.Note;
import cn.taizhang.scoring.Results.PartResult;
import cn.taizhang.scoring.Results.Ranking;
import cn.taizhang.scoring.Results.Row;
import cn.taizhang.scoring.Results.SubjectResult;
import cn.taizhang.shared.DomainException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the facts of one tenant into the assessments and composites of a method definition. It
 * knows no preset by name: everything it does is read from the definition.
 *
 * <p>Rules, in the order they apply:
 * <ul>
 * <li>An EVENTS component is the sum of the confirmed points in the cycle, corrections applied;
 *     no events is 0.</li>
 * <li>A rated component (RATINGS, DRAW_MEETING, SURVEY) takes the mean of each rater group's
 *     sheets, then the weighted sum across groups. A group without sheets follows the component's
 *     missing-group rule: REWEIGHT_AND_FLAG shares its weight among the groups present and flags the
 *     result; COUNT_AS_ZERO counts it as 0. With no sheets at all, REWEIGHT_AND_FLAG leaves the
 *     component out (the assessment re-weights its other components and is flagged), COUNT_AS_ZERO
 *     makes it 0.</li>
 * <li>An assessment is the weighted sum of its components, in one of its own cycles.</li>
 * <li>A composite is the weighted sum of its parts. A part whose assessment runs in shorter cycles
 *     (a monthly evaluation in a half-year composite) takes the mean of the subject's results in
 *     those cycles; a part that did not assess the subject at all is left out, the others are
 *     re-weighted and the result is flagged. Then come the bonuses (county ranking: the method's
 *     points by rank), leaders' corrections, and the vetoes — a veto takes effect only when the
 *     tenant recorded the approval basis of its flag, and puts the subject below every subject
 *     not vetoed.</li>
 * <li>Ranks count within one subject kind; equal scores share the rank (SHARE_RANK) unless the tie
 *     rule says to compare the first part or component first.</li>
 * </ul>
 * Every intermediate number is a {@link Score}, i.e. rounded to two decimals half-up, so an
 * explanation adds up exactly as it is shown.
 */
final class AssessmentEngine {

    private final MethodDefinition method;
    private final long methodVersionId;
    private final Facts facts;
    private final Map<String, String> groupNames;

    AssessmentEngine(MethodDefinition method, long methodVersionId, Facts facts) {
        this.method = method;
        this.methodVersionId = methodVersionId;
        this.facts = facts;
        this.groupNames = list(method.raterGroups()).stream()
                .collect(Collectors.toMap(RaterGroup::code, RaterGroup::name, (a, b) -> a));
    }

    // ------------------------------------------------------------------ targets

    /** The assessment or composite of this code. */
    Target target(String code) {
        for (Composite c : list(method.composites())) {
            if (c.code().equals(code)) {
                return new Target(code, c.name(), null, c);
            }
        }
        for (Assessment a : list(method.assessments())) {
            if (a.code().equals(code)) {
                return new Target(code, a.name(), a, null);
            }
        }
        throw DomainException.atField("target", "scoring.target.unknown", code);
    }

    record Target(String code, String name, Assessment assessment, Composite composite) {

        List<Period> periods() {
            return (assessment != null ? assessment.cycles() : composite.cycles()).stream()
                    .map(MethodDefinition.Cycle::period).toList();
        }

        TieRule tie() {
            TieRule t = assessment != null ? assessment.tie() : composite.tie();
            return t == null ? TieRule.SHARE_RANK : t;
        }
    }

    Ranking rank(String targetCode, CycleWindow cycle) {
        Target target = requireCycle(target(targetCode), cycle);
        List<SubjectResult> results = new ArrayList<>();
        for (NamedSubject n : facts.universe(subjectsOf(target), null)) {
            results.add(compute(target, cycle, n, false));
        }
        return ranking(target, cycle, results);
    }

    SubjectResult explain(String targetCode, CycleWindow cycle, SubjectRef subject) {
        Target target = requireCycle(target(targetCode), cycle);
        NamedSubject named = facts.universe(subjectsOf(target), subject).stream().findFirst()
                .orElseThrow(() -> DomainException.atField("subject", "scoring.subject.notAssessed", subject.key(),
                        targetCode));
        return compute(target, cycle, named, true);
    }

    private static Target requireCycle(Target target, CycleWindow cycle) {
        if (!target.periods().contains(cycle.period())) {
            throw DomainException.atField("cycle", "scoring.cycle.notInTarget", cycle.key(), target.name(),
                    target.periods().stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
        return target;
    }

    private Set<SubjectKind> subjectsOf(Target target) {
        if (target.assessment() != null) {
            return EnumSet.copyOf(target.assessment().subjects());
        }
        Set<SubjectKind> kinds = EnumSet.allOf(SubjectKind.class);
        for (Part p : target.composite().parts()) {
            kinds.retainAll(assessment(p.assessment()).subjects());
        }
        return kinds;
    }

    private Assessment assessment(String code) {
        return list(method.assessments()).stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ one subject

    /**
     * One subject's result. {@code lines}: with every event and sheet behind the numbers (an
     * explanation); a ranking counts the same totals without reading the lines.
     */
    private SubjectResult compute(Target target, CycleWindow cycle, NamedSubject subject, boolean lines) {
        List<PartResult> parts = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        if (target.assessment() != null) {
            parts.add(part(target.assessment(), Weight.percent(100), cycle, subject.ref(), lines));
        } else {
            for (Part p : target.composite().parts()) {
                parts.add(part(assessment(p.assessment()), Weight.percent(p.weight()), cycle, subject.ref(), lines));
            }
        }
        List<PartResult> present = parts.stream().filter(p -> p.value() != null).toList();
        if (present.isEmpty()) {
            return new SubjectResult(subject.ref(), subject.name(), null, null, false, false, parts, List.of(),
                    List.of(Note.of("scoring.note.notAssessed")));
        }
        boolean flagged = present.stream().anyMatch(PartResult::flagged);
        BigDecimal presentTotal = Weight.total(present.stream().map(PartResult::weight).toList());
        boolean reweight = present.size() < parts.size();
        if (reweight) {
            flagged = true;
            notes.add(Note.of("scoring.note.partsReweighted", present.size(), parts.size()));
        }
        List<PartResult> weighed = new ArrayList<>();
        for (PartResult p : parts) {
            Weight eff = p.value() == null ? Weight.percent(0) : reweight ? p.weight().reweighted(presentTotal) : p.weight();
            weighed.add(new PartResult(p.assessmentCode(), p.name(), p.weight(), eff, p.value(), p.flagged(),
                    p.cycles(), p.notes()));
        }
        List<PartResult> counted = weighed.stream().filter(p -> p.value() != null).toList();
        Score base = Score.weightedSum(counted.stream().map(PartResult::value).toList(),
                counted.stream().map(PartResult::effectiveWeight).toList());

        List<Adjustment> adjustments = new ArrayList<>();
        Score total = base;
        boolean vetoed = false;
        if (target.composite() != null) {
            for (InputFact in : facts.inputs(target.code(), cycle.key(), subject.ref())) {
                Adjustment a = adjustment(target.composite(), in);
                adjustments.add(a);
                if (a.effective() && a.points() != null) {
                    total = total.plus(a.points());
                }
                if (a.effective() && "VETO".equals(a.kind())) {
                    vetoed = true;
                }
            }
        }
        return new SubjectResult(subject.ref(), subject.name(), total, base, flagged, vetoed, weighed, adjustments,
                notes);
    }

    /** An assessment for the subject: directly in the cycle, or as the mean of its shorter cycles inside it. */
    private PartResult part(Assessment a, Weight weight, CycleWindow cycle, SubjectRef subject, boolean lines) {
        if (!a.subjects().contains(subject.kind())) {
            return new PartResult(a.code(), a.name(), weight, weight, null, false, List.of(),
                    List.of(Note.of("scoring.note.notForKind", subject.kind())));
        }
        List<Period> own = a.cycles().stream().map(MethodDefinition.Cycle::period).toList();
        List<CycleWindow> windows;
        if (own.contains(cycle.period())) {
            windows = List.of(cycle);
        } else {
            Optional<Period> shorter = own.stream().filter(p -> p.ordinal() < cycle.period().ordinal())
                    .max(Comparator.naturalOrder());
            if (shorter.isEmpty()) {
                return new PartResult(a.code(), a.name(), weight, weight, null, false, List.of(),
                        List.of(Note.of("scoring.note.noCycleInside", cycle.key())));
            }
            windows = cycle.split(shorter.get());
        }
        List<CycleResult> cycles = new ArrayList<>();
        for (CycleWindow w : windows) {
            cycles.add(assessmentIn(a, w, subject, lines));
        }
        List<CycleResult> present = cycles.stream().filter(c -> c.value() != null).toList();
        List<Note> notes = new ArrayList<>();
        if (present.isEmpty()) {
            return new PartResult(a.code(), a.name(), weight, weight, null, false, cycles,
                    List.of(Note.of("scoring.note.notAssessedInCycle", cycle.key())));
        }
        Score value;
        if (windows.size() == 1) {
            value = present.get(0).value();
        } else {
            value = Score.mean(present.stream().map(CycleResult::value).toList());
            notes.add(Note.of("scoring.note.meanOfCycles", present.size(), windows.size()));
        }
        boolean flagged = present.stream().anyMatch(CycleResult::flagged);
        return new PartResult(a.code(), a.name(), weight, weight, value, flagged, cycles, notes);
    }

    private CycleResult assessmentIn(Assessment a, CycleWindow w, SubjectRef subject, boolean lines) {
        List<ComponentResult> comps = new ArrayList<>();
        for (Component c : a.components()) {
            comps.add(component(a, c, w, subject, lines));
        }
        List<ComponentResult> present = comps.stream().filter(c -> c.value() != null).toList();
        if (present.isEmpty()) {
            return new CycleResult(w.key(), null, false, comps);
        }
        boolean reweight = present.size() < comps.size();
        BigDecimal presentTotal = Weight.total(present.stream().map(ComponentResult::weight).toList());
        List<ComponentResult> weighed = new ArrayList<>();
        for (ComponentResult c : comps) {
            Weight eff = c.value() == null ? Weight.percent(0) : reweight ? c.weight().reweighted(presentTotal) : c.weight();
            weighed.add(new ComponentResult(c.code(), c.name(), c.source(), c.weight(), eff, c.value(), c.flagged(),
                    c.groups(), c.events(), c.notes()));
        }
        List<ComponentResult> counted = weighed.stream().filter(c -> c.value() != null).toList();
        Score value = Score.weightedSum(counted.stream().map(ComponentResult::value).toList(),
                counted.stream().map(ComponentResult::effectiveWeight).toList());
        boolean flagged = reweight || counted.stream().anyMatch(ComponentResult::flagged);
        return new CycleResult(w.key(), value, flagged, weighed);
    }

    /**
     * A component for the subject in one cycle. With {@code lines} the events and sheets are read
     * and summed here; without, the facts' totals per subject (and rater group) are used, which sum
     * the same rows: the numbers are the same either way.
     */
    private ComponentResult component(Assessment a, Component c, CycleWindow w, SubjectRef subject, boolean lines) {
        Weight weight = Weight.percent(c.weight());
        if (c.source() == ComponentSource.EVENTS) {
            if (!lines) {
                return new ComponentResult(c.code(), c.name(), c.source(), weight, weight,
                        facts.eventTotal(w.start(), w.end(), subject), false, List.of(), List.of(), List.of());
            }
            List<EventFact> events = facts.events(w.start(), w.end(), subject).stream()
                    .filter(e -> e.subject().equals(subject)).toList();
            Score sum = Score.sum(events.stream().map(EventFact::effective).toList());
            return new ComponentResult(c.code(), c.name(), c.source(), weight, weight, sum, false, List.of(), events,
                    List.of());
        }
        Map<String, List<SheetFact>> sheetsByGroup = Map.of();
        Map<String, Facts.SheetTotal> byGroup;
        if (lines) {
            sheetsByGroup = facts.sheets(a.code(), c.code(), w.key(), subject).stream()
                    .filter(s -> s.ratee().equals(subject))
                    .collect(Collectors.groupingBy(SheetFact::raterGroup, LinkedHashMap::new, Collectors.toList()));
            Map<String, Facts.SheetTotal> totals = new HashMap<>();
            for (Map.Entry<String, List<SheetFact>> g : sheetsByGroup.entrySet()) {
                totals.put(g.getKey(), Facts.SheetTotal.of(g.getValue()));
            }
            byGroup = totals;
        } else {
            byGroup = facts.sheetTotals(a.code(), c.code(), w.key(), subject);
        }
        MissingGroupRule rule = c.missingGroup() == null ? MissingGroupRule.REWEIGHT_AND_FLAG : c.missingGroup();
        List<RaterWeight> raters = list(c.raters());
        List<GroupResult> groups = new ArrayList<>();
        BigDecimal presentTotal = BigDecimal.ZERO;
        for (RaterWeight r : raters) {
            if (byGroup.containsKey(r.group())) {
                presentTotal = presentTotal.add(r.weight());
            }
        }
        boolean missing = presentTotal.compareTo(Weight.total(raters.stream().map(r -> Weight.percent(r.weight())).toList())) < 0;
        List<Note> notes = new ArrayList<>();
        if (byGroup.isEmpty() && rule == MissingGroupRule.REWEIGHT_AND_FLAG) {
            for (RaterWeight r : raters) {
                groups.add(new GroupResult(r.group(), groupNames.getOrDefault(r.group(), r.group()),
                        Weight.percent(r.weight()), Weight.percent(0), null, 0, List.of()));
            }
            return new ComponentResult(c.code(), c.name(), c.source(), weight, weight, null, true, groups, List.of(),
                    List.of(Note.of("scoring.note.noSheets")));
        }
        List<Score> means = new ArrayList<>();
        List<Weight> weights = new ArrayList<>();
        for (RaterWeight r : raters) {
            Weight gw = Weight.percent(r.weight());
            Facts.SheetTotal own = byGroup.get(r.group());
            Score mean = own == null ? null : Score.mean(own.sum(), own.count());
            Weight eff;
            if (mean == null) {
                eff = Weight.percent(0);
                notes.add(Note.of(rule == MissingGroupRule.REWEIGHT_AND_FLAG ? "scoring.note.groupReweighted"
                        : "scoring.note.groupZero", groupNames.getOrDefault(r.group(), r.group())));
            } else {
                eff = rule == MissingGroupRule.REWEIGHT_AND_FLAG && missing ? gw.reweighted(presentTotal) : gw;
                means.add(mean);
                weights.add(eff);
            }
            groups.add(new GroupResult(r.group(), groupNames.getOrDefault(r.group(), r.group()), gw, eff, mean,
                    own == null ? 0 : own.count(), sheetsByGroup.getOrDefault(r.group(), List.of())));
        }
        Score value = means.isEmpty() ? Score.ZERO : Score.weightedSum(means, weights);
        boolean flagged = missing && rule == MissingGroupRule.REWEIGHT_AND_FLAG;
        return new ComponentResult(c.code(), c.name(), c.source(), weight, weight, value, flagged, groups, List.of(),
                notes);
    }

    // ------------------------------------------------------------------ bonuses, vetoes, corrections

    private Adjustment adjustment(Composite composite, InputFact in) {
        switch (in.kind()) {
            case "BONUS" -> {
                Bonus b = list(method.bonuses()).stream().filter(x -> x.code().equals(in.code())).findFirst().orElse(null);
                if (b == null || !list(composite.bonuses()).contains(in.code())) {
                    return new Adjustment(in.id(), in.kind(), in.code(), in.code(), in.countyRank(), in.points(), false,
                            in.reason(), in.enteredBy(), Note.of("scoring.note.bonusNotInComposite", in.code()));
                }
                Score points = bonusPoints(b, in);
                return new Adjustment(in.id(), in.kind(), b.code(), b.name(), in.countyRank(), points, true, in.reason(),
                        in.enteredBy(), in.countyRank() == null ? null : Note.of("scoring.note.countyRank", in.countyRank()));
            }
            case "VETO" -> {
                Veto v = list(method.vetoes()).stream().filter(x -> x.code().equals(in.code())).findFirst().orElse(null);
                if (v == null || !list(composite.vetoes()).contains(in.code())) {
                    return new Adjustment(in.id(), in.kind(), in.code(), in.code(), in.countyRank(), null, false,
                            in.reason(), in.enteredBy(), Note.of("scoring.note.vetoNotInComposite", in.code()));
                }
                String flag = vetoFlag(v);
                if (!facts.effective(flag)) {
                    return new Adjustment(in.id(), in.kind(), v.code(), v.name(), in.countyRank(), null, false,
                            in.reason(), in.enteredBy(), Note.of("scoring.note.vetoNotApproved", flag));
                }
                boolean triggered = v.trigger() != VetoTrigger.COUNTY_RANKING_BOTTOM
                        || (in.countyRank() != null && v.bottom() != null && in.countyRank() <= v.bottom());
                return new Adjustment(in.id(), in.kind(), v.code(), v.name(), in.countyRank(), null, triggered,
                        in.reason(), in.enteredBy(), triggered ? Note.of("scoring.note.vetoed")
                        : Note.of("scoring.note.vetoNotTriggered", in.countyRank(), v.bottom()));
            }
            default -> {
                if (!composite.leaderCorrection()) {
                    return new Adjustment(in.id(), in.kind(), null, null, null, in.points(), false, in.reason(),
                            in.enteredBy(), Note.of("scoring.note.noLeaderCorrection"));
                }
                return new Adjustment(in.id(), in.kind(), null, null, null, in.points(), true, in.reason(),
                        in.enteredBy(), null);
            }
        }
    }

    private static Score bonusPoints(Bonus b, InputFact in) {
        List<BigDecimal> byRank = list(b.rankPoints());
        if (!byRank.isEmpty() && in.countyRank() != null) {
            int r = in.countyRank();
            return r >= 1 && r <= byRank.size() ? Score.of(byRank.get(r - 1)) : Score.ZERO;
        }
        if (b.points() != null) {
            return Score.of(b.points());
        }
        return in.points() == null ? Score.ZERO : in.points();
    }

    /** The compliance flag of a veto: VETO:code when every domain is centrally mandated, else VETO_UNMANDATED:code. */
    static String vetoFlag(Veto v) {
        boolean mandated = !list(v.domains()).isEmpty() && list(v.domains()).stream().allMatch(VetoDomain::centrallyMandated);
        return (mandated ? "VETO:" : "VETO_UNMANDATED:") + v.code();
    }

    // ------------------------------------------------------------------ ranking

    private Ranking ranking(Target target, CycleWindow cycle, List<SubjectResult> results) {
        TieRule tie = target.tie();
        List<Note> notes = new ArrayList<>();
        if (tie == TieRule.EARLIER_COMPLETION) {
            notes.add(Note.of("scoring.note.tieEarlierCompletion"));
        }
        Comparator<SubjectResult> order = Comparator
                .comparing((SubjectResult r) -> r.subject().kind())
                .thenComparing(SubjectResult::vetoed)
                .thenComparing(SubjectResult::score, Comparator.reverseOrder());
        if (tie == TieRule.HIGHER_FIRST_COMPONENT) {
            order = order.thenComparing(AssessmentEngine::firstValue, Comparator.reverseOrder());
        }
        order = order.thenComparing(SubjectResult::name);
        List<SubjectResult> assessed = results.stream().filter(r -> r.score() != null).sorted(order).toList();
        List<SubjectResult> notAssessed = results.stream().filter(r -> r.score() == null).toList();
        List<Row> rows = new ArrayList<>();
        Map<SubjectKind, Integer> position = new HashMap<>();
        SubjectResult previous = null;
        int previousRank = 0;
        for (SubjectResult r : assessed) {
            int pos = position.merge(r.subject().kind(), 1, Integer::sum);
            int rank = pos;
            if (previous != null && previous.subject().kind() == r.subject().kind() && previous.vetoed() == r.vetoed()
                    && previous.score().compareTo(r.score()) == 0
                    && (tie != TieRule.HIGHER_FIRST_COMPONENT || firstValue(previous).compareTo(firstValue(r)) == 0)) {
                rank = previousRank;
            }
            rows.add(new Row(rank, r));
            previous = r;
            previousRank = rank;
        }
        return new Ranking(target.code(), target.name(), target.composite() != null, cycle.key(), methodVersionId, tie,
                rows, notAssessed, notes);
    }

    /** The first part's value (composites) or the first component's value (assessments), for the tie rule. */
    private static Score firstValue(SubjectResult r) {
        PartResult first = r.parts().get(0);
        if (r.parts().size() > 1) {
            return first.value() == null ? Score.of(-999999) : first.value();
        }
        return first.cycles().stream().filter(c -> c.value() != null).findFirst()
                .map(c -> c.components().get(0).value()).filter(v -> v != null).orElse(Score.of(-999999));
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
