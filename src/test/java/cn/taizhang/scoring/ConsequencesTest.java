package cn.taizhang.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.support.TaizhangTest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** ASSESS-11 and FUND-1: consequences proposed from the rankings the method names. */
@TaizhangTest
class ConsequencesTest {

    @Autowired Tenants tenants;
    @Autowired TenantMethods methods;
    @Autowired Organisation organisation;
    @Autowired ScoreEvents events;
    @Autowired RatingSheets sheets;
    @Autowired Assessments assessments;
    @Autowired Clock clock;

    @Test
    void groupFundsAreReleasedInProportionToTheMonthlyScoreAndTheLastGroupLosesCommendations_FUND1() {
        Township t = new Township("huaqiao", tenants, methods, organisation, events, sheets, assessments);
        OrgUnit g1 = t.unit(UnitKind.GROUP, "城建组");
        OrgUnit g2 = t.unit(UnitKind.GROUP, "计生组");
        OrgUnit g3 = t.unit(UnitKind.GROUP, "政法组");
        int y = LocalDate.now(clock).getYear() - 1;
        // group-monthly has only EVENTS; huaqiao's score items are for villages and persons, so the groups'
        // monthly scores come from leaders' direct entries here: 30, 10, 0 → shares 75%, 25%, 0%
        events.special(t.leader, List.of(Township.of(SubjectKind.GROUP, g1)), new java.math.BigDecimal("30"),
                LocalDate.of(y, 4, 10), "四月目标全部完成", null, null);
        events.special(t.leader, List.of(Township.of(SubjectKind.GROUP, g2)), new java.math.BigDecimal("10"),
                LocalDate.of(y, 4, 12), "完成三项目标", null, null);
        List<Assessments.Proposal> funds = assessments.consequences(t.leader, "group-funds", y + "-04");
        assertThat(funds).extracting(p -> p.name() + " " + p.sharePercent())
                .containsExactlyInAnyOrder("城建组 75.00", "计生组 25.00", "政法组 0.00");
    }

    @Test
    void theGoldBoardTakesTheTopTenAndTheExcellentQuotaAtMostTwentyPercent_ASSESS11() {
        Township t = new Township("wusi", tenants, methods, organisation, events, sheets, assessments);
        OrgUnit office = t.unit(UnitKind.OFFICE, "党政办");
        int y = LocalDate.now(clock).getYear() - 1;
        for (int i = 1; i <= 12; i++) {
            Person p = t.person(office, "干部" + i);
            // scores 1..12 points from the ordinary events component, which is all they have
            events.special(t.leader, List.of(Township.of(p)), new java.math.BigDecimal(i), LocalDate.of(y, 3, 1),
                    "专项工作表现", null, null);
        }
        List<Assessments.Proposal> gold = assessments.consequences(t.leader, "gold-board", String.valueOf(y));
        assertThat(gold.stream().filter(p -> p.subject().kind() == SubjectKind.PERSON)).hasSize(10)
                .allMatch(p -> p.rank() <= 10);
        // 12 persons × 20% = 2.4 → at most 2 优秀
        List<Assessments.Proposal> excellent = assessments.consequences(t.leader, "grade-quota", String.valueOf(y));
        assertThat(excellent).extracting(Assessments.Proposal::name).containsExactly("干部12", "干部11");
    }
}
