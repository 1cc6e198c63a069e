package cn.taizhang.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The optional stage-evaluation standards of a method (LEDGER-6): the wubu preset's three, and broken ones refused. */
class StageStandardsMethodTest {

    static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("i18n/method", "i18n/inspection");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static final String WITH_STANDARDS = MethodValidationTest.VALID + """
            practices:
              stageEvaluation:
                standards:
                  - {code: operation, name: 工作运行好, checks: 按工期推进}
                  - {code: results, name: 工作业绩好, categories: [routine]}
            """;

    @Test
    void wubuStatesTheThreeStandardsOfItsSeedAndTheOtherPresetsNone() {
        MethodDefinition wubu = MethodPresetsTest.load("wubu").definition();
        var standards = wubu.practices().stageEvaluation().standards();
        assertThat(standards).extracting(MethodDefinition.EvaluationStandard::code)
                .containsExactly("operation", "results", "response");
        assertThat(standards).extracting(MethodDefinition.EvaluationStandard::name)
                .containsExactly("工作运行好", "工作业绩好", "群众反映好");
        assertThat(standards).allSatisfy(s -> assertThat(s.checks()).isNotBlank());
        assertThat(standards).allSatisfy(s -> assertThat(s.appliesTo("key-topic")).isTrue());
        for (String other : List.of("wusi", "huaqiao", "qingdan", "haiyong")) {
            var p = MethodPresetsTest.load(other).definition().practices();
            assertThat(p == null ? null : p.stageEvaluation()).as(other).isNull();
        }
    }

    @Test
    void standardsParseWithTheirCategories() {
        MethodCheck check = MethodParser.parse(WITH_STANDARDS);
        assertThat(check.problems()).as(MethodTestSupport.all(check)).isEmpty();
        var standards = check.definition().practices().stageEvaluation().standards();
        assertThat(standards.get(0).categories()).isEmpty();
        assertThat(standards.get(1).appliesTo("routine")).isTrue();
        assertThat(standards.get(1).appliesTo("central")).isFalse();
    }

    @Test
    void aDuplicateCodeIsRefusedAtItsPathInBothLanguages() {
        MethodCheck check = MethodParser.parse(WITH_STANDARDS.replace("code: results", "code: operation"));
        assertThat(check.problems()).hasSize(1);
        var p = check.problems().get(0);
        assertThat(p.path()).isEqualTo("practices.stageEvaluation.standards[1].code");
        assertThat(p.reason(MESSAGES, Locale.SIMPLIFIED_CHINESE)).isEqualTo("编码“operation”重复。");
        assertThat(p.reason(MESSAGES, Locale.ENGLISH)).isEqualTo("code \"operation\" is used twice");
    }

    @Test
    void aBlankNameAndAnUnknownCategoryAreRefusedNamingTheStandard() {
        MethodCheck check = MethodParser.parse(WITH_STANDARDS.replace("name: 工作运行好", "name: \" \"")
                .replace("categories: [routine]", "categories: [central]"));
        assertThat(check.problems()).extracting(MethodProblem::path).containsExactly(
                "practices.stageEvaluation.standards[0].name", "practices.stageEvaluation.standards[1].categories[0]");
        assertThat(check.problems().get(0).reason(MESSAGES, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("阶段评估标准“operation”缺少名称。");
        assertThat(check.problems().get(0).reason(MESSAGES, Locale.ENGLISH))
                .isEqualTo("The stage-evaluation standard \"operation\" has no name.");
        assertThat(check.problems().get(1).reason(MESSAGES, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("阶段评估标准“results”适用的类别“central”不在 categories 中。");
        assertThat(check.problems().get(1).line()).isGreaterThan(0);
    }

    @Test
    void aStandardWithoutNameIsAMissingKey() {
        MethodCheck check = MethodParser.parse(WITH_STANDARDS.replace(", name: 工作运行好", ""));
        assertThat(check.valid()).isFalse();
        assertThat(check.problems().get(0).path()).startsWith("practices.stageEvaluation.standards[0]");
    }
}
