package cn.taizhang.scoring;

import static cn.taizhang.scoring.Township.of;
import static org.assertj.core.api.Assertions.assertThat;

import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.scoring.Results.ComponentResult;
import cn.taizhang.scoring.Results.CycleResult;
import cn.taizhang.scoring.Results.PartResult;
import cn.taizhang.scoring.Results.Ranking;
import cn.taizhang.scoring.Results.Row;
import cn.taizhang.scoring.Results.SubjectResult;
import cn.taizhang.support.TaizhangTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A ranking counts totals summed by PostgreSQL (per subject, per rater group); an explanation
 * reads every event and sheet and sums them in Java. Both must give the same number at every
 * level, including corrections of one bound subject only, unconfirmed and rejected events, and
 * means that do not divide evenly.
 */
@TaizhangTest
class RankingTotalsTest {

    @Autowired Tenants tenants;
    @Autowired TenantMethods methods;
    @Autowired Organisation organisation;
    @Autowired ScoreEvents events;
    @Autowired RatingSheets sheets;
    @Autowired Assessments assessments;
    @Autowired Clock clock;

    @Test
    void rankingTotalsEqualTheExplanationsLines() {
        Township t = new Township("wusi", tenants, methods, organisation, events, sheets, assessments);
        int y = LocalDate.now(clock).getYear() - 1;
        OrgUnit office = t.unit(UnitKind.OFFICE, "党政办");
        OrgUnit station = t.unit(UnitKind.TOWN_UNIT, "财政所");
        Person a = t.person(office, "钱一");
        Person b = t.person(office, "孙二");
        Person c = t.person(office, "周三");
        long contact = t.contact(office, "群众丙").id();

        // a task bound to a and b, corrected for b only; later events, a rejected and an unconfirmed one
        ScoreEvent task = t.scored("task", LocalDate.of(y, 2, 3), "7", "完成普查", of(a), of(b));
        events.correct(t.leader, task.id(), new BigDecimal("2.5"), "b 只完成一半", List.of(of(b)));
        ScoreEvent duty = t.scored("duty", LocalDate.of(y, 3, 9), "-4", "值班脱岗", of(a));
        events.correct(t.leader, duty.id(), new BigDecimal("-1"), "已说明情况", null);
        events.correct(t.leader, duty.id(), BigDecimal.ZERO, "复核后撤销", null);
        t.scored("meeting-discipline", LocalDate.of(y, 8, 20), "-3", "会议迟到", of(c));
        t.scored("conduct", LocalDate.of(y, 5, 2), "6", "作风评议优秀", of(SubjectKind.UNIT, station));
        ScoreEvent rejected = events.propose(t.proposer, new ScoreEvents.Proposal("attendance", List.of(of(b)), true,
                new BigDecimal("5"), false, null, LocalDate.of(y, 4, 1), "迟到", null, null, null));
        events.reject(t.discipline, rejected.id(), "调休日");
        events.propose(t.proposer, new ScoreEvents.Proposal("attendance", List.of(of(c)), true, new BigDecimal("2"),
                false, null, LocalDate.of(y, 4, 2), "早退", null, null, null));

        // sheets whose means do not divide evenly: (80 + 80 + 81) / 3, (90.5 + 71) / 2 ...
        String h1 = y + "-H1";
        t.ballot("ordinary", "evaluation", h1, "leadership", "L1", of(a), "80");
        t.ballot("ordinary", "evaluation", h1, "leadership", "L2", of(a), "80");
        t.ballot("ordinary", "evaluation", h1, "leadership", "L3", of(a), "81");
        t.ballot("ordinary", "evaluation", h1, "heads", "H1", of(a), "90.5");
        t.ballot("ordinary", "evaluation", h1, "heads", "H2", of(a), "71");
        t.ballot("ordinary", "evaluation", h1, "representatives", "R1", of(b), "77.77");
        t.ballot("ordinary", "evaluation", h1, "leadership", "L1", of(SubjectKind.UNIT, station), "66.67");
        t.ballot("monthly", "draw", y + "-02", "attendees", "M1", of(a), "85");
        t.ballot("monthly", "draw", y + "-02", "attendees", "M2", of(a), "86");
        t.ballot("monthly", "draw", y + "-02", "attendees", "M3", of(a), "86");
        t.ballot("monthly", "draw", y + "-04", "attendees", "M1", of(c), "70.01");
        t.rated("backpack", "survey", y + "-Q1", "recipients", RatingSheets.RaterKind.CONTACT, contact, of(b), "88");
        t.rated("backpack", "survey", y + "-Q2", "recipients", RatingSheets.RaterKind.CONTACT, contact, of(b), "91");

        for (String[] target : new String[][] {{"total", h1}, {"total", String.valueOf(y)}, {"ordinary", h1},
                {"monthly", y + "-02"}, {"backpack", y + "-Q1"}}) {
            Ranking r = t.ranking(target[0], target[1]);
            assertThat(r.rows()).isNotEmpty();
            for (Row row : r.rows()) {
                SubjectResult ranked = row.result();
                SubjectResult explained = t.explain(target[0], target[1], ranked.subject());
                assertThat(numbers(ranked)).as(target[0] + " " + target[1] + " " + ranked.name())
                        .isEqualTo(numbers(explained));
            }
        }
        // the numbers the lines give, worked by hand for a few of them
        SubjectResult ea = t.explain("ordinary", h1, of(a));
        ComponentResult evaluation = ea.parts().get(0).cycles().get(0).components().get(1);
        assertThat(evaluation.groups()).extracting(g -> g.mean() + "/" + g.count())
                .containsExactly("80.33/3", "80.75/2", "null/0");
        // a: task 7, duty -4 corrected to -1 then to 0 (the latest counts) → 7
        assertThat(ea.parts().get(0).cycles().get(0).components().get(0).value()).isEqualTo(Score.of("7"));
        // b: the task corrected for b only → 2.50
        assertThat(t.explain("ordinary", h1, of(b)).parts().get(0).cycles().get(0).components().get(0).value())
                .isEqualTo(Score.of("2.5"));
    }

    /** Every number and flag of a result, without the lines behind them. */
    private static List<String> numbers(SubjectResult r) {
        List<String> out = new ArrayList<>();
        out.add(r.score() + " " + r.beforeAdjustments() + " " + r.flagged() + " " + r.vetoed() + " " + r.notes());
        for (PartResult p : r.parts()) {
            out.add(p.assessmentCode() + " " + p.effectiveWeight() + " " + p.value() + " " + p.flagged() + " " + p.notes());
            for (CycleResult cy : p.cycles()) {
                out.add("  " + cy.cycleKey() + " " + cy.value() + " " + cy.flagged());
                for (ComponentResult c : cy.components()) {
                    out.add("    " + c.code() + " " + c.effectiveWeight() + " " + c.value() + " " + c.flagged() + " "
                            + c.notes() + " " + c.groups().stream()
                            .map(g -> g.code() + "=" + g.mean() + "/" + g.count() + "@" + g.effectiveWeight()).toList());
                }
            }
        }
        return out;
    }
}
