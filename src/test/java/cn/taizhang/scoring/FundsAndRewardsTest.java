package cn.taizhang.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.account.Accounts;
import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.scoring.ConsequenceProposals.State;
import cn.taizhang.scoring.ConsequenceProposals.Stored;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.Role;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * FUND-1 (group working funds released by the monthly score, with amounts) and FUND-2 (rewards
 * for rising in the superior's ranking or class), on huaqiao, the preset of seed 002 that has both.
 */
@TaizhangTest
class FundsAndRewardsTest {

    @Autowired Tenants tenants;
    @Autowired TenantMethods methods;
    @Autowired Organisation organisation;
    @Autowired ScoreEvents events;
    @Autowired RatingSheets sheets;
    @Autowired Assessments assessments;
    @Autowired ConsequenceProposals proposals;
    @Autowired SuperiorStandings standings;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;

    private static final MediaType JSON = MediaType.APPLICATION_JSON;

    /** A huaqiao township with three groups scored 30, 10 and 0 in April of last year. */
    private record Funds(Township t, OrgUnit urban, OrgUnit births, OrgUnit law, String april) {
    }

    private Funds funds() {
        Township t = new Township("huaqiao", tenants, methods, organisation, events, sheets, assessments);
        OrgUnit urban = t.unit(UnitKind.GROUP, "城建组");
        OrgUnit births = t.unit(UnitKind.GROUP, "计生组");
        OrgUnit law = t.unit(UnitKind.GROUP, "政法组");
        int y = LocalDate.now(clock).getYear() - 1;
        events.special(t.leader, List.of(Township.of(SubjectKind.GROUP, urban)), new BigDecimal("30"),
                LocalDate.of(y, 4, 10), "四月目标全部完成", null, null);
        events.special(t.leader, List.of(Township.of(SubjectKind.GROUP, births)), new BigDecimal("10"),
                LocalDate.of(y, 4, 12), "完成三项目标", null, null);
        return new Funds(t, urban, births, law, y + "-04");
    }

    @Test
    void theMonthsFundPoolIsSharedByScoreToTheFenAndAddsUpExactly_FUND1() {
        Funds f = funds();
        // 1,000.01 yuan by 30 : 10 : 0 → 750.0075 and 250.0025 yuan; rounded down to the fen 750.00 and
        // 250.00, the one fen left goes to the larger remainder (城建组's .75 fen) → 750.01 + 250.00 + 0.00
        var g = proposals.generate(f.t().discipline, "group-funds", f.april(), new BigDecimal("1000.01"));
        assertThat(g.stored()).isEqualTo(3);
        assertThat(g.fundPool()).isEqualTo(Money.fen(100001));
        List<Stored> stored = proposals.ofCycle(f.t().leader, f.april());
        assertThat(stored).extracting(p -> p.subjectName() + " " + p.sharePercent() + "% " + p.amount().yuan())
                .containsExactly("城建组 75.00% 750.01", "计生组 25.00% 250.00", "政法组 0.00% 0.00");
        assertThat(stored).allMatch(p -> p.fundPool().equals(Money.fen(100001)) && p.state() == State.PROPOSED);
        assertThat(stored.stream().mapToLong(p -> p.amount().fen()).sum()).isEqualTo(100001);
        assertThat(jdbc.sql("""
                select summary from audit_entry where tenant_id = :t and action = 'consequence.generated'
                """).param("t", f.t().id).query(String.class).single()).contains("工作经费总额 1000.01 元");

        // a regeneration with another pool supersedes the pending ones; confirming one settles the month
        proposals.generate(f.t().leader, "group-funds", f.april(), new BigDecimal("800"));
        Stored urban = proposals.ofCycle(f.t().leader, f.april()).get(0);
        assertThat(urban.amount().yuan()).isEqualTo("600.00");
        proposals.confirm(f.t().leader, urban.id(), "党委会研究同意，四月经费发放");
        assertThatThrownBy(() -> proposals.generate(f.t().leader, "group-funds", f.april(), new BigDecimal("900")))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("assessment.proposal.settled");
    }

    @Test
    void aFundPoolMustBePositiveWithAtMostTwoDecimalsForAMonthWithAPositiveScore_FUND1() {
        Funds f = funds();
        Township t = f.t();
        for (String bad : new String[] {"0", "-5", "10.001"}) {
            assertThatThrownBy(() -> proposals.generate(t.leader, "group-funds", f.april(), new BigDecimal(bad)))
                    .isInstanceOf(DomainException.class).extracting("messageKey", "field")
                    .containsExactly("assessment.funds.poolInvalid", "fundPool");
        }
        assertThatThrownBy(() -> proposals.generate(t.leader, "group-funds", f.april(), null))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("assessment.funds.poolRequired");
        // released each month (practices.groupFunds.releasedEvery: MONTH), not for the year
        String year = f.april().substring(0, 4);
        assertThatThrownBy(() -> proposals.generate(t.leader, "group-funds", year, new BigDecimal("1000")))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("assessment.funds.cycle");
        // nobody scored in May: there is no proportion to release by
        assertThatThrownBy(() -> proposals.generate(t.leader, "group-funds", year + "-05", new BigDecimal("1000")))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("assessment.funds.noPositiveScore");
        // no other consequence takes a pool
        assertThatThrownBy(() -> proposals.generate(t.leader, "grade-quota", year, new BigDecimal("1000")))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("assessment.funds.notApplicable");
        assertThatThrownBy(() -> proposals.generate(t.proposer, "group-funds", f.april(), new BigDecimal("1000")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(proposals.ofCycle(t.leader, f.april())).isEmpty();
    }

    @Test
    void theApiAndThePageTakeTheFundPoolAndThePageShowsTheAmounts_FUND1() throws Exception {
        Funds f = funds();
        String leader = "fundleader" + f.t().n;
        accounts.create(f.t().id, leader, "花桥书记", SignedIn.DEMO_PASSWORD, null, Set.of(Role.LEADERSHIP), null);
        mvc.perform(post("/api/scoring/proposals").with(SignedIn.api(leader)).contentType(JSON)
                        .content("{\"consequence\":\"group-funds\",\"cycle\":\"" + f.april() + "\",\"fundPool\":12000.5}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stored").value(3))
                .andExpect(jsonPath("$.fundPool.fen").value(1200050));
        mvc.perform(post("/api/scoring/proposals").with(SignedIn.api(leader)).contentType(JSON)
                        .header("Accept-Language", "en")
                        .content("{\"consequence\":\"group-funds\",\"cycle\":\"" + f.april() + "\",\"fundPool\":-1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("assessment.funds.poolInvalid"))
                .andExpect(jsonPath("$.field").value("fundPool"))
                .andExpect(jsonPath("$.message").value(containsString("at most two decimals")));
        mvc.perform(get("/api/scoring/proposals/cycles/" + f.april()).with(SignedIn.api(leader)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].amount.fen").value(900038))
                .andExpect(jsonPath("$[0].fundPool.fen").value(1200050));

        // the page: a pool that is not an amount is refused with the reason, a good one is shared and shown
        mvc.perform(post("/scoring/consequences/generate").with(signedIn.as(leader)).with(csrf())
                        .param("consequence", "group-funds").param("cycle", f.april()).param("fundPool", "一万"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "工作经费总额“一万”无效：须为大于 0 的金额（元），最多两位小数。"));
        mvc.perform(post("/scoring/consequences/generate").with(signedIn.as(leader)).with(csrf())
                        .param("consequence", "group-funds").param("cycle", f.april()).param("fundPool", "2,000.02"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "已生成 3 条提议，工作经费总额 2000.02 元已全部分配；此前未决的 3 条已标记为被取代。"));
        mvc.perform(get("/scoring/consequences").param("cycle", f.april()).with(signedIn.as(leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1500.02 元")))
                .andExpect(content().string(containsString("500.00 元")))
                .andExpect(content().string(containsString("工作经费总额 2000.02 元")))
                .andExpect(content().string(containsString("name=\"fundPool\"")));
    }

    @Test
    void thePreviewTakesThePoolAndItsAmountsAddUpExactlyWithoutStoringAnything_FUND1() throws Exception {
        Funds f = funds();
        String leader = "previewleader" + f.t().n;
        accounts.create(f.t().id, leader, "花桥书记", SignedIn.DEMO_PASSWORD, null, Set.of(Role.LEADERSHIP), null);
        String preview = "/api/scoring/consequences/group-funds/" + f.april();
        // without a pool: shares only, as before
        mvc.perform(get(preview).with(SignedIn.api(leader)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].sharePercent").value(75.0))
                .andExpect(jsonPath("$[0].amount").doesNotExist());
        // 1,000.01 by 30 : 10 : 0 → 750.01 + 250.00 + 0.00, the same numbers generating stores
        mvc.perform(get(preview).param("pool", "1000.01").with(SignedIn.api(leader)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("城建组"))
                .andExpect(jsonPath("$[0].amount.fen").value(75001))
                .andExpect(jsonPath("$[1].amount.fen").value(25000))
                .andExpect(jsonPath("$[2].amount.fen").value(0));
        // 100 by 1 : 1 : 1 would leave a fen over; here 0.10 by 30 : 10 : 0 → 0.08 + 0.02
        var small = assessments.consequences(f.t().leader, f.t().id, "group-funds", f.april(), new BigDecimal("0.10"));
        assertThat(small).extracting(p -> p.amount().yuan()).containsExactly("0.08", "0.02", "0.00");
        assertThat(small.stream().mapToLong(p -> p.amount().fen()).sum()).isEqualTo(10);
        assertThat(proposals.ofCycle(f.t().leader, f.april())).isEmpty();

        // refused, translated, naming the field: not an amount, three decimals, not positive, another consequence
        for (String bad : new String[] {"一万", "10.001", "0", "-5"}) {
            mvc.perform(get(preview).param("pool", bad).header("Accept-Language", "en").with(SignedIn.api(leader)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("assessment.funds.poolInvalid"))
                    .andExpect(jsonPath("$.field").value("pool"))
                    .andExpect(jsonPath("$.message").value(containsString("at most two decimals")));
        }
        mvc.perform(get(preview).param("pool", "-5").with(SignedIn.api(leader)))
                .andExpect(jsonPath("$.message").value("工作经费总额“-5”无效：须为大于 0 的金额（元），最多两位小数。"));
        mvc.perform(get("/api/scoring/consequences/grade-quota/" + f.april().substring(0, 4)).param("pool", "100")
                        .with(SignedIn.api(leader)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("assessment.funds.notApplicable"));
        mvc.perform(get("/api/scoring/consequences/group-funds/" + f.april().substring(0, 4)).param("pool", "100")
                        .with(SignedIn.api(leader)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("assessment.funds.cycle"));

        // the page: the preview form shows each amount and the total, stores nothing; a bad pool is named
        mvc.perform(get("/scoring/consequences").param("cycle", f.april()).param("preview", "group-funds")
                        .param("month", f.april()).param("pool", "1,000.01").with(signedIn.as(leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"funds-preview\"")))
                .andExpect(content().string(containsString("<td class=\"amount\">750.01 元</td>")))
                .andExpect(content().string(containsString("<td class=\"amount\">250.00 元</td>")))
                .andExpect(content().string(containsString("<th id=\"funds-preview-total\">1000.01 元</th>")))
                .andExpect(content().string(containsString("工作经费总额 1000.01 元按得分比例分配的预览（未保存）")));
        mvc.perform(get("/scoring/consequences").param("cycle", f.april()).param("preview", "group-funds")
                        .param("month", f.april()).param("pool", "10.001").with(signedIn.as(leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("工作经费总额“10.001”无效")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"funds-preview\""))));
        assertThat(proposals.ofCycle(f.t().leader, f.april())).isEmpty();
    }

    /** huaqiao: 计划生育工作全区排名在2014年的基础上前进五位，奖励该组1万元，进类奖励该组两万元 (seed 002). */
    @Test
    void aGroupRisingFivePlacesInTheDistrictRankingEarnsTheReward_FUND2() {
        Township t = new Township("huaqiao", tenants, methods, organisation, events, sheets, assessments);
        OrgUnit births = t.unit(UnitKind.GROUP, "计生组");
        OrgUnit urban = t.unit(UnitKind.GROUP, "城建组");
        OrgUnit law = t.unit(UnitKind.GROUP, "政法组");
        OrgUnit village = t.unit(UnitKind.VILLAGE, "东村");
        int y = LocalDate.now(clock).getYear() - 1;
        String now = String.valueOf(y);
        String before = String.valueOf(y - 1);
        SubjectRef b = Township.of(SubjectKind.GROUP, births);
        SubjectRef u = Township.of(SubjectKind.GROUP, urban);
        standings.enter(t.leader, new SuperiorStandings.Entry("ranking-rise", before, b, 12, "区卫计委通报第 12 名"));
        standings.enter(t.leader, new SuperiorStandings.Entry("ranking-rise", now, b, 8, "区卫计委通报初稿"));
        // a later entry counts instead: the final notice put the group 6th, six places up
        standings.enter(t.leader, new SuperiorStandings.Entry("ranking-rise", now, b, 6, "区卫计委年终通报第 6 名"));
        // three places up is not five
        standings.enter(t.leader, new SuperiorStandings.Entry("ranking-rise", before, u, 8, "区通报"));
        standings.enter(t.leader, new SuperiorStandings.Entry("ranking-rise", now, u, 5, "区通报"));
        // no standing of last year: cannot be judged
        standings.enter(t.leader, new SuperiorStandings.Entry("ranking-rise", now, Township.of(SubjectKind.GROUP, law), 1,
                "区通报"));

        assertThat(standings.of(t.discipline, "ranking-rise", now).pairs())
                .extracting(p -> p.name() + " " + p.previous() + "→" + p.standing())
                .containsExactly("政法组 null→1", "城建组 8→5", "计生组 12→6");

        var g = proposals.generate(t.discipline, "ranking-rise", now);
        assertThat(g.stored()).isEqualTo(1);
        assertThat(g.incomplete()).containsExactly("政法组");
        Stored reward = proposals.ofCycle(t.leader, now).get(0);
        assertThat(reward.subjectName()).isEqualTo("计生组");
        assertThat(reward.amount()).isEqualTo(Money.fen(1000000));
        assertThat(reward.superiorPrevious()).isEqualTo(12);
        assertThat(reward.superiorStanding()).isEqualTo(6);
        assertThat(reward.kind()).isEqualTo("RANKING_RISE_REWARD");
        assertThat(proposals.confirm(t.leader, reward.id(), "党委会研究同意").state()).isEqualTo(State.CONFIRMED);

        // 进类: class 3 → class 2 earns the class-rise reward
        standings.enter(t.leader, new SuperiorStandings.Entry("class-rise", before, b, 3, "区考核三类"));
        standings.enter(t.leader, new SuperiorStandings.Entry("class-rise", now, b, 2, "区考核二类"));
        standings.enter(t.leader, new SuperiorStandings.Entry("class-rise", before, u, 2, "区考核二类"));
        standings.enter(t.leader, new SuperiorStandings.Entry("class-rise", now, u, 2, "区考核二类"));
        proposals.generate(t.leader, "class-rise", now);
        assertThat(proposals.ofCycle(t.leader, now).stream().filter(p -> p.kind().equals("CLASS_RISE_REWARD")))
                .extracting(p -> p.subjectName() + " " + p.amount().yuan())
                .containsExactly("计生组 20000.00");

        // refused: nothing recorded for the cycle, the wrong role, kind or consequence, no rank, no reason
        assertThatThrownBy(() -> proposals.generate(t.leader, "ranking-rise", String.valueOf(y - 5)))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("assessment.rise.noStandings");
        assertThatThrownBy(() -> standings.enter(t.discipline, new SuperiorStandings.Entry("ranking-rise", now, b, 3, "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> standings.enter(t.leader, new SuperiorStandings.Entry("ranking-rise", now,
                Township.of(SubjectKind.VILLAGE, village), 3, "x")))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("assessment.standing.wrongKind");
        assertThatThrownBy(() -> standings.enter(t.leader, new SuperiorStandings.Entry("group-funds", now, b, 3, "x")))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("assessment.standing.notARise");
        assertThatThrownBy(() -> standings.enter(t.leader, new SuperiorStandings.Entry("ranking-rise", now, b, 0, "x")))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("assessment.standing.rankRequired");
        assertThatThrownBy(() -> standings.enter(t.leader, new SuperiorStandings.Entry("ranking-rise", now, b, 4, " ")))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("scoring.reason.required");
        assertThat(jdbc.sql("select count(*) from audit_entry where tenant_id = :t and action = 'superior.standing'")
                .param("t", t.id).query(Long.class).single()).isEqualTo(10);
    }

    @Test
    void standingsAreRecordedAndRiseRewardsGeneratedThroughTheApiAndThePage_FUND2() throws Exception {
        Township t = new Township("huaqiao", tenants, methods, organisation, events, sheets, assessments);
        OrgUnit births = t.unit(UnitKind.GROUP, "计生组");
        String leader = "riseleader" + t.n;
        accounts.create(t.id, leader, "花桥镇长", SignedIn.DEMO_PASSWORD, null, Set.of(Role.LEADERSHIP), null);
        int y = LocalDate.now(clock).getYear() - 1;
        for (String[] s : new String[][] {{String.valueOf(y - 1), "15"}, {String.valueOf(y), "9"}}) {
            mvc.perform(post("/api/scoring/standings").with(SignedIn.api(leader)).contentType(JSON)
                            .content("{\"consequence\":\"ranking-rise\",\"cycle\":\"" + s[0] + "\",\"subject\":{\"kind\":"
                                    + "\"GROUP\",\"id\":" + births.id() + "},\"standing\":" + s[1] + ",\"reason\":\"区通报\"}"))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/scoring/standings").with(SignedIn.api("ganbu")).contentType(JSON)
                        .content("{\"consequence\":\"ranking-rise\",\"cycle\":\"" + y + "\",\"subject\":{\"kind\":"
                                + "\"GROUP\",\"id\":" + births.id() + "},\"standing\":1,\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        // another township's group is not found
        Township other = new Township("huaqiao", tenants, methods, organisation, events, sheets, assessments);
        OrgUnit foreign = other.unit(UnitKind.GROUP, "外镇计生组");
        mvc.perform(post("/api/scoring/standings").with(SignedIn.api(leader)).contentType(JSON)
                        .content("{\"consequence\":\"ranking-rise\",\"cycle\":\"" + y + "\",\"subject\":{\"kind\":"
                                + "\"GROUP\",\"id\":" + foreign.id() + "},\"standing\":1,\"reason\":\"x\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/scoring/standings/ranking-rise/" + y).with(SignedIn.api(leader)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.previousCycleKey").value(String.valueOf(y - 1)))
                .andExpect(jsonPath("$.pairs[0].standing").value(9))
                .andExpect(jsonPath("$.pairs[0].previous").value(15));
        mvc.perform(post("/api/scoring/proposals").with(SignedIn.api(leader)).contentType(JSON)
                        .content("{\"consequence\":\"ranking-rise\",\"cycle\":\"" + y + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stored").value(1))
                .andExpect(jsonPath("$.incomplete").isEmpty());

        // the page records a standing and shows the table and the proposal's basis
        mvc.perform(post("/scoring/consequences/standings").with(signedIn.as(leader)).with(csrf())
                        .param("consequence", "class-rise").param("standingCycle", String.valueOf(y))
                        .param("subject", "GROUP:" + births.id()).param("standing", "1").param("reason", "区考核一类")
                        .param("cycle", String.valueOf(y)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "已登记 " + y + " 的上级排名。"));
        mvc.perform(post("/scoring/consequences/standings").with(signedIn.as(leader)).with(csrf())
                        .param("consequence", "class-rise").param("standingCycle", String.valueOf(y))
                        .param("subject", "GROUP:" + births.id()).param("standing", "").param("reason", "区考核一类")
                        .param("cycle", String.valueOf(y)))
                .andExpect(flash().attribute("problem", "请填写上级考核的类别（1 及以上的整数，1 最好）。"));
        mvc.perform(get("/scoring/consequences").param("cycle", String.valueOf(y)).with(signedIn.as(leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("上级排名比上期前进 5 位及以上，奖励 10000.00 元")))
                .andExpect(content().string(containsString("上级排名第 15 名 → 第 9 名")))
                .andExpect(content().string(containsString("<td>↑ 6</td>")))
                .andExpect(content().string(containsString("action=\"/scoring/consequences/standings\"")));
    }
}
