package cn.taizhang.scoring;

import static cn.taizhang.scoring.Township.of;
import static cn.taizhang.scoring.Township.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taizhang.method.MethodCompliance;
import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.ExternalContact;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.scoring.Results.Ranking;
import cn.taizhang.scoring.Results.SubjectResult;
import cn.taizhang.shared.DomainException;
import cn.taizhang.support.TaizhangTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One small scenario per preset, worked by hand in the comments; the product must give the same
 * numbers. All dates lie in last year (Y), so every cycle is complete.
 */
@TaizhangTest
class PresetScenariosTest {

    @Autowired Tenants tenants;
    @Autowired TenantMethods methods;
    @Autowired MethodCompliance compliance;
    @Autowired Organisation organisation;
    @Autowired ScoreEvents events;
    @Autowired RatingSheets sheets;
    @Autowired Assessments assessments;
    @Autowired Clock clock;

    int y;

    @BeforeEach
    void lastYear() {
        y = LocalDate.now(clock).getYear() - 1;
    }

    private Township town(String preset) {
        return new Township(preset, tenants, methods, organisation, events, sheets, assessments);
    }

    private LocalDate day(int month, int day) {
        return LocalDate.of(y, month, day);
    }

    private static Score s(String v) {
        return Score.of(v);
    }

