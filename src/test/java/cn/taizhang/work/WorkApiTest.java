package cn.taizhang.work;

import static cn.taizhang.support.SignedIn.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenants;
import cn.taizhang.support.MutableClock;
import cn.taizhang.support.TaizhangTest;
import cn.taizhang.work.domain.WorkItems;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The JSON API under /api/work: the same rules and messages as the pages (WORK-1, WORK-7, LEDGER-2). */
@TaizhangTest
class WorkApiTest {

    @Autowired MockMvc mvc;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired WorkItems work;

    long construction;
    long luoDan; // P019, the staff account ganbu

    @BeforeEach
    void setUp() {
        clock.set(WorkTestSupport.at(2026, 9, 21, 9));
        construction = WorkTestSupport.unit(organisation, tenants, "WS-CJ");
        luoDan = WorkTestSupport.person(organisation, tenants, "P019");
    }

    @AfterEach
    void restoreClock() {
        clock.set(Instant.now());
    }

    private ResultActions call(String user, String path, String json) throws Exception {
        return mvc.perform(post(path).with(api(user)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private long create(String json) throws Exception {
        String body = call("shuji", "/api/work", json).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1"));
    }

    @Test
    void aRoutineItemGoesFromAssignmentToCloseOutThroughTheApi_WORK1_LEDGER2() throws Exception {
        long id = create("""
                {"title": "国土变更调查", "categoryCode": "routine", "source": "SUPERIOR_ASSIGNMENT",
                 "leadUnitId": %d, "responsiblePersonId": %d, "startDate": "2026-09-21", "deadline": "2026-10-16",
                 "target": "完成全镇图斑核查", "measures": "外业核查、内业整理", "reportFrequency": "WEEKLY",
                 "stages": [{"name": "外业核查", "workingDays": 5}, {"name": "内业整理", "workingDays": 3}],
                 "assign": true}""".formatted(construction, luoDan));
        // stages counted back over National Day: the last three working days before Fri 16 Oct are 14, 15, 16
        mvc.perform(get("/api/work/{id}", id).with(api("ganbu"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.item.state").value("ASSIGNED"))
                .andExpect(jsonPath("$.item.stages[1].startsOn").value("2026-10-14"))
                .andExpect(jsonPath("$.item.stages[0].dueOn").value("2026-10-13"))
                .andExpect(jsonPath("$.item.stages[0].startsOn").value("2026-10-08"));

        call("ganbu", "/api/work/" + id + "/acknowledge", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ACKNOWLEDGED"));
        call("ganbu", "/api/work/" + id + "/start", "{}").andExpect(jsonPath("$.state").value("IN_PROGRESS"));
        call("ganbu", "/api/work/" + id + "/reports", "{\"percent\": 120, \"text\": \"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("percent"))
                .andExpect(jsonPath("$.code").value("work.report.percent"));
        call("ganbu", "/api/work/" + id + "/reports", "{\"percent\": 40, \"text\": \"外业完成一半\"}")
                .andExpect(jsonPath("$.progress").value(40));
        call("ganbu", "/api/work/" + id + "/extension", "{\"newDeadline\": \"2026-10-23\", \"reason\": \"国庆假期\"}")
                .andExpect(jsonPath("$.state").value("EXTENSION_REQUESTED"));
        call("shuji", "/api/work/" + id + "/extension/decision", "{\"approve\": true, \"note\": \"同意\"}")
                .andExpect(jsonPath("$.state").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.deadline").value("2026-10-23"))
                .andExpect(jsonPath("$.originalDeadline").value("2026-10-16"))
                .andExpect(jsonPath("$.extensionCount").value(1))
                .andExpect(jsonPath("$.stages[1].dueOn").value("2026-10-23"));
        call("shuji", "/api/work/" + id + "/queries", "{\"text\": \"外业还差几个村？\"}").andExpect(status().isOk());
        long queryId = jdbc.sql("select id from work_ledger_entry where item_id = :id and kind = 'QUERY'")
                .param("id", id).query(Long.class).single();
        call("ganbu", "/api/work/" + id + "/answers", "{\"queryId\": " + queryId + ", \"text\": \"还差两个村\"}")
                .andExpect(status().isOk());
        call("ganbu", "/api/work/" + id + "/completion", "{\"text\": \"全部核查完毕\"}")
                .andExpect(jsonPath("$.state").value("COMPLETION_REQUESTED"));
        call("shuji", "/api/work/" + id + "/close-out", "{\"evidence\": \"县自然资源局验收通过\"}")
                .andExpect(jsonPath("$.state").value("CLOSED_OUT"));
        // a report on a closed item is refused, in the caller's language
        call("ganbu", "/api/work/" + id + "/reports", "{\"percent\": 100, \"text\": \"补充\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("work.report.closed"))
                .andExpect(jsonPath("$.message").value("事项已“已销号”，不能再汇报进度。"));
        mvc.perform(post("/api/work/" + id + "/reports").param("lang", "en").header("Accept-Language", "en")
                        .with(api("ganbu")).contentType(MediaType.APPLICATION_JSON).content("{\"percent\": 100, \"text\": \"x\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/work/{id}", id).with(api("shuji")))
                .andExpect(jsonPath("$.ledger[*].kind").value(org.hamcrest.Matchers.contains("CREATED", "ASSIGNED",
                        "ACKNOWLEDGED", "STARTED", "REPORT", "EXTENSION_REQUESTED", "EXTENSION_APPROVED", "QUERY",
                        "ANSWER", "COMPLETION_REQUESTED", "CLOSED_OUT")));
        assertThat(jdbc.sql("select deadline::text from work_deadline where item_id = :id order by seq")
                .param("id", id).query(String.class).list()).containsExactly("2026-10-16", "2026-10-23");
    }

    @Test
    void aWrongTransitionIsRefusedWithTheTranslatedStates_WORK1() throws Exception {
        long id = create("""
                {"title": "状态机", "categoryCode": "routine", "source": "ANNUAL_TARGET", "leadUnitId": %d,
                 "responsiblePersonId": %d, "startDate": "2026-09-21", "deadline": "2026-10-30", "target": "x"}"""
                .formatted(construction, luoDan));
        call("shuji", "/api/work/" + id + "/close-out", "{\"evidence\": \"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("work.transition.refused"))
                .andExpect(jsonPath("$.message").value("事项当前状态为“草稿”，不能办结销号。"));
        call("shuji", "/api/work/" + id + "/cancel", "{\"reason\": \"\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        call("shuji", "/api/work/" + id + "/cancel", "{\"reason\": \"并入其他事项\"}")
                .andExpect(jsonPath("$.state").value("CANCELLED"));
    }

    @Test
    void aCentralItemWithoutItsLeadGroupIsRefusedByTheApiToo_WORK2() throws Exception {
        call("shuji", "/api/work", """
                {"title": "无领导小组", "categoryCode": "central", "source": "MEETING_DECISION", "leadUnitId": %d,
                 "responsiblePersonId": %d, "startDate": "2026-09-21", "deadline": "2026-10-30", "target": "x"}"""
                .formatted(construction, luoDan))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("leaderId"))
                .andExpect(jsonPath("$.code").value("work.leadGroup.leaderRequired"));
        call("shuji", "/api/work", """
                {"title": "未知类别", "categoryCode": "nonsense", "source": "MEETING_DECISION", "leadUnitId": %d,
                 "responsiblePersonId": %d, "startDate": "2026-09-21", "deadline": "2026-10-30", "target": "x"}"""
                .formatted(construction, luoDan))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("categoryCode"));
    }

    @Test
    void lightsTurnYellowThenRedAsTheDeadlineNearsAndPassesAndEveryChangeIsKept_WORK7() throws Exception {
        long id = create("""
                {"title": "灯号", "categoryCode": "routine", "source": "RESIDENT_REQUEST", "leadUnitId": %d,
                 "responsiblePersonId": %d, "startDate": "2026-09-21", "deadline": "2026-10-12", "target": "x",
                 "assign": true}""".formatted(construction, luoDan));
        call("ganbu", "/api/work/" + id + "/acknowledge", "{}");
        call("ganbu", "/api/work/" + id + "/start", "{}");
        call("ganbu", "/api/work/" + id + "/reports", "{\"percent\": 5, \"text\": \"开始\"}")
                .andExpect(jsonPath("$.light").value("GREEN"));
        long tenant = WorkTestSupport.town(tenants);
        // Thu 8 Oct: 73% planned, only 5% done → red (more than 30 behind)
        clock.set(WorkTestSupport.at(2026, 10, 8, 9));
        work.recomputeLights(tenant);
        assertThat(light(id)).isEqualTo("RED");
        // on plan again, but three working days left (9, Sat 10 调休, 12) → yellow
        call("ganbu", "/api/work/" + id + "/reports", "{\"percent\": 75, \"text\": \"加班赶进度\"}")
                .andExpect(jsonPath("$.light").value("YELLOW"));
        // Tue 13 Oct: overdue → red
        clock.advance(Duration.ofDays(5));
        work.recomputeLights(tenant);
        assertThat(light(id)).isEqualTo("RED");
        assertThat(jdbc.sql("select from_light || '>' || to_light || ':' || reason from work_light_change where item_id = :id order by id")
                .param("id", id).query(String.class).list())
                .containsExactly("NONE>GREEN:ON_TRACK", "GREEN>RED:FAR_BEHIND", "RED>YELLOW:NEAR_DEADLINE",
                        "YELLOW>RED:OVERDUE");
        mvc.perform(get("/api/work").param("light", "RED").with(api("shuji")))
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").isNotEmpty());
    }

    @Test
    void theLedgerPagesWithAKeysetInDeadlineOrder_LEDGER1() throws Exception {
        for (int i = 1; i <= 5; i++) {
            create("""
                    {"title": "分页%d", "categoryCode": "special", "source": "LEADER_INSTRUCTION", "leadUnitId": %d,
                     "responsiblePersonId": %d, "startDate": "2026-09-21", "deadline": "2026-11-%02d", "target": "x",
                     "leaderId": %d, "deputyIds": [%d, %d], "supervisorIndex": 0}"""
                    .formatted(i, construction, luoDan, 10 + i, luoDan,
                            WorkTestSupport.person(organisation, tenants, "P017"),
                            WorkTestSupport.person(organisation, tenants, "P018")));
        }
        String first = mvc.perform(get("/api/work").param("category", "special").param("limit", "3").with(api("shuji")))
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].deadline").value("2026-11-11"))
                .andReturn().getResponse().getContentAsString();
        long lastId = Long.parseLong(first.replaceAll("(?s)^.*\"id\":(\\d+),[^{]*$", "$1"));
        mvc.perform(get("/api/work").param("category", "special").param("limit", "3")
                        .param("afterDeadline", "2026-11-13").param("afterId", String.valueOf(lastId)).with(api("shuji")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].deadline").value("2026-11-14"))
                .andExpect(jsonPath("$[1].deadline").value("2026-11-15"));
    }

    private String light(long id) {
        return jdbc.sql("select light from work_item where id = :id").param("id", id).query(String.class).single();
    }
}
