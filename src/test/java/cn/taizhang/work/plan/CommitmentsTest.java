package cn.taizhang.work.plan;

import static cn.taizhang.work.plan.PlanTestSupport.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenants;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.Role;
import cn.taizhang.support.MutableClock;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import cn.taizhang.work.CommitmentNotices;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Month-start commitments (月初晒承诺, WORK-3): listed, submitted, seen by the leader, marked at month end. */
@TaizhangTest
class CommitmentsTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired Commitments commitments;
    @Autowired CommitmentNotices notices;

    @AfterEach
    void restoreClock() {
        clock.set(Instant.now());
    }

    private long commitmentId(String text) {
        return jdbc.sql("select id from commitment where text = :t").param("t", text).query(Long.class).single();
    }

    @Test
    void aMemberCommitsSubmitsAndMarksAtMonthEnd_whileHisLeaderSeesIt() throws Exception {
        String s = PlanTestSupport.suffix();
        clock.set(PlanTestSupport.at(2027, 3, 1));
        String url = "/work/plans/commitments?month=2027-03";
        mvc.perform(form(signedIn, "ganbu", url, "kind", "FIXED", "text", "每周一整理国土台账" + s))
                .andExpect(status().is3xxRedirection());
        mvc.perform(form(signedIn, "ganbu", url, "kind", "DYNAMIC", "text", "配合东岗村宅基地测量" + s))
                .andExpect(status().is3xxRedirection());
        mvc.perform(form(signedIn, "ganbu", url, "kind", "DYNAMIC", "text", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请填写承诺内容")));
        // before submission the group leader does not see the list's items
        mvc.perform(get(url).with(signedIn.as("zuzhang")))
                .andExpect(content().string(not(containsString("每周一整理国土台账" + s))));
        mvc.perform(form(signedIn, "ganbu", "/work/plans/commitments/submit?month=2027-03"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(url).with(signedIn.as("zuzhang"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("每周一整理国土台账" + s),
                        containsString("配合东岗村宅基地测量" + s), containsString("固定任务"), containsString("动态任务"))));
        // submitted means fixed
        mvc.perform(form(signedIn, "ganbu", url, "kind", "FIXED", "text", "补一条" + s))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已经提交，不能再改")));

        // the notice API gives names and posts only, for the board
        var notice = notices.submitted(PlanTestSupport.town(tenants), YearMonth.of(2027, 3)).stream()
                .filter(n -> n.text().equals("每周一整理国土台账" + s)).findFirst().orElseThrow();
        assertThat(notice.personName()).isEqualTo("罗丹");
        assertThat(notice.unitName()).isEqualTo("城建组");
        assertThat(notice.kind()).isEqualTo("FIXED");

        long fixed = commitmentId("每周一整理国土台账" + s);
        long dynamic = commitmentId("配合东岗村宅基地测量" + s);
        // not yet month end (the last working day of March 2027 is Wednesday the 31st)
        mvc.perform(form(signedIn, "ganbu", "/work/plans/commitments/" + fixed + "/outcome?month=2027-03", "outcome", "DONE"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("从 2027-03-31 起")));
        clock.set(PlanTestSupport.at(2027, 3, 31));
        mvc.perform(form(signedIn, "ganbu", "/work/plans/commitments/" + dynamic + "/outcome?month=2027-03",
                "outcome", "NOT_DONE", "remark", "")).andExpect(status().isOk())
                .andExpect(content().string(containsString("须写明原因")));
        mvc.perform(form(signedIn, "ganbu", "/work/plans/commitments/" + dynamic + "/outcome?month=2027-03",
                "outcome", "NOT_DONE", "remark", "村里测量推迟到4月")).andExpect(status().is3xxRedirection());
        mvc.perform(form(signedIn, "zuzhang", "/work/plans/commitments/" + fixed + "/outcome?month=2027-03",
                "outcome", "DONE")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select outcome || ':' || outcome_by from commitment where id = :id").param("id", fixed)
                .query(String.class).single()).isEqualTo("DONE:陈明");
        assertThat(jdbc.sql("select outcome_remark from commitment where id = :id").param("id", dynamic)
                .query(String.class).single()).isEqualTo("村里测量推迟到4月");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'commitment.marked' and entity_id = :id")
                .param("id", String.valueOf(dynamic)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void commitmentsAreTheMembersOwn_andOutsideTheLeadersScopeNotFound() throws Exception {
        String s = PlanTestSupport.suffix();
        clock.set(PlanTestSupport.at(2027, 5, 6));
        long tangLiang = PlanTestSupport.person(organisation, tenants, "P024"); // 计生组
        var tang = new CurrentUser(-1, "tangliang", "唐亮", PlanTestSupport.town(tenants), tangLiang, Set.of(Role.STAFF), null);
        commitments.add(tang, YearMonth.of(2027, 5), CommitmentKind.FIXED, "计生台账月报" + s);
        commitments.submit(tang, YearMonth.of(2027, 5));
        long id = commitmentId("计生台账月报" + s);
        clock.set(PlanTestSupport.at(2027, 5, 31));
        // zuzhang manages 城建组 only; ganbu is staff: neither may see, let alone mark, 唐亮's commitment
        mvc.perform(form(signedIn, "zuzhang", "/work/plans/commitments/" + id + "/outcome?month=2027-05", "outcome", "DONE"))
                .andExpect(status().isNotFound());
        mvc.perform(form(signedIn, "ganbu", "/work/plans/commitments/" + id + "/remove?month=2027-05"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/work/plans/commitments?month=2027-05").with(signedIn.as("zuzhang")))
                .andExpect(content().string(not(containsString("计生台账月报" + s))));
        // the leadership sees the whole township; the discipline office reads but does not mark
        mvc.perform(get("/work/plans/commitments?month=2027-05").with(signedIn.as("shuji")))
                .andExpect(content().string(containsString("计生台账月报" + s)));
        mvc.perform(form(signedIn, "jiwei", "/work/plans/commitments/" + id + "/outcome?month=2027-05", "outcome", "DONE"))
                .andExpect(status().isForbidden());
        // a past month takes no new commitments
        mvc.perform(form(signedIn, "ganbu", "/work/plans/commitments?month=2027-04", "kind", "FIXED", "text", "补" + s))
                .andExpect(status().isOk()).andExpect(content().string(containsString("2027-04 已经过去")));
        assertThat(jdbc.sql("select outcome from commitment where id = :id").param("id", id)
                .query(String.class).optional()).isEmpty();
    }
}