    @Test
    void wusiCompositeWeighsOrdinaryMonthlyBackpack_ASSESS5() {
        Township t = town("wusi");
        OrgUnit office = t.unit(UnitKind.OFFICE, "党政办");
        Person a = t.person(office, "王一");
        Person b = t.person(office, "李二");
        Person c = t.person(office, "赵三");
        String h1 = y + "-H1";
        // backpack raters are sampled service recipients (contacts), never anonymous ballots
        long s1 = t.contact(office, "群众甲").id();
        long s2 = t.contact(office, "企业负责人乙").id();

        // A, ordinary assessment (half-year), events component: task done +10 (full marks), meeting discipline -3 → 7
        t.scored("task", day(3, 10), "10", "按期完成春耕督导任务", of(a));
        ScoreEvent late = t.scored("meeting-discipline", day(4, 8), "-3", "周例会无故迟到", of(a));
        assertThat(late.bonusDeduction()).isEqualTo(Money.fen(6000)); // 3 points × 20 yuan, as a bonus deduction
        // evaluation component: leadership (90 + 80) / 2 = 85, heads 70, representatives (60 + 80) / 2 = 70
        //   85 × 50% + 70 × 30% + 70 × 20% = 42.5 + 21 + 14 = 77.50
        t.ballot("ordinary", "evaluation", h1, "leadership", "B1", of(a), "90");
        t.ballot("ordinary", "evaluation", h1, "leadership", "B2", of(a), "80");
        t.ballot("ordinary", "evaluation", h1, "heads", "B3", of(a), "70");
        t.ballot("ordinary", "evaluation", h1, "representatives", "B4", of(a), "60");
        t.ballot("ordinary", "evaluation", h1, "representatives", "B5", of(a), "80");
        // ordinary = 7 × 50% + 77.50 × 50% = 3.5 + 38.75 = 42.25
        // monthly: drawn in March (85, 90, 80 → 85.00) and May (70, 75 → 72.50); half-year = mean 78.75
        t.ballot("monthly", "draw", y + "-03", "attendees", "M1", of(a), "85");
        t.ballot("monthly", "draw", y + "-03", "attendees", "M2", of(a), "90");
        t.ballot("monthly", "draw", y + "-03", "attendees", "M3", of(a), "80");
        t.ballot("monthly", "draw", y + "-05", "attendees", "M1", of(a), "70");
        t.ballot("monthly", "draw", y + "-05", "attendees", "M2", of(a), "75");
        // backpack: Q1 recipients (90 + 70) / 2 = 80, Q2 85; half-year = mean 82.50
        t.rated("backpack", "survey", y + "-Q1", "recipients", RatingSheets.RaterKind.CONTACT, s1, of(a), "90");
        t.rated("backpack", "survey", y + "-Q1", "recipients", RatingSheets.RaterKind.CONTACT, s2, of(a), "70");
        t.rated("backpack", "survey", y + "-Q2", "recipients", RatingSheets.RaterKind.CONTACT, s1, of(a), "85");
        // composite = 42.25 × 50% + 78.75 × 30% + 82.50 × 20% = 21.125 + 23.625 + 16.5 = 61.25
        // + county ranking 2nd → +8 (rankPoints 10/8/6) = 69.25; leader's correction -1.5 → 67.75
        assessments.enterInput(t.leader, new Assessments.InputEntry("total", h1, of(a), "BONUS", "county-top3", 2, null,
                "分管的安全生产工作全县第二"));
        assessments.enterInput(t.leader, new Assessments.InputEntry("total", h1, of(a), "CORRECTION", null, null,
                new BigDecimal("-1.5"), "测评期间有群众反映，党委会研究酌减"));

        // B: duty -5, corrected by the secretary to -2; a rejected -4 and an unconfirmed -3 do not count
        ScoreEvent duty = t.scored("duty", day(2, 12), "-5", "值班期间脱岗", of(b));
        events.correct(t.leader, duty.id(), new BigDecimal("-2"), "经核实已请人代班，酌情减轻", null);
        ScoreEvent rejected = events.propose(t.proposer, new ScoreEvents.Proposal("attendance", java.util.List.of(of(b)),
                true, new BigDecimal("4"), false, null, day(2, 20), "迟到", null, null, null));
        events.reject(t.discipline, rejected.id(), "当日为调休日，不属迟到");
        events.propose(t.proposer, new ScoreEvents.Proposal("attendance", java.util.List.of(of(b)), true,
                new BigDecimal("3"), false, null, day(3, 20), "早退", null, null, null));
        // evaluation: leadership 80, heads none (missing), representatives 90 → REWEIGHT_AND_FLAG over 50 + 20:
        //   80 × 50/70 + 90 × 20/70 = 57.142857 + 25.714286 = 82.857143 → 82.86 (flagged)
        t.ballot("ordinary", "evaluation", h1, "leadership", "B1", of(b), "80");
        t.ballot("ordinary", "evaluation", h1, "representatives", "B4", of(b), "90");
        // ordinary = -2 × 50% + 82.86 × 50% = -1 + 41.43 = 40.43
        // monthly: never drawn → part left out; backpack Q1 60 (Q2 none) → 60
        t.rated("backpack", "survey", y + "-Q1", "recipients", RatingSheets.RaterKind.CONTACT, s1, of(b), "60");
        // composite re-weighted over ordinary 50 + backpack 20: 40.43 × 50/70 + 60 × 20/70
        //   = 28.878571 + 17.142857 = 46.021429 → 46.02 (flagged)
        // C: nothing at all → ordinary events 0, nothing else → 0.00

        Ranking r = t.ranking("total", h1);
        assertThat(row(r, of(a)).result().score()).isEqualTo(s("67.75"));
        assertThat(row(r, of(a)).result().beforeAdjustments()).isEqualTo(s("61.25"));
        assertThat(row(r, of(b)).result().score()).isEqualTo(s("46.02"));
        assertThat(row(r, of(b)).result().flagged()).isTrue();
        assertThat(row(r, of(c)).result().score()).isEqualTo(s("0.00"));
        assertThat(row(r, of(a)).rank()).isEqualTo(1);
        assertThat(row(r, of(b)).rank()).isEqualTo(2);
        assertThat(row(r, of(c)).rank()).isEqualTo(3);

        SubjectResult ea = t.explain("total", h1, of(a));
        var ordinary = ea.parts().get(0);
        assertThat(ordinary.value()).isEqualTo(s("42.25"));
        var evaluation = ordinary.cycles().get(0).components().get(1);
        assertThat(evaluation.value()).isEqualTo(s("77.50"));
        assertThat(evaluation.groups()).extracting(g -> g.mean() + "/" + g.count())
                .containsExactly("85.00/2", "70.00/1", "70.00/2");
        assertThat(ordinary.cycles().get(0).components().get(0).events())
                .extracting(EventFact::reason).containsExactly("按期完成春耕督导任务", "周例会无故迟到");
        assertThat(ea.parts().get(1).value()).isEqualTo(s("78.75"));
        assertThat(ea.parts().get(2).value()).isEqualTo(s("82.50"));
        SubjectResult eb = t.explain("total", h1, of(b));
        assertThat(eb.parts().get(0).cycles().get(0).components().get(0).events()).singleElement()
                .satisfies(e -> {
                    assertThat(e.points()).isEqualTo(s("-5"));
                    assertThat(e.effective()).isEqualTo(s("-2"));
                    assertThat(e.correctionReason()).isEqualTo("经核实已请人代班，酌情减轻");
                });
        assertThat(eb.parts().get(0).cycles().get(0).components().get(1).value()).isEqualTo(s("82.86"));

        // ASSESS-4: the bottom-three veto is only entered; it takes effect once its approval basis is recorded
        assessments.enterInput(t.leader, new Assessments.InputEntry("total", h1, of(b), "VETO", "county-bottom3", 2,
                null, "分管的计生工作全县倒数第二"));
        assertThat(row(t.ranking("total", h1), of(b)).result().vetoed()).isFalse();
        compliance.recordApproval(t.id, "VETO_UNMANDATED:county-bottom3", "某党发〔" + y + "〕1号", "县委",
                LocalDate.now(clock).minusDays(1));
        Ranking vetoed = t.ranking("total", h1);
        assertThat(row(vetoed, of(b)).result().vetoed()).isTrue();
        assertThat(row(vetoed, of(c)).rank()).isEqualTo(2);
        assertThat(row(vetoed, of(b)).rank()).isEqualTo(3);
    }

