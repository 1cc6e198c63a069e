package cn.taizhang.method;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taizhang.method.ComplianceFlag.Kind;
import org.junit.jupiter.api.Test;

/** The compliance check flags what POLICY.md restricts, and nothing in a compliant definition. */
class MethodComplianceCheckTest {

    private static MethodCheck with(String from, String to) {
        var check = MethodParser.parse(MethodValidationTest.VALID.replace(from, to));
        assertThat(check.problems()).as(MethodTestSupport.all(check)).isEmpty();
        return check;
    }

    private static MethodCheck plus(String yaml) {
        var check = MethodParser.parse(MethodValidationTest.VALID + yaml);
        assertThat(check.problems()).as(MethodTestSupport.all(check)).isEmpty();
        return check;
    }

    @Test
    void vetoInAMandatedDomainIsFlaggedAndOneBeyondTheMandateIsFlaggedAsSuch() {
        var check = plus("""
                vetoes:
                  - {code: safety, name: 安全生产否决, trigger: MAJOR_INCIDENT, domains: [WORK_SAFETY]}
                  - {code: all, name: 后三名否决, trigger: COUNTY_RANKING_BOTTOM, bottom: 3, domains: [ANY_ASSIGNED]}
                """);
        assertThat(check.flags()).extracting(ComplianceFlag::code)
                .containsExactly("VETO:safety", "VETO_UNMANDATED:all");
        assertThat(check.flags().get(1).path()).isEqualTo("vetoes[1]");
        assertThat(check.flags().get(1).line()).isGreaterThan((int) MethodValidationTest.VALID.lines().count());
    }

    @Test
    void fineAsMoneyKindIsFlagged() {
        var check = with("kind: BONUS_DEDUCTION", "kind: FINE");
        assertThat(check.flags()).extracting(ComplianceFlag::kind).containsExactly(Kind.FINE);
        assertThat(check.flags().get(0).path()).isEqualTo("money.kind");
    }

    @Test
    void compulsorySignInPhotosAndPublicNamingAreFlagged() {
        var check = plus("""
                practices:
                  attendance: {mode: COMPULSORY_SIGN_IN}
                  inspections:
                    - {code: site, name: 工地巡查, period: WEEK, photos: COUNTED}
                  competitions:
                    - {code: monthly, name: 月度竞赛, period: MONTH, bottomMembers: 2, publicNaming: true}
                """);
        assertThat(check.flags()).extracting(ComplianceFlag::code)
                .containsExactly("SIGN_IN", "PHOTOS:site", "PUBLIC_NAMING:monthly");
    }

    @Test
    void optionalPhotosAndAttendanceByExceptionAreNotFlagged() {
        var check = plus("""
                practices:
                  attendance: {mode: BY_EXCEPTION}
                  inspections:
                    - {code: site, name: 工地巡查, period: WEEK, photos: OPTIONAL}
                """);
        assertThat(check.flags()).isEmpty();
    }

    @Test
    void onlineVotesLeaderLiabilityAndPublicBlackBoardAreFlagged() {
        var check = MethodParser.parse(MethodValidationTest.VALID
                .replace("ballots: [MEETING_BALLOT]", "ballots: [ONLINE_VOTE]")
                .replace("points: {min: 1, max: 10}", "points: {min: 1, max: 10}\n    leaderLiability: true")
                + "  - {code: black, name: 黑榜, kind: BLACK, cadence: ON_RESULT, visibility: PUBLIC}\n");
        assertThat(check.problems()).as(MethodTestSupport.all(check)).isEmpty();
        assertThat(check.flags()).extracting(ComplianceFlag::code)
                .containsExactly("LEADER_LIABILITY:task", "ONLINE_VOTE:ordinary", "PUBLIC_BLACK_BOARD:black");
    }

    @Test
    void rankingPublishedMoreOftenThanTheCycleIsFlagged() {
        var check = with("subjects: [PERSON]\n    components", "subjects: [PERSON]\n    rankingPublished: LIVE\n    components");
        assertThat(check.flags()).extracting(ComplianceFlag::code).containsExactly("RANKING_FREQUENCY:ordinary");
        assertThat(check.flags().get(0).args()).extracting(String::valueOf).containsExactly("LIVE", "YEAR");
    }

    @Test
    void excellentQuotaAbove20PercentIsFlaggedAndAt20IsNot() {
        var over = plus("""
                consequences:
                  - {code: grade, name: 优秀比例, kind: GRADE_QUOTA, quotaPercent: 30}
                """);
        assertThat(over.flags()).extracting(ComplianceFlag::code).containsExactly("EXCELLENT_QUOTA:grade");
        var at = plus("""
                consequences:
                  - {code: grade, name: 优秀比例, kind: GRADE_QUOTA, quotaPercent: 20}
                """);
        assertThat(at.flags()).isEmpty();
    }
}
