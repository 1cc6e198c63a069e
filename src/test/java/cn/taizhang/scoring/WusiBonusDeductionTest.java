package cn.taizhang.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taizhang.method.MethodCatalog;
import cn.taizhang.method.MethodDefinition;
import cn.taizhang.method.MethodDefinition.ConsequenceKind;
import cn.taizhang.method.TenantMethods;
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

/**
 * Seed 000 (wusi): "县以上的相关奖励资金全部发放给职工" passes the superior's award money on to the
 * staff — no consequence of a score — while "20元每分同步处罚" ties money to points. The preset
 * once carried the first as a BONUS_LINK, so generating it listed each person's bonus deductions
 * under the name of a reward passed on; now the BONUS_LINK is the 20 元 per point deduction.
 */
@TaizhangTest
class WusiBonusDeductionTest {

    @Autowired MethodCatalog catalog;
    @Autowired Tenants tenants;
    @Autowired TenantMethods methods;
    @Autowired Organisation organisation;
    @Autowired ScoreEvents events;
    @Autowired RatingSheets sheets;
    @Autowired Assessments assessments;
    @Autowired ConsequenceProposals proposals;
    @Autowired Clock clock;

    @Test
    void theCountyFundsSentenceIsAVitalityStepAndTheBonusLinkIsTheTwentyYuanPerPoint_SCORE1_FUND2() {
        MethodDefinition d = methods.active(new Township("wusi", tenants, methods, organisation, events, sheets,
                assessments).id).orElseThrow().definition();
        assertThat(d.consequences()).extracting(MethodDefinition.Consequence::code).doesNotContain("county-funds");
        assertThat(d.consequences()).filteredOn(c -> c.kind() == ConsequenceKind.BONUS_LINK)
                .singleElement().satisfies(c -> {
                    assertThat(c.code()).isEqualTo("bonus-deduction");
                    assertThat(c.name()).contains("每分20元");
                    assertThat(c.note()).contains("20元每分同步处罚");
                    assertThat(c.subjects()).containsExactly(MethodDefinition.SubjectKind.PERSON);
                });
        assertThat(d.consequences()).noneMatch(c -> c.name().contains("奖励资金"));
        assertThat(d.practices().campaigns()).filteredOn(c -> c.code().equals("vitality")).singleElement()
                .satisfies(c -> assertThat(c.steps()).anyMatch(s -> s.contains("县以上奖励资金全部发放给职工")));
        assertThat(d.money().fenPerPoint()).isEqualTo(2000L);
    }

    @Test
    void generatingTheBonusLinkTotalsEachPersonsDeductionsPerMonthAtTwentyYuanAPoint_FUND2() {
        Township t = new Township("wusi", tenants, methods, organisation, events, sheets, assessments);
        Person p = t.person(t.unit(UnitKind.OFFICE, "党政办"), "王五");
        int y = LocalDate.now(clock).getYear() - 1;
        t.scored("duty", LocalDate.of(y, 3, 4), "-2", "值班脱岗", Township.of(p));
        t.scored("attendance", LocalDate.of(y, 3, 20), "-1", "迟到", Township.of(p));
        t.scored("study", LocalDate.of(y, 5, 9), "3", "学习笔记优秀", Township.of(p));
        assertThat(proposals.generable(t.id)).extracting(MethodDefinition.Consequence::code).contains("bonus-deduction");
        var g = proposals.generate(t.discipline, "bonus-deduction", String.valueOf(y));
        assertThat(g.stored()).isEqualTo(1);
        List<ConsequenceProposals.Stored> stored = proposals.ofCycle(t.leader, String.valueOf(y));
        assertThat(stored).extracting(s -> s.consequenceName() + " " + s.subjectName() + " " + s.monthKey() + " "
                + s.amount().yuan()).containsExactly("绩效奖金扣减（每分20元） 王五 " + y + "-03 -60.00");
    }
}