    @Test
    void wubuFinalScoreWeighsSurveyResidentsLeadersPeers_ASSESS6() {
        Township t = town("wubu");
        OrgUnit u1 = t.unit(UnitKind.OFFICE, "组织科");
        OrgUnit u2 = t.unit(UnitKind.OFFICE, "干部科");
        Person leaderPerson = t.person(u1, "部长");
        SubjectRef one = of(SubjectKind.UNIT, u1);
        SubjectRef two = of(SubjectKind.UNIT, u2);
        String year = String.valueOf(y);
        // U1: survey (80 + 90 + 70) / 3 = 80; residents (85 + 95) / 2 = 90; leaders 88; peers (70 + 80) / 2 = 75
        //   80 × 20% + 90 × 30% + 88 × 30% + 75 × 20% = 16 + 27 + 26.4 + 15 = 84.40
        t.ballot("annual", "social-survey", year, "survey", "Q1", one, "80");
        t.ballot("annual", "social-survey", year, "survey", "Q2", one, "90");
        t.ballot("annual", "social-survey", year, "survey", "Q3", one, "70");
        t.ballot("annual", "residents", year, "residents", "V1", one, "85");
        t.ballot("annual", "residents", year, "residents", "V2", one, "95");
        t.rated("annual", "leaders", year, "leaders", RatingSheets.RaterKind.PERSON, leaderPerson.id(), one, "88");
        t.ballot("annual", "peers", year, "peers", "X1", one, "70");
        t.ballot("annual", "peers", year, "peers", "X2", one, "80");
        // U2: survey 90, residents 80, leaders 90, no peer sheets → the peers component is left out and the
        //   others re-weighted over 80: 90 × 20/80 + 80 × 30/80 + 90 × 30/80 = 22.5 + 30 + 33.75 = 86.25 (flagged)
        t.ballot("annual", "social-survey", year, "survey", "Q1", two, "90");
        t.ballot("annual", "residents", year, "residents", "V1", two, "80");
        t.rated("annual", "leaders", year, "leaders", RatingSheets.RaterKind.PERSON, leaderPerson.id(), two, "90");

        Ranking r = t.ranking("annual", year);
        assertThat(row(r, one).result().score()).isEqualTo(s("84.40"));
        assertThat(row(r, two).result().score()).isEqualTo(s("86.25"));
        assertThat(row(r, two).result().flagged()).isTrue();
        assertThat(row(r, two).rank()).isEqualTo(1);
        assertThat(row(r, one).rank()).isEqualTo(2);

        // What-if with COUNT_AS_ZERO: U2 = 90 × 20% + 80 × 30% + 90 × 30% + 0 × 20% = 18 + 24 + 27 = 69.00,
        // U1 unchanged at 84.40 → the two swap places
        String yaml = methods.active(t.id).orElseThrow().yaml().replace("missingGroup: REWEIGHT_AND_FLAG",
                "missingGroup: COUNT_AS_ZERO");
        Assessments.WhatIf w = assessments.whatIf(t.leader, yaml, "annual", year);
        Assessments.Change c2 = w.changes().stream().filter(c -> c.subject().equals(two)).findFirst().orElseThrow();
        assertThat(c2.scoreBefore()).isEqualTo(s("86.25"));
        assertThat(c2.scoreAfter()).isEqualTo(s("69.00"));
        assertThat(c2.rankBefore()).isEqualTo(1);
        assertThat(c2.rankAfter()).isEqualTo(2);
        Assessments.Change c1 = w.changes().stream().filter(c -> c.subject().equals(one)).findFirst().orElseThrow();
        assertThat(c1.scoreAfter()).isEqualTo(s("84.40"));
        assertThat(c1.rankAfter()).isEqualTo(1);
    }

