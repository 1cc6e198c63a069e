package cn.taizhang.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Broken definitions are refused with the path, the line and the reason, in Chinese and English. */
class MethodValidationTest {

    static final String VALID = """
            code: mini
            name: 测试方法
            source: {seed: test.txt}
            categories:
              - {code: routine, name: 常规工作, management: HIERARCHICAL}
            scoreItems:
              - code: task
                name: 工作任务
                subjects: [PERSON]
                direction: DEDUCT
                points: {min: 1, max: 10}
            money: {kind: BONUS_DEDUCTION, fenPerPoint: 2000}
            raterGroups:
              - {code: leadership, name: 班子成员}
              - {code: heads, name: 负责人}
            assessments:
              - code: ordinary
                name: 平时考核
                cycles: [YEAR]
                subjects: [PERSON]
                components:
                  - {code: events, name: 即时分, source: EVENTS, weight: 60}
                  - code: rating
                    name: 测评
                    source: RATINGS
                    weight: 40
                    raters:
                      - {group: leadership, weight: 50}
                      - {group: heads, weight: 50}
                    missingGroup: REWEIGHT_AND_FLAG
                    ballots: [MEETING_BALLOT]
            boards:
              - {code: red, name: 红榜, kind: RED, cadence: ON_RESULT, visibility: PUBLIC, noticeDays: 3}
            """;

    private static MethodCheck parseWith(String from, String to) {
        assertThat(VALID).contains(from);
        return MethodParser.parse(VALID.replace(from, to));
    }

