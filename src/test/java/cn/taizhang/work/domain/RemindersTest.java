package cn.taizhang.work.domain;

import static cn.taizhang.support.SignedIn.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.Tenants;
import cn.taizhang.support.MutableClock;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Reminders and escalation, the inbox, the nightly run's lock and the batched light writes (WORK-7). */
@TaizhangTest
class RemindersTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired WorkItems work;
    @Autowired Reminders reminders;
    @Autowired NightlyRun nightly;
    @Autowired DataSource dataSource;
    @Autowired ReminderRepository repository;
    @Autowired CalendarRepository calendars;
    @Autowired TenantMethods methods;
    @Autowired MessageSource messages;

    long town;
    long construction;
    long luoDan;   // P019, account ganbu: responsible
    long heYongqiang; // P017, the lead group's supervisor-assessor
    long chenMing; // P006, account zuzhang: the lead group's leader
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
        title = "催办" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void restoreClock() {
        clock.set(Instant.now());
    }

    @Test
    void aRedLightRemindsTheResponsiblePersonOnceThenEscalatesToTheSupervisorAndTheLeader_WORK7() throws Exception {
        long id = centralItemFivePercentDone();
        clock.set(at(2026, 10, 8, 1)); // 56% planned, 5% done: red
        work.recomputeLights(town);
        reminders.run(town);
        reminders.run(town);
        assertThat(reminders(id)).containsExactly("LIGHT:0:" + luoDan);

        clock.set(at(2026, 10, 9, 1)); // one working day without a report
        reminders.run(town);
        assertThat(reminders(id)).containsExactly("LIGHT:0:" + luoDan, "LIGHT:1:" + heYongqiang);
        clock.set(at(2026, 10, 10, 1)); // Sat 10 Oct 2026 is a working day (调休): two working days
        reminders.run(town);
        reminders.run(town);
        assertThat(reminders(id)).containsExactly("LIGHT:0:" + luoDan, "LIGHT:1:" + heYongqiang, "LIGHT:2:" + chenMing);
    }

    @Test
    void aReportStopsTheEscalation_WORK7() throws Exception {
        long id = centralItemFivePercentDone();
        clock.set(at(2026, 10, 8, 1));
        work.recomputeLights(town);
        reminders.run(town);
        clock.set(at(2026, 10, 8, 10));
        call("ganbu", "/api/work/" + id + "/reports", "{\"percent\": 10, \"text\": \"已协调施工队\"}")
                .andExpect(status().isOk());
        clock.set(at(2026, 10, 12, 1));
        work.recomputeLights(town);
        reminders.run(town);
        assertThat(reminders(id)).containsExactly("LIGHT:0:" + luoDan);
    }

    @Test
    void theInboxShowsOnlyTheSignedInPersonsMessagesAndMarksThemRead_WORK7() throws Exception {
        long id = centralItemFivePercentDone();
        clock.set(at(2026, 10, 8, 1));
        work.recomputeLights(town);
        reminders.run(town);
        clock.set(at(2026, 10, 10, 1));
        reminders.run(town);
        long mine = reminderId(id, 0);
        long leaders = reminderId(id, 2);

        mvc.perform(get("/inbox").with(signedIn.as("ganbu"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("reminder-" + mine)))
                .andExpect(content().string(containsString("「" + title + "」亮红灯")))
                .andExpect(content().string(not(containsString("reminder-" + leaders))));
        mvc.perform(get("/inbox").param("lang", "en").with(signedIn.as("zuzhang"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("reminder-" + leaders)))
                .andExpect(content().string(containsString("Escalated to the leader")))
                .andExpect(content().string(not(containsString("reminder-" + mine))));
        // another person's message is not found, whether marked read or opened
        mvc.perform(post("/inbox/{id}/read", leaders).with(signedIn.as("ganbu")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/inbox/{id}/open", leaders).with(signedIn.as("ganbu")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(isRead(leaders)).isFalse();

        mvc.perform(post("/inbox/{id}/open", mine).with(signedIn.as("ganbu")).with(csrf()))
                .andExpect(redirectedUrl("/work/" + id));
        assertThat(isRead(mine)).isTrue();
        mvc.perform(get("/").with(signedIn.as("zuzhang"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"nav-inbox\"")));
    }

    @Test
    void aFailingSenderKeepsTheInboxMessageAndRecordsTheFailure_WORK7() throws Exception {
        long id = centralItemFivePercentDone();
        clock.set(at(2026, 10, 8, 1));
        work.recomputeLights(town);
        Reminders failing = new Reminders(repository, calendars, methods, organisation, r -> {
            throw new IllegalStateException("短信网关无响应");
        }, messages, clock);
        failing.run(town);
        assertThat(reminders(id)).containsExactly("LIGHT:0:" + luoDan);
        assertThat(jdbc.sql("select send_error from reminder where item_id = :i").param("i", id).query(String.class).single())
                .contains("短信网关无响应");
    }

    @Test
    void aFailedSendIsTriedAgainAtTheNextRunAndSentWhenTheGatewayIsBack_WORK7() throws Exception {
        long id = centralItemFivePercentDone();
        clock.set(at(2026, 10, 8, 1));
        work.recomputeLights(town);
        List<String> texts = new CopyOnWriteArrayList<>();
        Reminders down = new Reminders(repository, calendars, methods, organisation, r -> {
            throw new IllegalStateException("短信网关无响应");
        }, messages, clock);
        Reminders back = new Reminders(repository, calendars, methods, organisation, r -> {
            if (r.itemId() == id) {
                texts.add(r.text());
            }
        }, messages, clock);
        down.run(town);
        back.run(town);

        assertThat(reminders(id)).containsExactly("LIGHT:0:" + luoDan);
        assertThat(texts).singleElement().asString().contains("「" + title + "」亮红灯");
        assertThat(sending(id)).isEqualTo("sent after 2 attempts, error null");
        back.run(town);
        assertThat(texts).hasSize(1);
    }

    @Test
    void aSendThatKeepsFailingIsTriedThreeTimesInAllAndThenLeftInTheInbox_WORK7() throws Exception {
        long id = centralItemFivePercentDone();
        clock.set(at(2026, 10, 8, 1));
        work.recomputeLights(town);
        List<Long> tried = new CopyOnWriteArrayList<>();
        Reminders down = new Reminders(repository, calendars, methods, organisation, r -> {
            if (r.itemId() == id) {
                tried.add(r.reminderId());
            }
            throw new IllegalStateException("短信网关无响应");
        }, messages, clock);
        for (int run = 0; run < 5; run++) {
            down.run(town);
        }

        assertThat(tried).hasSize(Reminders.SEND_ATTEMPTS).containsOnly(reminderId(id, 0));
        assertThat(sending(id)).startsWith("not sent after 3 attempts, error java.lang.IllegalStateException: 短信网关无响应");
        mvc.perform(get("/inbox").with(signedIn.as("ganbu"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("reminder-" + reminderId(id, 0))))
                .andExpect(content().string(containsString("短信/政务平台发送失败")));
    }

    /** How the item's first reminder went out: sent or not, attempts, last error. */
    private String sending(long item) {
        return jdbc.sql("""
                        select case when sent_at is null then 'not sent' else 'sent' end || ' after ' || send_attempts
                               || ' attempts, error ' || coalesce(send_error, 'null')
                        from reminder where item_id = :i and step = 0""")
                .param("i", item).query(String.class).single();
    }

    @Test
    void theNightlyRunDoesNothingWhileAnotherInstanceHoldsTheLock_WORK7() throws Exception {
        long id = centralItemFivePercentDone();
        clock.set(at(2026, 10, 8, 1));
        try (Connection other = dataSource.getConnection(); Statement s = other.createStatement()) {
            s.execute("select pg_advisory_lock(" + NightlyRun.LOCK_KEY + ")");
            try {
                assertThat(nightly.run()).isFalse();
                assertThat(light(id)).isEqualTo("GREEN");
                assertThat(reminders(id)).isEmpty();
            } finally {
                s.execute("select pg_advisory_unlock(" + NightlyRun.LOCK_KEY + ")");
            }
        }
        assertThat(nightly.run()).isTrue();
        assertThat(light(id)).isEqualTo("RED");
        assertThat(reminders(id)).containsExactly("LIGHT:0:" + luoDan);
    }

    @Test
    void theBatchedRecomputationGivesEachItemItsLightAndOneHistoryLine_WORK7() throws Exception {
        // on Thu 8 Oct: ahead of plan, 20 behind, far behind, and one whose deadline passed
        int[] done = {40, 15, 2, 70};
        String[] deadlines = {"2026-10-30", "2026-10-30", "2026-10-16", "2026-09-30"};
        long[] ids = new long[done.length];
        for (int i = 0; i < done.length; i++) {
            ids[i] = routineItem(deadlines[i]);
            call("ganbu", "/api/work/" + ids[i] + "/reports", "{\"percent\": " + done[i] + ", \"text\": \"x\"}");
        }
        clock.set(at(2026, 10, 8, 1));
        work.recomputeLights(town);
        work.recomputeLights(town);
        LightPolicy policy = LightPolicy.of(methods.active(town).map(m -> m.definition()).orElse(null));
        for (int i = 0; i < ids.length; i++) {
            WorkItemRepository.LightInput item = input(ids[i]);
            LightPolicy.Verdict v = policy.evaluate(calendars.calendar(town), item.startDate(), item.deadline(),
                    item.progress(), clock.instant().atZone(WorkingCalendar.CHINA));
            assertThat(light(ids[i])).isEqualTo(v.light().name());
            List<String> history = jdbc.sql("""
                    select from_light || '>' || to_light || ':' || reason || ':' || days_left || '/' || planned || '/'
                           || progress || '/' || behind
                    from work_light_change where item_id = :i order by id""").param("i", ids[i]).query(String.class).list();
            String expected = "GREEN>" + v.light() + ":" + v.reason() + ":" + v.workingDaysLeft() + "/" + v.plannedPercent()
                    + "/" + v.progress() + "/" + v.behind();
            if (v.light() == Light.GREEN) {
                assertThat(history).last().asString().startsWith("NONE>GREEN");
            } else {
                assertThat(history).last().isEqualTo(expected);
            }
        }
        assertThat(List.of(light(ids[0]), light(ids[1]), light(ids[2]), light(ids[3])))
                .containsExactly("GREEN", "YELLOW", "RED", "RED");
    }

    // ------------------------------------------------------------------ helpers

    private WorkItemRepository.LightInput input(long id) {
        return jdbc.sql("select id, start_date, deadline, progress, light from work_item where id = :i")
                .param("i", id).query(WorkItemRepository.LightInput.class).single();
    }

    private long centralItemFivePercentDone() throws Exception {
        long id = create("""
                {"title": "%s", "categoryCode": "central", "source": "MEETING_DECISION", "leadUnitId": %d,
                 "responsiblePersonId": %d, "startDate": "2026-09-21", "deadline": "2026-10-16", "target": "x",
                 "leaderId": %d, "deputyIds": [%d, %d], "supervisorIndex": 0, "assign": true}"""
                .formatted(title, construction, luoDan, chenMing, heYongqiang, person("P018")));
        call("ganbu", "/api/work/" + id + "/acknowledge", "{}").andExpect(status().isOk());
        call("ganbu", "/api/work/" + id + "/documents", "{\"kind\": \"WORK_PLAN\", \"body\": \"方案\"}")
                .andExpect(status().isOk());
        call("ganbu", "/api/work/" + id + "/documents", "{\"kind\": \"RISK_ASSESSMENT\", \"body\": \"评估\"}")
                .andExpect(status().isOk());
        call("ganbu", "/api/work/" + id + "/start", "{}").andExpect(status().isOk());
        call("ganbu", "/api/work/" + id + "/reports", "{\"percent\": 5, \"text\": \"开始\"}").andExpect(status().isOk());
        return id;
    }

    private long routineItem(String deadline) throws Exception {
        long id = create("""
                {"title": "%s", "categoryCode": "routine", "source": "RESIDENT_REQUEST", "leadUnitId": %d,
                 "responsiblePersonId": %d, "startDate": "2026-09-21", "deadline": "%s", "target": "x", "assign": true}"""
                .formatted(title, construction, luoDan, deadline));
        call("ganbu", "/api/work/" + id + "/acknowledge", "{}").andExpect(status().isOk());
        call("ganbu", "/api/work/" + id + "/start", "{}").andExpect(status().isOk());
        return id;
    }

    private List<String> reminders(long item) {
        return jdbc.sql("select reason || ':' || step || ':' || person_id from reminder where item_id = :i order by step, id")
                .param("i", item).query(String.class).list();
    }

    private long reminderId(long item, int step) {
        return jdbc.sql("select id from reminder where item_id = :i and step = :s").param("i", item).param("s", step)
                .query(Long.class).single();
    }

    private boolean isRead(long reminder) {
        return jdbc.sql("select read_at is not null from reminder where id = :i").param("i", reminder)
                .query(Boolean.class).single();
    }

    private String light(long id) {
        return jdbc.sql("select light from work_item where id = :i").param("i", id).query(String.class).single();
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