    @Test
    void huaqiaoVillagesAreScoredMonthlyWithReasonsAndDeductionsUncapped_ASSESS10() {
        Township t = town("huaqiao");
        OrgUnit v1 = t.unit(UnitKind.VILLAGE, "一村");
        OrgUnit v2 = t.unit(UnitKind.VILLAGE, "二村");
        OrgUnit v3 = t.unit(UnitKind.VILLAGE, "三村");
        OrgUnit v4 = t.unit(UnitKind.COMMUNITY, "四社区");
        OrgUnit group = t.unit(UnitKind.GROUP, "城建组");
        Person member = t.person(group, "组员");
        String month = y + "-05";
        // V1: +5 (target), -12 (inaction: deductions uncapped, above the per-entry 10 is accepted) → -7
        t.scored("village-target", day(5, 6), "5", "人居环境整治验收合格", of(SubjectKind.VILLAGE, v1));
        t.scored("village-inaction", day(5, 20), "-12", "防汛值守无人在岗，造成被动", of(SubjectKind.VILLAGE, v1));
        // V2: -3; V3 and V4 nothing → 0 and 0 share rank 1, V2 3rd, V1 4th
        t.scored("village-execution", day(5, 9), "-3", "材料报送逾期三天", of(SubjectKind.VILLAGE, v2));
        Ranking r = t.ranking("village-monthly", month);
        assertThat(row(r, of(SubjectKind.VILLAGE, v1)).result().score()).isEqualTo(s("-7.00"));
        assertThat(row(r, of(SubjectKind.VILLAGE, v3)).rank()).isEqualTo(1);
        assertThat(row(r, of(SubjectKind.VILLAGE, v4)).rank()).isEqualTo(1);
        assertThat(row(r, of(SubjectKind.VILLAGE, v2)).rank()).isEqualTo(3);
        assertThat(row(r, of(SubjectKind.VILLAGE, v1)).rank()).isEqualTo(4);
        // the June ranking does not see May's points
        assertThat(row(t.ranking("village-monthly", y + "-06"), of(SubjectKind.VILLAGE, v1)).result().score())
                .isEqualTo(s("0.00"));
        // the year adds the months: V1 -7
        assertThat(row(t.ranking("village-monthly", String.valueOf(y)), of(SubjectKind.VILLAGE, v1)).result().score())
                .isEqualTo(s("-7.00"));

        // a capped item refuses 12 on its 1–10 range
        assertThatThrownBy(() -> t.scored("party-member-leader", day(5, 9), "-12", "x", of(member)))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("scoring.points.outOfRange");
        // SCORE-5: the leader's liability for members is off until its basis is recorded
        ScoreEvents.Proposal missedSignIn = new ScoreEvents.Proposal("leader-missed-sign-in", java.util.List.of(of(member)),
                true, null, false, 2, day(5, 9), "组员两人次缺签", null, null, null);
        assertThatThrownBy(() -> events.propose(t.proposer, missedSignIn))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("scoring.item.leaderLiabilityOff");
        compliance.recordApproval(t.id, "LEADER_LIABILITY:leader-missed-sign-in", "华桥镇发〔" + y + "〕3号", "镇职工代表大会",
                LocalDate.now(clock).minusDays(1));
        ScoreEvent liability = events.propose(t.proposer, missedSignIn);
        assertThat(liability.bonusDeduction()).isEqualTo(Money.fen(20000)); // 2 × 100 yuan
    }