    /** The 1-based line of the first line of VALID that contains the text. */
    private static int line(String text) {
        List<String> lines = VALID.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    private static MethodProblem only(MethodCheck check) {
        assertThat(check.valid()).isFalse();
        assertThat(check.problems()).as(MethodTestSupport.all(check)).hasSize(1);
        return check.problems().get(0);
    }

    @Test
    void theMinimalDefinitionIsValidAndHasNoFlags() {
        MethodCheck check = MethodParser.parse(VALID);
        assertThat(check.problems()).as(MethodTestSupport.all(check)).isEmpty();
        assertThat(check.flags()).isEmpty();
    }

    @Test
    void componentWeightsNotAddingUpTo100AreRefusedWithPathAndLine() {
        var p = only(parseWith("weight: 60}", "weight: 55}"));
        assertThat(p.path()).isEqualTo("assessments[0].components");
        assertThat(p.messageKey()).isEqualTo("method.problem.weightsSum");
        assertThat(p.line()).isEqualTo(line("components:"));
        assertThat(MethodTestSupport.english(p))
                .isEqualTo("assessments[0].components: weights add up to 95, must be 100 (line " + line("components:") + ")");
        assertThat(MethodTestSupport.chinese(p)).contains("权重合计为 95，必须为 100");
    }

    @Test
    void raterWeightsNotAddingUpTo100AreRefused() {
        var p = only(parseWith("{group: heads, weight: 50}", "{group: heads, weight: 40}"));
        assertThat(p.path()).isEqualTo("assessments[0].components[1].raters");
        assertThat(MethodTestSupport.english(p)).contains("weights add up to 90, must be 100");
    }

    @Test
    void raterGroupReferencedButNotDefinedIsRefused() {
        var p = only(parseWith("{group: heads, weight: 50}", "{group: deputies, weight: 50}"));
        assertThat(p.path()).isEqualTo("assessments[0].components[1].raters[1].group");
        assertThat(p.line()).isEqualTo(line("{group: heads"));
        assertThat(MethodTestSupport.english(p)).contains("rater group \"deputies\" is not defined under raterGroups");
    }

    @Test
    void negativeMoneyRateIsRefused() {
        var p = only(parseWith("fenPerPoint: 2000", "fenPerPoint: -2000"));
        assertThat(p.path()).isEqualTo("money.fenPerPoint");
        assertThat(p.line()).isEqualTo(line("money:"));
        assertThat(MethodTestSupport.english(p)).contains("must not be negative (is -2000)");
    }

    @Test
    void assessmentWithoutCyclePeriodIsRefused() {
        var p = only(parseWith("cycles: [YEAR]", "cycles: []"));
        assertThat(p.path()).isEqualTo("assessments[0].cycles");
        assertThat(p.messageKey()).isEqualTo("method.problem.noCycle");
        var q = only(parseWith("cycles: [YEAR]", "cycles: [{when: 年底}]"));
        assertThat(q.path()).isEqualTo("assessments[0].cycles[0].period");
        assertThat(q.messageKey()).isEqualTo("method.problem.required");
    }

    @Test
    void duplicateCodesAreRefused() {
        var check = parseWith("{code: heads, name: 负责人}", "{code: leadership, name: 负责人}");
        var p = check.problems().get(0);
        assertThat(p.path()).isEqualTo("raterGroups[1].code");
        assertThat(MethodTestSupport.english(p)).contains("code \"leadership\" is used twice");
        // and the reference to the group that is now gone is refused too
        assertThat(check.problems()).extracting(MethodProblem::messageKey).contains("method.problem.unknownRaterGroup");
    }

    @Test
    void pointRangeWithMinAboveMaxIsRefused() {
        var p = only(parseWith("points: {min: 1, max: 10}", "points: {min: 12, max: 10}"));
        assertThat(p.path()).isEqualTo("scoreItems[0].points");
        assertThat(p.line()).isEqualTo(line("points:"));
        assertThat(MethodTestSupport.english(p)).contains("minimum 12 is greater than maximum 10");
    }

    @Test
    void unknownKeyIsRefusedAndTheNearestKnownKeyIsSuggestedFirst() {
        var p = only(parseWith("direction: DEDUCT", "direction: DEDUCT\n    uncaped: true"));
        assertThat(p.path()).isEqualTo("scoreItems[0].uncaped");
        assertThat(p.line()).isEqualTo(line("direction: DEDUCT") + 1);
        assertThat(p.messageKey()).isEqualTo("method.problem.unknownKey");
        assertThat(p.args().get(1)).startsWith("uncapped");
    }

    @Test
    void wrongTypeIsRefused() {
        var p = only(parseWith("fenPerPoint: 2000", "fenPerPoint: 二十元"));
        assertThat(p.path()).isEqualTo("money.fenPerPoint");
        assertThat(MethodTestSupport.english(p)).contains("expected a whole number");
        var q = only(parseWith("subjects: [PERSON]\n    direction", "subjects: [PEOPLE]\n    direction"));
        assertThat(q.path()).isEqualTo("scoreItems[0].subjects[0]");
        assertThat(q.messageKey()).isEqualTo("method.problem.badChoice");
        assertThat(q.args()).first().isEqualTo("PEOPLE");
    }

    @Test
    void missingRequiredFieldIsRefused() {
        var p = only(parseWith("money: {kind: BONUS_DEDUCTION, fenPerPoint: 2000}\n", ""));
        assertThat(p.path()).isEqualTo("money");
        assertThat(MethodTestSupport.english(p)).contains("required key \"money\" is missing");
    }

    @Test
    void vetoWithoutDomainIsRefused() {
        var p = only(MethodParser.parse(VALID + """
                vetoes:
                  - {code: bottom3, name: 后三名否决, trigger: COUNTY_RANKING_BOTTOM, bottom: 3}
                """));
        assertThat(p.path()).isEqualTo("vetoes[0].domains");
        assertThat(p.messageKey()).isEqualTo("method.problem.vetoWithoutDomain");
        assertThat(p.line()).isEqualTo(VALID.lines().count() + 2);
    }

    @Test
    void samplingSizeBelowOneIsRefused() {
        var p = only(parseWith("ballots: [MEETING_BALLOT]", "ballots: [MEETING_BALLOT]\n        sampling: {size: 0}"));
        assertThat(p.path()).isEqualTo("assessments[0].components[1].sampling.size");
        assertThat(MethodTestSupport.english(p)).contains("sampling size must be at least 1 (is 0)");
    }

    @Test
    void negativeBoardNoticePeriodIsRefused() {
        var p = only(parseWith("noticeDays: 3", "noticeDays: -1"));
        assertThat(p.path()).isEqualTo("boards[0].noticeDays");
        assertThat(p.line()).isEqualTo(line("{code: red"));
    }

    @Test
    void compositeReferringToAnUndefinedAssessmentIsRefused() {
        var p = only(MethodParser.parse(VALID + """
                composites:
                  - code: total
                    name: 总分
                    cycles: [YEAR]
                    parts:
                      - {assessment: ordinary, weight: 50}
                      - {assessment: monthly, weight: 50}
                """));
        assertThat(p.path()).isEqualTo("composites[0].parts[1].assessment");
        assertThat(p.args()).containsExactly("monthly");
    }

    @Test
    void yamlSyntaxErrorIsReportedWithItsLine() {
        var check = MethodParser.parse("code: x\nname: [unclosed\nmoney: 1\n");
        assertThat(check.valid()).isFalse();
        assertThat(check.problems().get(0).messageKey()).isEqualTo("method.problem.syntax");
        assertThat(check.problems().get(0).line()).isGreaterThan(1);
    }

    @Test
    void duplicateYamlKeyIsRefused() {
        var check = parseWith("name: 测试方法", "name: 测试方法\nname: 又一个");
        assertThat(check.valid()).isFalse();
        assertThat(MethodTestSupport.all(check)).contains("name");
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        var check = MethodParser.parse(VALID.replace("fenPerPoint: 2000", "fenPerPoint: x")
                .replace("cycles: [YEAR]", "cycles: [YEARLY]"));
        assertThat(check.problems()).extracting(MethodProblem::path)
                .containsExactlyInAnyOrder("money.fenPerPoint", "assessments[0].cycles[0].period");
    }
}
