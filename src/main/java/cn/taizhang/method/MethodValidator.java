package cn.taizhang.method;

import cn.taizhang.method.MethodDefinition.Assessment;
import cn.taizhang.method.MethodDefinition.Board;
import cn.taizhang.method.MethodDefinition.Category;
import cn.taizhang.method.MethodDefinition.Component;
import cn.taizhang.method.MethodDefinition.ComponentSource;
import cn.taizhang.method.MethodDefinition.Composite;
import cn.taizhang.method.MethodDefinition.Consequence;
import cn.taizhang.method.MethodDefinition.Cycle;
import cn.taizhang.method.MethodDefinition.PointRange;
import cn.taizhang.method.MethodDefinition.Practices;
import cn.taizhang.method.MethodDefinition.ScoreItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rules a bound definition must keep beyond its shape: weights that add up, references that
 * resolve, codes that are unique, numbers in range. Each problem names the path and the line.
 */
final class MethodValidator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** At most this many stage-evaluation standards: the form asks a rating for each. */
    static final int MAX_STANDARDS = 20;
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,29}");

    private final Map<String, Integer> lines;
    private final List<MethodProblem> problems = new ArrayList<>();

    private MethodValidator(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static List<MethodProblem> validate(MethodDefinition d, Map<String, Integer> lines) {
        var v = new MethodValidator(lines);
        v.check(d);
        return v.problems;
    }

    private void problem(String path, String key, Object... args) {
        problems.add(new MethodProblem(path, lineOf(path), key, Arrays.stream(args).map(String::valueOf).toList()));
    }

    private int lineOf(String path) {
        return lineOf(lines, path);
    }

    /** The line of a path, or of the nearest enclosing path that has one. */
    static int lineOf(Map<String, Integer> lines, String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return lines.getOrDefault(p.substring(0, Math.max(cut, 0)), 0);
            }
            p = p.substring(0, cut);
        }
    }

    private void check(MethodDefinition d) {
        code("code", d.code());
        if (d.categories().isEmpty()) {
            problem("categories", "method.problem.atLeastOne");
        }
        uniqueCodes("categories", d.categories(), Category::code);
        for (int i = 0; i < d.categories().size(); i++) {
            category("categories[" + i + "]", d.categories().get(i));
        }
        uniqueCodes("scoreItems", d.scoreItems(), ScoreItem::code);
        for (int i = 0; i < d.scoreItems().size(); i++) {
            scoreItem("scoreItems[" + i + "]", d.scoreItems().get(i));
        }
        notNegative("money.fenPerPoint", d.money().fenPerPoint());
        uniqueCodes("raterGroups", d.raterGroups(), MethodDefinition.RaterGroup::code);
        Set<String> groups = codes(d.raterGroups(), MethodDefinition.RaterGroup::code);

        if (d.assessments().isEmpty()) {
            problem("assessments", "method.problem.atLeastOne");
        }
        uniqueCodes("assessments", d.assessments(), Assessment::code);
        for (int i = 0; i < d.assessments().size(); i++) {
            assessment("assessments[" + i + "]", d.assessments().get(i), groups);
        }
        uniqueCodes("bonuses", d.bonuses(), MethodDefinition.Bonus::code);
        for (int i = 0; i < d.bonuses().size(); i++) {
            var b = d.bonuses().get(i);
            String p = "bonuses[" + i + "]";
            code(p + ".code", b.code());
            for (int r = 0; r < b.rankPoints().size(); r++) {
                notNegative(p + ".rankPoints[" + r + "]", b.rankPoints().get(r));
            }
            notNegative(p + ".points", b.points());
        }
        uniqueCodes("vetoes", d.vetoes(), MethodDefinition.Veto::code);
        for (int i = 0; i < d.vetoes().size(); i++) {
            var v = d.vetoes().get(i);
            String p = "vetoes[" + i + "]";
            code(p + ".code", v.code());
            if (v.domains().isEmpty()) {
                problem(p + ".domains", "method.problem.vetoWithoutDomain");
            }
            if (v.bottom() != null && v.bottom() < 1) {
                problem(p + ".bottom", "method.problem.atLeast", 1, v.bottom());
            }
        }
        Set<String> assessments = codes(d.assessments(), Assessment::code);
        uniqueCodes("composites", d.composites(), Composite::code);
        for (int i = 0; i < d.composites().size(); i++) {
            composite("composites[" + i + "]", d.composites().get(i), d, assessments);
        }
        Set<String> scored = new HashSet<>(assessments);
        scored.addAll(codes(d.composites(), Composite::code));
        uniqueCodes("boards", d.boards(), Board::code);
        for (int i = 0; i < d.boards().size(); i++) {
            board("boards[" + i + "]", d.boards().get(i));
        }
        uniqueCodes("consequences", d.consequences(), Consequence::code);
        for (int i = 0; i < d.consequences().size(); i++) {
            consequence("consequences[" + i + "]", d.consequences().get(i), scored);
        }
        if (d.practices() != null) {
            practices("practices", d.practices());
            stageEvaluation("practices.stageEvaluation", d.practices().stageEvaluation(),
                    codes(d.categories(), Category::code));
        }
    }

    private void category(String p, Category c) {
        code(p + ".code", c.code());
        var lead = c.leadGroup();
        if (lead != null) {
            if (lead.size() < 1) {
                problem(p + ".leadGroup.size", "method.problem.atLeast", 1, lead.size());
            } else if (lead.deputies() < 0 || lead.deputies() != lead.size() - 1) {
                problem(p + ".leadGroup.deputies", "method.problem.leadGroupDeputies", lead.size(), lead.deputies());
            }
            if (lead.supervisorAssessor() && lead.deputies() < 1) {
                problem(p + ".leadGroup.supervisorAssessor", "method.problem.supervisorNeedsDeputy");
            }
        }
    }

    private void scoreItem(String p, ScoreItem s) {
        code(p + ".code", s.code());
        if (s.subjects().isEmpty()) {
            problem(p + ".subjects", "method.problem.atLeastOne");
        }
        range(p + ".points", s.points());
        if (s.uncapped() && s.points() != null && s.direction() == MethodDefinition.Direction.ADD) {
            problem(p + ".uncapped", "method.problem.uncappedOnlyDeductions");
        }
        if (s.money() != null) {
            var m = s.money();
            notNegative(p + ".money.fenPerPoint", m.fenPerPoint());
            notNegative(p + ".money.fenPerOccurrence", m.fenPerOccurrence());
            if (m.fenPerPoint() == null && m.fenPerOccurrence() == null) {
                problem(p + ".money", "method.problem.moneyNeedsRate");
            }
        }
    }

    private void range(String p, PointRange r) {
        if (r == null) {
            return;
        }
        if (r.min().signum() < 0) {
            problem(p + ".min", "method.problem.negative", r.min().toPlainString());
        }
        if (r.min().compareTo(r.max()) > 0) {
            problem(p, "method.problem.rangeReversed", r.min().toPlainString(), r.max().toPlainString());
        }
    }

    private void cycles(String p, List<Cycle> cycles) {
        if (cycles.isEmpty()) {
            problem(p, "method.problem.noCycle");
        }
        for (int i = 0; i < cycles.size(); i++) {
            if (!cycles.get(i).period().isCycle()) {
                problem(p + "[" + i + "].period", "method.problem.notACycle", cycles.get(i).period());
            }
        }
        Set<MethodDefinition.Period> seen = new HashSet<>();
        for (int i = 0; i < cycles.size(); i++) {
            if (!seen.add(cycles.get(i).period())) {
                problem(p + "[" + i + "].period", "method.problem.duplicateCycle", cycles.get(i).period());
            }
        }
    }

    private void assessment(String p, Assessment a, Set<String> groups) {
        code(p + ".code", a.code());
        cycles(p + ".cycles", a.cycles());
        if (a.subjects().isEmpty()) {
            problem(p + ".subjects", "method.problem.atLeastOne");
        }
        if (a.components().isEmpty()) {
            problem(p + ".components", "method.problem.atLeastOne");
            return;
        }
        uniqueCodes(p + ".components", a.components(), Component::code);
        weights(p + ".components", a.components().stream().map(Component::weight).toList());
        for (int i = 0; i < a.components().size(); i++) {
            component(p + ".components[" + i + "]", a.components().get(i), groups);
        }
    }

    private void component(String p, Component c, Set<String> groups) {
        code(p + ".code", c.code());
        if (c.source() == ComponentSource.EVENTS) {
            if (!c.raters().isEmpty()) {
                problem(p + ".raters", "method.problem.eventsTakeNoRaters");
            }
        } else {
            if (c.raters().isEmpty()) {
                problem(p + ".raters", "method.problem.ratersRequired", c.source());
            } else {
                weights(p + ".raters", c.raters().stream().map(MethodDefinition.RaterWeight::weight).toList());
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < c.raters().size(); i++) {
                    String g = c.raters().get(i).group();
                    if (!groups.contains(g)) {
                        problem(p + ".raters[" + i + "].group", "method.problem.unknownRaterGroup", g);
                    } else if (!seen.add(g)) {
                        problem(p + ".raters[" + i + "].group", "method.problem.duplicateCode", g);
                    }
                }
            }
            if (c.missingGroup() == null) {
                problem(p + ".missingGroup", "method.problem.required", "missingGroup");
            }
            if (c.ballots().isEmpty()) {
                problem(p + ".ballots", "method.problem.atLeastOne");
            }
        }
        boolean needsSampling = c.source() == ComponentSource.DRAW_MEETING || c.source() == ComponentSource.SURVEY;
        if (needsSampling && c.sampling() == null) {
            problem(p + ".sampling", "method.problem.samplingRequired", c.source());
        }
        if (c.sampling() != null && c.sampling().size() < 1) {
            problem(p + ".sampling.size", "method.problem.samplingTooSmall", c.sampling().size());
        }
        if (c.maxScore() != null && c.maxScore().signum() <= 0) {
            problem(p + ".maxScore", "method.problem.positive", c.maxScore().toPlainString());
        }
    }

    private void weights(String p, List<BigDecimal> weights) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal w : weights) {
            if (w.signum() < 0) {
                problem(p, "method.problem.negativeWeight", w.toPlainString());
                return;
            }
            sum = sum.add(w);
        }
        if (sum.compareTo(HUNDRED) != 0) {
            problem(p, "method.problem.weightsSum", sum.stripTrailingZeros().toPlainString());
        }
    }

    private void composite(String p, Composite c, MethodDefinition d, Set<String> assessments) {
        code(p + ".code", c.code());
        cycles(p + ".cycles", c.cycles());
        if (c.parts().isEmpty()) {
            problem(p + ".parts", "method.problem.atLeastOne");
            return;
        }
        weights(p + ".parts", c.parts().stream().map(MethodDefinition.Part::weight).toList());
        for (int i = 0; i < c.parts().size(); i++) {
            String ref = c.parts().get(i).assessment();
            if (!assessments.contains(ref)) {
                problem(p + ".parts[" + i + "].assessment", "method.problem.unknownAssessment", ref);
            }
        }
        Set<String> bonuses = codes(d.bonuses(), MethodDefinition.Bonus::code);
        for (int i = 0; i < c.bonuses().size(); i++) {
            if (!bonuses.contains(c.bonuses().get(i))) {
                problem(p + ".bonuses[" + i + "]", "method.problem.unknownBonus", c.bonuses().get(i));
            }
        }
        Set<String> vetoes = codes(d.vetoes(), MethodDefinition.Veto::code);
        for (int i = 0; i < c.vetoes().size(); i++) {
            if (!vetoes.contains(c.vetoes().get(i))) {
                problem(p + ".vetoes[" + i + "]", "method.problem.unknownVeto", c.vetoes().get(i));
            }
        }
    }

    private void board(String p, Board b) {
        code(p + ".code", b.code());
        if (b.noticeDays() != null && b.noticeDays() < 0) {
            problem(p + ".noticeDays", "method.problem.negative", b.noticeDays());
        }
        if (b.retentionDays() != null && b.retentionDays() < 1) {
            problem(p + ".retentionDays", "method.problem.atLeast", 1, b.retentionDays());
        }
    }

    private void consequence(String p, Consequence c, Set<String> scored) {
        code(p + ".code", c.code());
        if (c.basedOn() != null && !scored.contains(c.basedOn())) {
            problem(p + ".basedOn", "method.problem.unknownAssessment", c.basedOn());
        }
        switch (c.kind()) {
            case GOLD_BOARD -> needs(p, "topN", c.topN());
            case COMMENDATION_LOSS -> needs(p, "bottomN", c.bottomN());
            case GRADE_QUOTA -> needs(p, "quotaPercent", c.quotaPercent());
            case RANKING_RISE_REWARD -> {
                needs(p, "places", c.places());
                needs(p, "rewardFen", c.rewardFen());
            }
            case CLASS_RISE_REWARD -> needs(p, "rewardFen", c.rewardFen());
            default -> {
            }
        }
        positive(p + ".topN", c.topN());
        positive(p + ".bottomN", c.bottomN());
        positive(p + ".places", c.places());
        notNegative(p + ".rewardFen", c.rewardFen());
        if (c.quotaPercent() != null && (c.quotaPercent() < 0 || c.quotaPercent() > 100)) {
            problem(p + ".quotaPercent", "method.problem.percent", c.quotaPercent());
        }
    }

    private void practices(String p, Practices pr) {
        uniqueCodes(p + ".meetings", pr.meetings(), MethodDefinition.Meeting::code);
        for (int i = 0; i < pr.meetings().size(); i++) {
            var m = pr.meetings().get(i);
            code(p + ".meetings[" + i + "].code", m.code());
            if (!m.period().isCycle()) {
                problem(p + ".meetings[" + i + "].period", "method.problem.notACycle", m.period());
            }
        }
        uniqueCodes(p + ".reports", pr.reports(), MethodDefinition.Report::code);
        if (pr.dutyRoster() != null && pr.dutyRoster().minDeputySectionLeaders() < 0) {
            problem(p + ".dutyRoster.minDeputySectionLeaders", "method.problem.negative",
                    pr.dutyRoster().minDeputySectionLeaders());
        }
        if (pr.leave() != null && pr.leave().groupLeaderMaxDays() < 0) {
            problem(p + ".leave.groupLeaderMaxDays", "method.problem.negative", pr.leave().groupLeaderMaxDays());
        }
        if (pr.lists() != null && pr.lists().power() != null) {
            positive(p + ".lists.power.items", pr.lists().power().items());
        }
        uniqueCodes(p + ".supervision", pr.supervision(), MethodDefinition.Supervision::code);
        uniqueCodes(p + ".inspections", pr.inspections(), MethodDefinition.Inspection::code);
        for (int i = 0; i < pr.inspections().size(); i++) {
            positive(p + ".inspections[" + i + "].compareMonths", pr.inspections().get(i).compareMonths());
        }
        var t = pr.trafficLight();
        if (t != null) {
            String tp = p + ".trafficLight";
            if (t.escalateAfterWorkingDays() != null && t.escalateAfterWorkingDays() < 1) {
                problem(tp + ".escalateAfterWorkingDays", "reminder.problem.escalateAfter", t.escalateAfterWorkingDays());
            }
            if (t.yellowWithinWorkingDays() < 0) {
                problem(tp + ".yellowWithinWorkingDays", "method.problem.negative", t.yellowWithinWorkingDays());
            }
            range(tp + ".yellowPointsBehind", t.yellowPointsBehind());
            notNegative(tp + ".redPointsBehind", t.redPointsBehind());
            if (t.redPointsBehind() != null && t.yellowPointsBehind() != null
                    && t.redPointsBehind().compareTo(t.yellowPointsBehind().max()) < 0) {
                problem(tp + ".redPointsBehind", "method.problem.redBelowYellow",
                        t.redPointsBehind().toPlainString(), t.yellowPointsBehind().max().toPlainString());
            }
        }
        uniqueCodes(p + ".competitions", pr.competitions(), MethodDefinition.Competition::code);
        for (int i = 0; i < pr.competitions().size(); i++) {
            var c = pr.competitions().get(i);
            String cp = p + ".competitions[" + i + "]";
            notNegative(cp + ".best", c.best());
            notNegative(cp + ".last", c.last());
            notNegative(cp + ".bottomMembers", c.bottomMembers());
        }
        if (pr.posts() != null) {
            positive(p + ".posts.termYears", pr.posts().termYears());
            positive(p + ".posts.commandGroups", pr.posts().commandGroups());
        }
        uniqueCodes(p + ".campaigns", pr.campaigns(), MethodDefinition.Campaign::code);
    }

    /** The stage-evaluation standards: codes unique and well formed, names given, categories known. */
    private void stageEvaluation(String p, MethodDefinition.StageEvaluation se, Set<String> categories) {
        if (se == null) {
            return;
        }
        var standards = se.standards();
        String sp = p + ".standards";
        if (standards.size() > MAX_STANDARDS) {
            problem(sp, "inspection.problem.tooManyStandards", MAX_STANDARDS, standards.size());
        }
        uniqueCodes(sp, standards, MethodDefinition.EvaluationStandard::code);
        for (int i = 0; i < standards.size(); i++) {
            var st = standards.get(i);
            String ip = sp + "[" + i + "]";
            code(ip + ".code", st.code());
            if (st.name() == null || st.name().isBlank()) {
                problem(ip + ".name", "inspection.problem.standardNameBlank", st.code());
            } else if (st.name().trim().length() > 50) {
                problem(ip + ".name", "inspection.problem.standardNameTooLong", st.code(), 50);
            }
            if (st.checks() != null && st.checks().length() > 500) {
                problem(ip + ".checks", "inspection.problem.standardChecksTooLong", st.code(), 500);
            }
            for (int c = 0; c < st.categories().size(); c++) {
                if (!categories.contains(st.categories().get(c))) {
                    problem(ip + ".categories[" + c + "]", "inspection.problem.standardUnknownCategory", st.code(),
                            st.categories().get(c));
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private void needs(String p, String key, Object value) {
        if (value == null) {
            problem(p + "." + key, "method.problem.kindNeeds", key);
        }
    }

    private void code(String p, String code) {
        if (code != null && !CODE.matcher(code).matches()) {
            problem(p, "method.problem.codeFormat", code);
        }
    }

    private void notNegative(String p, Number n) {
        if (n != null && new BigDecimal(n.toString()).signum() < 0) {
            problem(p, "method.problem.negative", n instanceof BigDecimal b ? b.toPlainString() : n);
        }
    }

    private void positive(String p, Integer n) {
        if (n != null && n < 1) {
            problem(p, "method.problem.atLeast", 1, n);
        }
    }

    private <T> void uniqueCodes(String p, List<T> items, Function<T, String> code) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String c = code.apply(items.get(i));
            Integer earlier = first.putIfAbsent(c, i);
            if (earlier != null) {
                problem(p + "[" + i + "].code", "method.problem.duplicateCode", c);
            }
        }
    }

    private static <T> Set<String> codes(List<T> items, Function<T, String> code) {
        Set<String> out = new HashSet<>();
        items.forEach(i -> out.add(code.apply(i)));
        return out;
    }
}