    @Test
    void qingdanQuarterlyServiceRecipientsMonthlyCommentsYearEndLists_ASSESS7() {
        Township t = town("qingdan");
        OrgUnit office = t.unit(UnitKind.OFFICE, "党政办");
        Person p1 = t.person(office, "甲");
        Person p2 = t.person(office, "乙");
        Person head = t.person(office, "镇长");
        ExternalContact r1 = t.contact(office, "群众一");
        ExternalContact r2 = t.contact(office, "群众二");
        // quarterly evaluation Q2: P1 rated by two recipients (80, 90) and one paper ballot... the component's
        // ballots are MEETING_BALLOT: (80 + 90 + 70) / 3 = 80.00; P2 95 → P2 1st, P1 2nd
        String q2 = y + "-Q2";
        t.rated("quarterly-evaluation", "recipients", q2, "recipients", RatingSheets.RaterKind.CONTACT, r1.id(), of(p1), "80");
        t.rated("quarterly-evaluation", "recipients", q2, "recipients", RatingSheets.RaterKind.CONTACT, r2.id(), of(p1), "90");
        t.ballot("quarterly-evaluation", "recipients", q2, "recipients", "会场07", of(p1), "70");
        t.rated("quarterly-evaluation", "recipients", q2, "recipients", RatingSheets.RaterKind.CONTACT, r1.id(), of(p2), "95");
        Ranking q = t.ranking("quarterly-evaluation", q2);
        assertThat(row(q, of(p1)).result().score()).isEqualTo(s("80.00"));
        assertThat(row(q, of(p2)).rank()).isEqualTo(1);
        assertThat(row(q, of(p1)).rank()).isEqualTo(2);
        // a person not rated in the quarter is not assessed (no number is invented for him)
        assertThat(q.notAssessed()).extracting(x -> x.subject()).contains(of(head));
        // monthly comment April: the township head comments P1 with 88 → 88.00
        t.rated("monthly-comment", "comment", y + "-04", "superiors", RatingSheets.RaterKind.PERSON, head.id(), of(p1), "88");
        assertThat(row(t.ranking("monthly-comment", y + "-04"), of(p1)).result().score()).isEqualTo(s("88.00"));
        // year-end: the commitment kept in full (+10, full marks) and an overdue supervision opinion (-2) → 8.00
        ScoreEvent full = events.propose(t.proposer, new ScoreEvents.Proposal("commitment", java.util.List.of(of(p1)),
                false, null, true, null, day(6, 30), "六月承诺事项全部销号", null, null, null));
        events.confirm(t.discipline, full.id());
        t.scored("supervision-opinion", day(8, 2), "-2", "督办意见逾期未整改", of(p1));
        assertThat(row(t.ranking("year-end", String.valueOf(y)), of(p1)).result().score()).isEqualTo(s("8.00"));
    }

