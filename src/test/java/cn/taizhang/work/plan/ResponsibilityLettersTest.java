package cn.taizhang.work.plan;

import static cn.taizhang.work.plan.PlanTestSupport.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenants;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Responsibility letters (目标责任书, WORK-5) signed level by level; only the addressee acknowledges. */
@TaizhangTest
class ResponsibilityLettersTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;

    private long letterTo(String title, long person) {
        return jdbc.sql("select id from responsibility_letter where title = :t and addressee_person_id = :p")
                .param("t", title).param("p", person).query(Long.class).single();
    }

    @Test
    void lettersGoDownLevelByLevelAndRecordWhoAcknowledgedWhen() throws Exception {
        String s = PlanTestSupport.suffix();
        long chenMing = PlanTestSupport.person(organisation, tenants, "P006");
        long guoXiuying = PlanTestSupport.person(organisation, tenants, "P022");
        long luoDan = PlanTestSupport.person(organisation, tenants, "P019");
        long tangLiang = PlanTestSupport.person(organisation, tenants, "P024");
        String town = "2031年度组长目标责任书" + s;
        mvc.perform(form(signedIn, "shuji", "/work/plans/letters", "year", "2031", "title", town,
                        "body", "一、完成全镇人居环境整治任务……", "addresseeIds", String.valueOf(chenMing),
                        "addresseeIds", String.valueOf(guoXiuying)))
                .andExpect(status().is3xxRedirection());
        long toChen = letterTo(town, chenMing);

        // zuzhang passes it on only after acknowledging his own
        String group = "2031年度城建组组员责任书" + s;
        mvc.perform(form(signedIn, "zuzhang", "/work/plans/letters", "year", "2031", "title", group, "body", "……",
                "addresseeIds", String.valueOf(luoDan))).andExpect(status().isOk())
                .andExpect(content().string(containsString("请先签收您本人2031年度的责任书")));

        // the issuer sees the letter but cannot acknowledge it for the addressee
        mvc.perform(form(signedIn, "shuji", "/work/plans/letters/" + toChen + "/acknowledge"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("这份责任书是写给陈明的，只有本人可以签收")));
        // a member of another group does not see it at all
        mvc.perform(form(signedIn, "ganbu", "/work/plans/letters/" + toChen + "/acknowledge"))
                .andExpect(status().isNotFound());
        mvc.perform(form(signedIn, "zuzhang", "/work/plans/letters/" + toChen + "/acknowledge"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select acknowledged_by from responsibility_letter where id = :id").param("id", toChen)
                .query(String.class).single()).isEqualTo("陈明 (zuzhang)");
        mvc.perform(form(signedIn, "zuzhang", "/work/plans/letters/" + toChen + "/acknowledge"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已于")));

        // the page shows who has and who has not acknowledged
        mvc.perform(get("/work/plans/letters").param("year", "2031").with(signedIn.as("shuji")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString(town),
                        containsString("已签收 1 / 2"), containsString("郭秀英"), containsString("待签收"))));

        // now down to his members, not to another group's
        mvc.perform(form(signedIn, "zuzhang", "/work/plans/letters", "year", "2031", "title", group, "body", "……",
                "addresseeIds", String.valueOf(tangLiang))).andExpect(status().isOk())
                .andExpect(content().string(containsString("“唐亮”不在您管理的范围内")));
        mvc.perform(form(signedIn, "zuzhang", "/work/plans/letters", "year", "2031", "title", group, "body", "……",
                "addresseeIds", String.valueOf(luoDan))).andExpect(status().is3xxRedirection());
        long toLuo = letterTo(group, luoDan);
        assertThat(jdbc.sql("select parent_letter_id from responsibility_letter where id = :id").param("id", toLuo)
                .query(Long.class).single()).isEqualTo(toChen);
        mvc.perform(get("/work/plans/letters/" + toLuo).with(signedIn.as("ganbu")))
                .andExpect(content().string(containsString("id=\"ack-state\"")));
        mvc.perform(form(signedIn, "ganbu", "/work/plans/letters/" + toLuo + "/acknowledge"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'letter.acknowledged' and entity_id in (:a, :b)")
                .param("a", String.valueOf(toChen)).param("b", String.valueOf(toLuo)).query(Long.class).single())
                .isEqualTo(2);
        // staff issue no letters
        mvc.perform(form(signedIn, "ganbu", "/work/plans/letters", "year", "2031", "title", "x" + s, "body", "x",
                "addresseeIds", String.valueOf(chenMing))).andExpect(status().isForbidden());
    }
}
