package cn.taizhang.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenants;
import cn.taizhang.support.MutableClock;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A group leader takes a central item from assignment to close-out through the pages alone (WORK-2, LEDGER-1..4). */
@TaizhangTest
@RecordApplicationEvents
class WorkPagesTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired ApplicationEvents events;

    long construction;
    long chenMing;   // P006, the group leader zuzhang
    long heYongqiang; // P017, deputy of 城建组
    long gaoLei;     // P018
    long tangLiang;  // P024, 计生组: outside zuzhang's scope

    @BeforeEach
    void setUp() {
        clock.set(WorkTestSupport.at(2026, 9, 1, 9));
        construction = WorkTestSupport.unit(organisation, tenants, "WS-CJ");
        chenMing = WorkTestSupport.person(organisation, tenants, "P006");
        heYongqiang = WorkTestSupport.person(organisation, tenants, "P017");
        gaoLei = WorkTestSupport.person(organisation, tenants, "P018");
        tangLiang = WorkTestSupport.person(organisation, tenants, "P024");
    }

    @AfterEach
    void restoreClock() {
        clock.set(Instant.now());
    }

    /** A central item as zuzhang fills it in; {@code changes} replace fields (name, value, ...). */
    private MockHttpServletRequestBuilder newCentral(String title, String... changes) {
        java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("title", title);
        p.put("categoryCode", "central");
        p.put("source", "MEETING_DECISION");
        p.put("reportFrequency", "MONTHLY");
        p.put("leadUnitId", String.valueOf(construction));
        p.put("responsiblePersonId", String.valueOf(heYongqiang));
        p.put("startDate", "2026-09-01");
        p.put("deadline", "2026-10-30");
        p.put("target", "8个村生活垃圾日产日清，群众满意率90%以上");
        p.put("measures", "分片包干，周查月评");
        p.put("stages", "摸底调查 3\n集中整治 20\n验收销号 2");
        p.put("leaderId", String.valueOf(chenMing));
        p.put("deputyIds[0]", String.valueOf(heYongqiang));
        p.put("deputyIds[1]", String.valueOf(gaoLei));
        p.put("supervisorIndex", "1");
        p.put("assign", "true");
        for (int i = 0; i < changes.length; i += 2) {
            p.put(changes[i], changes[i + 1]);
        }
        var req = post("/work/new").with(signedIn.as("zuzhang")).with(csrf());
        p.forEach(req::param);
        return req;
    }

    private long created(ResultActions r) throws Exception {
        String location = r.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/work/\\d+");
        return Long.parseLong(location.substring("/work/".length()));
    }

    private String state(long id) {
        return jdbc.sql("select state from work_item where id = :id").param("id", id).query(String.class).single();
    }

    private ResultActions act(String user, long id, String action, String... params) throws Exception {
        var req = post("/work/{id}/" + action, id).with(signedIn.as(user)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        return mvc.perform(req);
    }

    /** BOARD-5: the filtered ledger's stage progress goes to the board that carries it, for review and notice. */
    @Test
    void theLeadershipHandsTheLedgersStageProgressToTheBoardForNotice_BOARD5() throws Exception {
        String title = "农村道路提质改造 " + System.nanoTime();
        long id = created(mvc.perform(newCentral(title)));
        // staff may not; the button is the leadership's and the discipline office's
        mvc.perform(post("/work/notice").with(signedIn.as("ganbu")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/work").with(signedIn.as("zuzhang"))).andExpect(content().string(not(containsString("ledger-notice"))));
        mvc.perform(get("/work").with(signedIn.as("shuji"))).andExpect(content().string(containsString("ledger-notice")));

        String board = mvc.perform(post("/work/notice").with(signedIn.as("shuji")).with(csrf())
                        .param("unit", String.valueOf(construction)).param("state", "ASSIGNED"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", containsString("阶段进展交给榜示草稿")))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(board).matches("/boards/issues/\\d+");
        // wusi's red board carries 工作各阶段进展情况; the line names the responsible person and the lead unit
        assertThat(jdbc.sql("""
                        select i.board_code || '|' || e.subject_name || '|' || e.subject_post || '|' || e.fact
                        from board_entry e join board_issue i on i.id = e.issue_id
                        where e.source_module = 'work' and e.source_id = :s""")
                .param("s", id + ":2026-09-01").query(String.class).single())
                .isEqualTo("red|何永强|城建组|" + title + "：已交办，进度 0%，期限 2026-10-30");
        // handing over again the same day adds nothing
        mvc.perform(post("/work/notice").with(signedIn.as("shuji")).with(csrf())
                        .param("unit", String.valueOf(construction)).param("state", "ASSIGNED"))
                .andExpect(flash().attribute("flash", containsString("已经交给榜示")));
    }

    @Test
    void groupLeaderTakesACentralItemFromAssignmentToCloseOutThroughThePages_WORK2_LEDGER1() throws Exception {
        long id = created(mvc.perform(newCentral("城乡人居环境整治百日攻坚")));
        assertThat(state(id)).isEqualTo("ASSIGNED");
        // reverse scheduling: the last stage ends on the deadline (Fri 30 Oct 2026)
        assertThat(jdbc.sql("select due_on::text from work_stage where item_id = :id order by seq").param("id", id)
                .query(String.class).list()).last().isEqualTo("2026-10-30");

        act("zuzhang", id, "acknowledge").andExpect(status().is3xxRedirection());
        // cannot start without its work plan and risk assessment (WORK-2)
        act("zuzhang", id, "start").andExpect(status().isOk())
                .andExpect(content().string(containsString("须有工作方案和风险评估才能开始办理")));
        assertThat(state(id)).isEqualTo("ACKNOWLEDGED");
        act("zuzhang", id, "document", "kind", "WORK_PLAN", "body", "分三阶段：摸底、整治、验收。").andExpect(status().is3xxRedirection());
        act("zuzhang", id, "document", "kind", "RISK_ASSESSMENT", "body", "拆违可能引发信访，已制定预案。").andExpect(status().is3xxRedirection());
        act("zuzhang", id, "start").andExpect(status().is3xxRedirection());
        assertThat(state(id)).isEqualTo("IN_PROGRESS");

        clock.advance(Duration.ofDays(10));
        act("zuzhang", id, "report", "percent", "30", "text", "摸底完成，清运垃圾120吨。").andExpect(status().is3xxRedirection());
        act("shuji", id, "query", "text", "东岗村进度为何滞后？").andExpect(status().is3xxRedirection());
        long queryId = jdbc.sql("select id from work_ledger_entry where item_id = :id and kind = 'QUERY'").param("id", id)
                .query(Long.class).single();
        act("zuzhang", id, "answer", "queryId", String.valueOf(queryId), "text", "已增派两台清运车。").andExpect(status().is3xxRedirection());
        act("jiwei", id, "opinion", "measures", "每周报送东岗村进度", "until", "2026-09-25").andExpect(status().is3xxRedirection());

        act("zuzhang", id, "completion", "text", "八个村全部达标。").andExpect(status().is3xxRedirection());
        // cannot close without the reward/penalty result (WORK-2)
        act("zuzhang", id, "close-out", "evidence", "验收合格").andExpect(status().isOk())
                .andExpect(content().string(containsString("须先提交奖惩结果才能销号")));
        assertThat(state(id)).isEqualTo("COMPLETION_REQUESTED");
        act("zuzhang", id, "reward", "summary", "完成任务，按满分计",
                "points[" + heYongqiang + "]", "10", "points[" + chenMing + "]", "10", "points[" + gaoLei + "]", "8")
                .andExpect(status().is3xxRedirection());
        act("zuzhang", id, "close-out", "evidence", "县考核组验收合格，台账资料齐全。").andExpect(status().is3xxRedirection());
        assertThat(state(id)).isEqualTo("CLOSED_OUT");

        // the scoring module hears of it, with every responsible person's points
        var closed = events.stream(WorkItemClosedOut.class).filter(e -> e.itemId() == id).toList();
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).points()).extracting(WorkItemClosedOut.ProposedPoints::personId)
                .containsExactlyInAnyOrder(heYongqiang, chenMing, gaoLei);
        assertThat(closed.get(0).rewardPenalty()).isEqualTo("完成任务，按满分计");
        // ... and proposes their points under the task-completion item, for the discipline office (SCORE-2)
        assertThat(jdbc.sql("""
                        select s.subject_id || ':' || e.points::int || ':' || e.item_code || ':' || e.state
                        from score_event e join score_event_subject s on s.event_id = e.id
                        where e.idempotency_key like :key""")
                .param("key", "work:" + id + ":%").query(String.class).list())
                .containsExactlyInAnyOrder(heYongqiang + ":10:task:PROPOSED", chenMing + ":10:task:PROPOSED",
                        gaoLei + ":8:task:PROPOSED");

        // every step is on the ledger, in time order, and in the journal
        assertThat(jdbc.sql("select kind from work_ledger_entry where item_id = :id order by occurred_at, id")
                .param("id", id).query(String.class).list()).containsExactly("CREATED", "ASSIGNED", "ACKNOWLEDGED",
                "DOCUMENT", "DOCUMENT", "STARTED", "REPORT", "QUERY", "ANSWER", "OPINION", "COMPLETION_REQUESTED",
                "REWARD_PENALTY", "CLOSED_OUT");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'work_item' and entity_id = :id and action = 'work.closedOut'")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/work/{id}", id).with(signedIn.as("zuzhang"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已增派两台清运车")))
                .andExpect(content().string(containsString("每周报送东岗村进度")))
                .andExpect(content().string(containsString("县考核组验收合格")));
        mvc.perform(get("/work").with(signedIn.as("zuzhang"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("城乡人居环境整治百日攻坚")));
    }

    @Test
    void aCentralItemWithoutItsLeadGroupIsRefusedAtTheFieldAndNothingIsStored_WORK2() throws Exception {
        long before = count();
        mvc.perform(newCentral("缺领导小组的中心工作", "leaderId", "", "deputyIds[1]", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("须成立 3 人领导小组")));
        mvc.perform(newCentral("督察考核未指定", "supervisorIndex", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请指定一名副组长负责督察考核")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aResponsiblePersonOutsideTheAssignersScopeIsRefused_WORK1() throws Exception {
        long before = count();
        mvc.perform(newCentral("越权交办", "responsiblePersonId", String.valueOf(tangLiang)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("责任人不在您的管理范围内")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aDeadlineBeforeTheStartAndStagesLongerThanTheTimeLeftAreRefused_WORK6() throws Exception {
        long before = count();
        mvc.perform(newCentral("期限早于开始", "deadline", "2026-08-31"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("早于开始日期")));
        // 1 Sep .. 30 Sep 2026 holds 22 working days (中秋 25 Sep off, Sun 20 Sep worked)
        mvc.perform(newCentral("工期不够", "deadline", "2026-09-30", "stages", "摸底 10\n整治 13"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("只有 22 个工作日")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aTransitionFromTheWrongStateIsRefusedWithTheReason_WORK1() throws Exception {
        long id = created(mvc.perform(newCentral("状态校验")));
        act("zuzhang", id, "completion", "text", "想直接办结").andExpect(status().isOk())
                .andExpect(content().string(containsString("事项当前状态为“已交办”，不能申请办结")));
        assertThat(state(id)).isEqualTo("ASSIGNED");
    }

    @Test
    void everyWorkPageRendersInBothLanguagesWithoutInlineStyle() throws Exception {
        long id = created(mvc.perform(newCentral("双语页面")));
        for (String lang : new String[] {"zh_CN", "en"}) {
            for (String path : new String[] {"/work", "/work/new", "/work/" + id, "/work/chart",
                    "/work?state=ASSIGNED&light=GREEN&sort=DEADLINE_DESC&category=central&unit=" + construction}) {
                mvc.perform(get(path).param("lang", lang).with(signedIn.as("zuzhang")))
                        .andExpect(status().isOk())
                        .andExpect(header().exists("Content-Security-Policy"))
                        .andExpect(content().string(not(containsString("??"))))
                        .andExpect(content().string(not(containsString("style=\""))))
                        .andExpect(content().string(not(containsString("<script>"))));
            }
        }
        mvc.perform(get("/work/chart").with(signedIn.as("zuzhang")))
                .andExpect(content().string(containsString("id=\"wall-chart\"")))
                .andExpect(content().string(containsString("双语页面")));
    }

    private long count() {
        return jdbc.sql("select count(*) from work_item").query(Long.class).single();
    }
}