    @Test
    void haiyongAnnualCompositeTakesTheMeanOfShorterCycles_ASSESS8() {
        Township t = town("haiyong");
        OrgUnit g1 = t.unit(UnitKind.COMMAND_GROUP, "项目建设指挥组");
        OrgUnit g2 = t.unit(UnitKind.COMMAND_GROUP, "社会稳定指挥组");
        Person h1 = t.person(g1, "海一");
        Person h2 = t.person(g2, "海二");
        String year = String.valueOf(y);
        // H1: daily work +6 (March), lunch alcohol -4 (September), real deeds +2 (October)
        t.scored("daily-work", day(3, 10), "6", "提前完成征迁摸底", of(h1));
        t.scored("lunch-alcohol", day(9, 10), "-4", "工作日午间饮酒", of(h1));
        t.scored("real-deeds", day(10, 10), "2", "为五保户修缮房屋", of(h1));
        // command group, March: democratic evaluation by cadres (90 + 80) / 2 = 85
        t.ballot("command-group", "democratic", y + "-03", "cadres", "D1", of(h1), "90");
        t.ballot("command-group", "democratic", y + "-03", "cadres", "D2", of(h1), "80");
        // daily (cycles month/quarter/half-year) in a year = mean of its half-years: H1 6, H2 -4 + 2 = -2 → 2.00
        // command group (monthly) = mean of 12 months: March 6 × 80% + 85 × 20% = 4.8 + 17 = 21.8;
        //   September -4 (no rating: democratic left out, results re-weighted to 100%); October 2; others 0
        //   → (21.8 - 4 + 2) / 12 = 19.8 / 12 = 1.65
        // year-end (year) = 6 - 4 + 2 = 4.00
        // annual = 2 × 40% + 1.65 × 30% + 4 × 30% = 0.8 + 0.495 + 1.2 = 2.495 → 2.50 (half-up)
        // H2: daily work -1 (January): daily (-1 + 0) / 2 = -0.50; command group -1 / 12 = -0.0833 → -0.08;
        //   year-end -1 → annual = -0.2 - 0.024 - 0.3 = -0.524 → -0.52
        t.scored("daily-work", day(1, 10), "-1", "信息报送不及时", of(h2));
        Ranking r = t.ranking("annual", year);
        SubjectResult e1 = row(r, of(h1)).result();
        assertThat(e1.parts()).extracting(p -> p.value().toString()).containsExactly("2.00", "1.65", "4.00");
        assertThat(e1.score()).isEqualTo(s("2.50"));
        assertThat(row(r, of(h2)).result().score()).isEqualTo(s("-0.52"));
        assertThat(row(r, of(h1)).rank()).isEqualTo(1);
        assertThat(row(r, of(h2)).rank()).isEqualTo(2);

        // ASSESS-9: the monthly competition of command groups names the best and the last group
        t.scored("plan-completion", day(3, 28), "8", "三月计划全部完成", of(SubjectKind.GROUP, g1));
        t.scored("plan-completion", day(3, 29), "3", "三月计划完成六成", of(SubjectKind.GROUP, g2));
        Ranking march = t.ranking("command-group", y + "-03");
        assertThat(row(march, of(SubjectKind.GROUP, g1)).rank()).isEqualTo(1);
        assertThat(row(march, of(SubjectKind.GROUP, g2)).rank()).isEqualTo(2);
        assertThat(row(march, of(SubjectKind.GROUP, g1)).result().score()).isEqualTo(s("8.00"));
    }
}
