package cn.taizhang.work.plan;

import static cn.taizhang.work.plan.PlanTestSupport.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Research topics (课题化, WORK-8): proposed, reviewed, consulted on, compiled into the key points. */
@TaizhangTest
class ResearchTopicsTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired JdbcClient jdbc;

    private long created(ResultActions r) throws Exception {
        String location = r.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring("/work/plans/topics/".length()));
    }

    private String state(long id) {
        return jdbc.sql("select state from research_topic where id = :id").param("id", id).query(String.class).single();
    }

    private ResultActions propose(String title, String survey) throws Exception {
        return mvc.perform(form(signedIn, "ganbu", "/work/plans/topics", "year", "2031", "kind", "KEY", "title", title,
                "survey", survey, "proposal", "目标：三年内完成全镇宅基地确权；措施：分村推进。"));
    }

    @Test
    void aTopicGoesFromProposalThroughConsultationIntoTheKeyPoints() throws Exception {
        String s = PlanTestSupport.suffix();
        propose("宅基地确权" + s, "").andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写调研材料")));
        long id = created(propose("宅基地确权" + s, "走访8个村，座谈3次，问卷120份"));
        assertThat(state(id)).isEqualTo("PROPOSED");

        // only the leadership (the evaluation group) reviews; consultation needs the review first
        mvc.perform(form(signedIn, "ganbu", "/work/plans/topics/" + id + "/review", "approve", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(form(signedIn, "zuzhang", "/work/plans/topics/" + id + "/comments", "commenterName", "张三",
                "commenterRole", "党员群众", "text", "好")).andExpect(status().isOk())
                .andExpect(content().string(containsString("不在征求意见阶段")));
        mvc.perform(form(signedIn, "shuji", "/work/plans/topics/" + id + "/review", "approve", "true",
                "note", "符合实际，便于实施")).andExpect(status().is3xxRedirection());
        assertThat(state(id)).isEqualTo("IN_CONSULTATION");

        // adoption needs opinions; an opinion names who gave it
        mvc.perform(form(signedIn, "shuji", "/work/plans/topics/" + id + "/adopt", "approve", "true"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("还没有征求到意见")));
        mvc.perform(form(signedIn, "zuzhang", "/work/plans/topics/" + id + "/comments", "commenterName", "",
                "commenterRole", "乡镇党委书记", "text", "建议先试点")).andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写提意见人的姓名")));
        mvc.perform(form(signedIn, "zuzhang", "/work/plans/topics/" + id + "/comments", "commenterName", "杜大爷",
                "commenterRole", "东岗村党员群众", "text", "建议先在东岗村试点")).andExpect(status().is3xxRedirection());
        // the proposer revises after the consultation
        mvc.perform(form(signedIn, "ganbu", "/work/plans/topics/" + id + "/revise", "year", "2031", "kind", "KEY",
                "title", "宅基地确权" + s, "survey", "走访8个村，座谈3次，问卷120份",
                "proposal", "先在东岗村试点，再分村推进。", "reason", "采纳杜大爷意见")).andExpect(status().is3xxRedirection());
        mvc.perform(form(signedIn, "shuji", "/work/plans/topics/" + id + "/adopt", "approve", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(state(id)).isEqualTo("ADOPTED");
        mvc.perform(form(signedIn, "ganbu", "/work/plans/topics/" + id + "/revise", "year", "2031", "kind", "KEY",
                "title", "改名" + s, "survey", "x", "proposal", "y")).andExpect(status().isOk())
                .andExpect(content().string(containsString("已经定案")));

        // a declined topic needs a reason and stays out of the key points
        long other = created(propose("旧村改造" + s, "走访2个村"));
        mvc.perform(form(signedIn, "shuji", "/work/plans/topics/" + other + "/review", "approve", "false", "note", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("须写明理由")));
        mvc.perform(form(signedIn, "shuji", "/work/plans/topics/" + other + "/review", "approve", "false",
                "note", "条件不成熟")).andExpect(status().is3xxRedirection());

        mvc.perform(get("/work/plans/topics/key-points").param("year", "2031").with(signedIn.as("ganbu")))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("2031年工作要点"),
                        containsString("宅基地确权" + s), containsString("先在东岗村试点"), containsString("重点课题"),
                        not(containsString("旧村改造" + s)))));
        mvc.perform(get("/work/plans/topics/" + id).with(signedIn.as("jiwei"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("杜大爷"), containsString("东岗村党员群众"))));
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'research_topic' and entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(4);
    }
}
