package cn.taizhang.work.domain;

import static cn.taizhang.support.SignedIn.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.org.DataScope;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.Tenants;
import cn.taizhang.support.MutableClock;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Reminders for the stages of an item's reverse schedule (倒排工期): a stage due within the yellow window
 * or overdue and not reported done reminds the responsible person, escalates like an item's reminder,
 * never twice, and stops when the stage is reported done (WORK-7, stage due dates).
 */
@TaizhangTest
class StageRemindersTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired Reminders reminders;

    long town;
    long construction;
    long luoDan;      // P019, account ganbu: responsible
    long heYongqiang; // P017, the lead group's supervisor-assessor
    long chenMing;    // P006, account zuzhang: the lead group's leader
    String title;

    @BeforeEach
    void setUp() {
        clock.set(at(2026, 9, 21, 9));
        town = tenants.findByCode("demo-town").map(Tenant::id).orElseThrow();
        construction = organisation.tree(DataScope.wholeTenant(town), town, true).stream()
                .filter(u -> u.code().equals("WS-CJ")).map(OrgUnit::id).findFirst().orElseThrow();
        luoDan = person("P019");
        heYongqiang = person("P017");
        chenMing = person("P006");
        title = "阶段" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void restoreClock() {
        clock.set(Instant.now());
    }

    @Test
    void aStageDueSoonRemindsThenEscalatesOnceEachAndStopsWhenReportedDone() throws Exception {
        // deadline Fri 16 Oct; stages 摸底调查 (3 working days, due Sat 10 Oct, a working day) and 组织实施 (5)
        long id = centralItem("2026-10-16", 5);
        assertThat(due(id, 1)).isEqualTo(LocalDate.of(2026, 10, 10));

        clock.set(at(2026, 9, 25, 1)); // more than three working days before (1-7 Oct are holidays): nothing yet
        reminders.run(town);
        assertThat(stageReminders(id)).isEmpty();

        clock.set(at(2026, 10, 8, 1)); // within three working days; 5% done, the plan expects 69% by the 10th
        reminders.run(town);
        reminders.run(town);
        assertThat(stageReminders(id)).containsExactly("STAGE_DUE:0:" + luoDan);
        mvc.perform(get("/inbox").with(signedIn.as("ganbu"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("「" + title + "」的阶段“摸底调查”将于 2026-10-10 到期，尚未报告完成")));
        mvc.perform(get("/inbox").param("lang", "en").with(signedIn.as("ganbu"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("the stage &quot;摸底调查&quot; is due on 2026-10-10")));

        clock.set(at(2026, 10, 9, 1)); // one working day without the stage reported done: the supervisor
        reminders.run(town);
        clock.set(at(2026, 10, 10, 1)); // two: the leader
        reminders.run(town);
        reminders.run(town);
        assertThat(stageReminders(id)).containsExactly("STAGE_DUE:0:" + luoDan, "STAGE_DUE:1:" + heYongqiang,
                "STAGE_DUE:2:" + chenMing);

        clock.set(at(2026, 10, 12, 1)); // overdue now: a new chain, the old one does not go on
        reminders.run(town);
        assertThat(stageReminders(id)).containsExactly("STAGE_DUE:0:" + luoDan, "STAGE_DUE:1:" + heYongqiang,
                "STAGE_DUE:2:" + chenMing, "STAGE_OVERDUE:0:" + luoDan);

        clock.set(at(2026, 10, 12, 10));
        call("ganbu", "/api/work/" + id + "/stages/1/done", "{\"text\": \"摸底完成，共 36 户\"}").andExpect(status().isOk());
        call("ganbu", "/api/work/" + id + "/stages/1/done", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("阶段“摸底调查”已报告完成。"))
                .andExpect(jsonPath("$.field").value("stage"));
        mvc.perform(post("/api/work/" + id + "/stages/7/done").with(api("ganbu")).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("This item has no stage 7."));
        mvc.perform(get("/api/work/{id}", id).with(api("ganbu"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.stagesDone[0]").value(1));
        clock.set(at(2026, 10, 13, 1)); // reported done: no escalation; the last stage ends with the deadline
        reminders.run(town);
        clock.set(at(2026, 10, 15, 1));
        reminders.run(town);
        assertThat(stageReminders(id)).containsExactly("STAGE_DUE:0:" + luoDan, "STAGE_DUE:1:" + heYongqiang,
                "STAGE_DUE:2:" + chenMing, "STAGE_OVERDUE:0:" + luoDan);

        mvc.perform(get("/work/{id}", id).with(signedIn.as("ganbu"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("已完成 2026-10-12")))
                .andExpect(content().string(containsString("阶段完成</strong>")))
                .andExpect(content().string(containsString("：阶段“摸底调查”")))
                .andExpect(content().string(containsString("摸底完成，共 36 户")));
    }

    @Test
    void theStageDoneFormOnTheItemPageEndsTheReminders() throws Exception {
        long id = centralItem("2026-10-16", 5);
        clock.set(at(2026, 10, 8, 1));
        reminders.run(town);
        clock.set(at(2026, 10, 8, 9));
        mvc.perform(get("/work/{id}", id).with(signedIn.as("ganbu"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/work/" + id + "/stages/1/done")));
        mvc.perform(post("/work/{id}/stages/1/done", id).with(signedIn.as("ganbu")).with(csrf()).param("text", ""))
                .andExpect(status().is3xxRedirection());
        clock.set(at(2026, 10, 12, 1));
        reminders.run(town);
        assertThat(stageReminders(id)).containsExactly("STAGE_DUE:0:" + luoDan);
        // only the assignee side reports a stage done
        mvc.perform(post("/work/{id}/stages/2/done", id).with(signedIn.as("jiwei")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anExtensionThatMovesTheStageEndsTheChainOfItsOldDueDate() throws Exception {
        long id = centralItem("2026-10-16", 5);
        clock.set(at(2026, 10, 12, 1)); // 摸底调查 was due Sat 10 Oct: overdue
        reminders.run(town);
        assertThat(stageReminders(id)).containsExactly("STAGE_OVERDUE:0:" + luoDan);

        clock.set(at(2026, 10, 12, 10));
        call("ganbu", "/api/work/" + id + "/extension", "{\"newDeadline\": \"2026-11-20\", \"reason\": \"材料未到\"}")
                .andExpect(status().isOk());
        call("shuji", "/api/work/" + id + "/extension/decision", "{\"approve\": true, \"note\": \"同意\"}")
                .andExpect(status().isOk());
        assertThat(due(id, 1)).isAfter(LocalDate.of(2026, 11, 1));
        // a working day and two later: the old due date escalates to nobody; the new one is weeks away
        clock.set(at(2026, 10, 13, 1));
        reminders.run(town);
        clock.set(at(2026, 10, 14, 1));
        reminders.run(town);
        assertThat(stageReminders(id)).containsExactly("STAGE_OVERDUE:0:" + luoDan);
    }

    @Test
    void progressAheadOfTheStagesPlanNeedsNoReminder() throws Exception {
        long id = centralItem("2026-10-16", 70); // the plan expects 69% when 摸底调查 is due
        clock.set(at(2026, 10, 12, 1));
        reminders.run(town);
        assertThat(stageReminders(id)).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private long centralItem(String deadline, int percent) throws Exception {
        long id = create("""
                {"title": "%s", "categoryCode": "central", "source": "MEETING_DECISION", "leadUnitId": %d,
                 "responsiblePersonId": %d, "startDate": "2026-09-21", "deadline": "%s", "target": "x",
                 "leaderId": %d, "deputyIds": [%d, %d], "supervisorIndex": 0, "assign": true,
                 "stages": [{"name": "摸底调查", "workingDays": 3}, {"name": "组织实施", "workingDays": 5}]}"""
                .formatted(title, construction, luoDan, deadline, chenMing, heYongqiang, person("P018")));
        call("ganbu", "/api/work/" + id + "/acknowledge", "{}").andExpect(status().isOk());
        call("ganbu", "/api/work/" + id + "/documents", "{\"kind\": \"WORK_PLAN\", \"body\": \"方案\"}")
                .andExpect(status().isOk());
        call("ganbu", "/api/work/" + id + "/documents", "{\"kind\": \"RISK_ASSESSMENT\", \"body\": \"评估\"}")
                .andExpect(status().isOk());
        call("ganbu", "/api/work/" + id + "/start", "{}").andExpect(status().isOk());
        call("ganbu", "/api/work/" + id + "/reports", "{\"percent\": " + percent + ", \"text\": \"开始\"}")
                .andExpect(status().isOk());
        return id;
    }

    private LocalDate due(long item, int seq) {
        return jdbc.sql("select due_on from work_stage where item_id = :i and seq = :s").param("i", item).param("s", seq)
                .query(LocalDate.class).single();
    }

    private List<String> stageReminders(long item) {
        return jdbc.sql("""
                        select reason || ':' || step || ':' || person_id from reminder
                        where item_id = :i and reason like 'STAGE%' order by id""")
                .param("i", item).query(String.class).list();
    }

    private long person(String code) {
        return organisation.people(DataScope.wholeTenant(town), town, null, code, true).stream()
                .filter(p -> p.code().equals(code)).map(Person::id).findFirst().orElseThrow();
    }

    private ResultActions call(String user, String path, String json) throws Exception {
        return mvc.perform(post(path).with(api(user)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private long create(String json) throws Exception {
        String body = call("shuji", "/api/work", json).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1"));
    }

    private static Instant at(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }
}
