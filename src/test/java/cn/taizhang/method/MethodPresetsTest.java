package cn.taizhang.method;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taizhang.method.ComplianceFlag.Kind;
import cn.taizhang.method.MethodDefinition.ComponentSource;
import cn.taizhang.method.MethodDefinition.Management;
import cn.taizhang.method.MethodDefinition.Period;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each preset loads, validates, and carries the numbers of its seed. */
class MethodPresetsTest {

    static MethodCheck load(String code) {
        MethodCheck check = MethodParser.parse(MethodCatalog.presetYaml(code));
        assertThat(check.problems()).as(code + ":\n" + MethodTestSupport.all(check)).isEmpty();
        return check;
    }

    static List<String> flagCodes(MethodCheck check) {
        return check.flags().stream().map(ComplianceFlag::code).toList();
    }

    static BigDecimal n(int v) {
        return BigDecimal.valueOf(v);
    }

    @Test
    void wusiPresetHasFourCategoriesAndWeighsOrdinaryMonthlyBackpack_ASSESS5() {
        MethodDefinition d = load("wusi").definition();
        assertThat(d.categories()).extracting(MethodDefinition.Category::management).containsExactly(
                Management.HIERARCHICAL, Management.INTEGRATED_GRID, Management.CENTRALISED_AD_HOC,
                Management.UNIFIED_COMMAND);
        assertThat(d.categories().get(3).noLeave()).isTrue();
        assertThat(d.categories().get(1).leadGroup().size()).isEqualTo(3);
        var total = d.composites().get(0);
        assertThat(total.parts()).extracting(p -> p.assessment() + "=" + p.weight())
                .containsExactly("ordinary=50", "monthly=30", "backpack=20");
        assertThat(total.vetoes()).containsExactly("county-bottom3");
        assertThat(d.bonuses().get(0).rankPoints()).containsExactly(n(10), n(8), n(6));
        assertThat(d.money().fenPerPoint()).isEqualTo(2000L);
    }

    @Test
    void wusiHalfYearEvaluationWeighsLeadershipHeadsRepresentatives_ASSESS1() {
        var ordinary = load("wusi").definition().assessments().get(0);
        assertThat(ordinary.cycles()).extracting(MethodDefinition.Cycle::period)
                .containsExactly(Period.HALF_YEAR, Period.YEAR);
        assertThat(ordinary.components().get(1).raters()).extracting(r -> r.group() + "=" + r.weight())
                .containsExactly("leadership=50", "heads=30", "representatives=20");
    }

    @Test
    void wusiMonthlyDrawTakesFiveOfEachKindAtTheMeetingAroundTheSecond_ASSESS2() {
        var monthly = load("wusi").definition().assessments().get(1);
        var draw = monthly.components().get(0);
        assertThat(draw.source()).isEqualTo(ComponentSource.DRAW_MEETING);
        assertThat(draw.sampling().size()).isEqualTo(5);
        assertThat(draw.sampling().per()).hasSize(3);
        assertThat(monthly.cycles().get(0).when()).contains("2号");
    }

    @Test
    void wusiComplianceReportFlagsVetoAndPublicBlackBoard() {
        var check = load("wusi");
        assertThat(flagCodes(check)).contains("VETO_UNMANDATED:county-bottom3", "PUBLIC_BLACK_BOARD:black");
        assertThat(flagCodes(check)).noneMatch(c -> c.startsWith("FINE"));
    }

    @Test
    void wubuFinalScoreWeighsSurveyResidentsLeadersPeers_ASSESS6() {
        var check = load("wubu");
        var annual = check.definition().assessments().get(1);
        assertThat(annual.components()).extracting(c -> c.code() + "=" + c.weight())
                .containsExactly("social-survey=20", "residents=30", "leaders=30", "peers=20");
        var meetings = check.definition().practices().meetings();
        assertThat(meetings).extracting(MethodDefinition.Meeting::code)
                .contains("consultation", "quarterly-review", "dispatch");
        assertThat(check.definition().consequences()).extracting(MethodDefinition.Consequence::kind)
                .contains(MethodDefinition.ConsequenceKind.ADMONISHMENT);
        assertThat(check.flags()).isEmpty();
    }

    @Test
    void huaqiaoLeaderLiabilityAndSignInAreFlaggedAndVillageDeductionsUncapped_SCORE5() {
        var check = load("huaqiao");
        var d = check.definition();
        assertThat(flagCodes(check)).containsExactlyInAnyOrder("LEADER_LIABILITY:leader-missed-sign-in",
                "LEADER_LIABILITY:leader-member-absent", "SIGN_IN");
        assertThat(d.scoreItems().get(0).uncapped()).isTrue();
        assertThat(d.scoreItems().get(0).reasonRequired()).isTrue();
        assertThat(d.practices().leave().groupLeaderMaxDays()).isEqualTo(2);
        assertThat(d.consequences()).extracting(c -> c.code() + ":" + c.rewardFen())
                .contains("ranking-rise:1000000", "class-rise:2000000");
        assertThat(d.scoreItems()).filteredOn(MethodDefinition.ScoreItem::leaderLiability)
                .extracting(s -> s.money().fenPerOccurrence()).containsExactly(10000L, 20000L);
    }

    @Test
    void qingdanHasThreeListsWith42PowersAndMondayPublication_LIST1_RECORD2() {
        var d = load("qingdan").definition();
        assertThat(d.practices().lists().power().items()).isEqualTo(42);
        assertThat(d.practices().lists().responsibility().oneSubjectOnePerson()).isTrue();
        assertThat(d.practices().lists().problems().sources()).hasSize(4);
        assertThat(d.practices().workRecords().weeklyPublication()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(d.practices().plans().commitments().kinds()).containsExactly("固定任务", "动态任务");
        assertThat(d.assessments()).extracting(a -> a.cycles().get(0).period())
                .containsExactly(Period.MONTH, Period.QUARTER, Period.YEAR);
    }

    @Test
    void haiyongCompetitionNamesBestLastAndTwoBottomMembersAndIsFlagged_ASSESS9() {
        var check = load("haiyong");
        var competition = check.definition().practices().competitions().get(0);
        assertThat(competition.best()).isEqualTo(1);
        assertThat(competition.last()).isEqualTo(1);
        assertThat(competition.bottomMembers()).isEqualTo(2);
        assertThat(competition.criteria()).hasSize(5);
        assertThat(check.definition().practices().posts().commandGroups()).isEqualTo(7);
        assertThat(check.definition().practices().inspections().get(0).compareMonths()).isEqualTo(2);
        assertThat(flagCodes(check)).contains("PUBLIC_NAMING:efficiency", "PUBLIC_NAMING:competition-wall",
                "PHOTOS:site");
    }

    @Test
    void everyPresetLoadsThroughTheCatalog() {
        var catalog = new MethodCatalog();
        assertThat(catalog.presets()).extracting(Preset::code).containsExactlyElementsOf(MethodCatalog.PRESET_CODES);
    }
}
