package cn.taizhang.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenants;
import cn.taizhang.support.MutableClock;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The scoring API in the demo township (wusi): the flow of seed 000, its rules, and who may see what. */
@TaizhangTest
class ScoringApiTest {

    @Autowired MockMvc mvc;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired TenantMethods methods;
    @Autowired ScoreEvents events;
    @Autowired RatingSheets sheets;
    @Autowired Assessments assessments;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired MutableClock clock;

    long town;
    Person luoDan;   // P019, the staff account ganbu, 城建组
    Person gaoLei;   // P018, 城建组
    Person other;    // P031, another group

    @BeforeEach
    void setUp() {
        town = tenants.findByCode("demo-town").orElseThrow().id();
        luoDan = byCode("P019");
        gaoLei = byCode("P018");
        other = byCode("P031");
    }

    private Person byCode(String code) {
        return organisation.people(DataScope.wholeTenant(town), town, null, code, false).stream()
                .filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }

    private static String eventJson(String item, boolean deduct, String points, String reason, long... personIds) {
        StringBuilder subjects = new StringBuilder();
        for (long id : personIds) {
            subjects.append(subjects.isEmpty() ? "" : ",").append("{\"kind\":\"PERSON\",\"id\":").append(id).append('}');
        }
        return "{\"itemCode\":\"" + item + "\",\"subjects\":[" + subjects + "],\"deduct\":" + deduct
                + ",\"points\":" + points + ",\"reason\":\"" + reason + "\"}";
    }

    private JsonNode post200(String user, String path, String body, String key) throws Exception {
        var req = post(path).with(SignedIn.api(user)).contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            req = req.header("Idempotency-Key", key);
        }
        String out = mvc.perform(req).andExpect(status().is2xxSuccessful()).andReturn().getResponse()
                .getContentAsString();
        return json.readTree(out);
    }

    @Test
    void aDeductionOutsideTheItemRangeIsRefusedWithTheReason_SCORE1() throws Exception {
        mvc.perform(post("/api/scoring/events").with(SignedIn.api("zuzhang")).contentType(MediaType.APPLICATION_JSON)
                        .content(eventJson("duty", true, "12", "值班脱岗", luoDan.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("scoring.points.outOfRange"))
                .andExpect(jsonPath("$.field").value("points"))
                .andExpect(jsonPath("$.message", containsString("1—10")));
    }

    @Test
    void aReasonIsRequired_SCORE4() throws Exception {
        mvc.perform(post("/api/scoring/events").with(SignedIn.api("zuzhang")).contentType(MediaType.APPLICATION_JSON)
                        .content(eventJson("duty", true, "2", " ", luoDan.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("scoring.reason.required"));
    }

    @Test
    void theResponsiblePersonProposesTheDisciplineOfficeConfirmsAndMoneyFollowsAsABonusDeduction_SCORE2() throws Exception {
        JsonNode proposed = post200("zuzhang", "/api/scoring/events",
                eventJson("meeting-discipline", true, "3", "周例会迟到", luoDan.id()), null);
        assertThat(proposed.get("state").asString()).isEqualTo("PROPOSED");
        assertThat(proposed.get("methodVersionId").asLong()).isEqualTo(methods.active(town).orElseThrow().id());
        long id = proposed.get("id").asLong();
        // staff cannot confirm; the discipline office does
        mvc.perform(post("/api/scoring/events/" + id + "/confirm").with(SignedIn.api("ganbu"))).andExpect(status().isForbidden());
        JsonNode confirmed = post200("jiwei", "/api/scoring/events/" + id + "/confirm", "", null);
        assertThat(confirmed.get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("decidedBy").asString()).isEqualTo("jiwei");
        assertThat(confirmed.get("bonusDeduction").get("fen").asLong()).isEqualTo(6000); // 3 × 20 yuan
        // the confirmed penalty goes to the black board's draft for its month, traced to this event (BOARD-2)
        assertThat(jdbc.sql("""
                        select i.board_code || '|' || i.status || '|' || e.subject_name || '|' || e.fact
                        from board_entry e join board_issue i on i.id = e.issue_id
                        where e.tenant_id = :t and e.source_module = 'scoring' and e.source_id like :src""")
                .param("t", town).param("src", id + ":PERSON:%").query(String.class).list())
                .containsExactly("black|DRAFT|罗丹|会风会纪：周例会迟到");
        // a second confirmation is refused
        mvc.perform(post("/api/scoring/events/" + id + "/confirm").with(SignedIn.api("jiwei")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("scoring.event.notProposed"));
        // the scored person sees it among the points of her total
        mvc.perform(get("/api/scoring/my-points").with(SignedIn.api("ganbu")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points[?(@.eventId == " + id + ")].reason").value("周例会迟到"));
    }

    @Test
    void aRepeatedSubmissionWithTheSameKeyIsAcceptedOnce() throws Exception {
        String body = eventJson("study", false, "2", "完成专题学习", luoDan.id());
        JsonNode first = post200("zuzhang", "/api/scoring/events", body, "k-study-1");
        JsonNode again = post200("zuzhang", "/api/scoring/events", body, "k-study-1");
        assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(jdbc.sql("select count(*) from score_event where tenant_id = :t and idempotency_key = 'k-study-1'")
                .param("t", town).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void oneEventBindsAllResponsiblePersonsAndEachGetsThePoints_SCORE1() throws Exception {
        JsonNode e = post200("zuzhang", "/api/scoring/events",
                eventJson("task", false, "6", "城建项目按期完工", luoDan.id(), gaoLei.id()), null);
        assertThat(e.get("subjects")).hasSize(2);
        post200("jiwei", "/api/scoring/events/" + e.get("id").asLong() + "/confirm", "", null);
        String year = String.valueOf(LocalDate.now(clock).getYear());
        for (Person p : new Person[] {luoDan, gaoLei}) {
            String out = mvc.perform(get("/api/scoring/explanations/ordinary/" + year + "-H" + (LocalDate.now(clock).getMonthValue() <= 6 ? 1 : 2)
                            + "/PERSON/" + p.id()).with(SignedIn.api("shuji")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(out).contains("城建项目按期完工");
        }
        // an item without bound responsibility takes one subject only
        mvc.perform(post("/api/scoring/events").with(SignedIn.api("zuzhang")).contentType(MediaType.APPLICATION_JSON)
                        .content(eventJson("duty", true, "2", "脱岗", luoDan.id(), gaoLei.id())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("scoring.subjects.onlyOne"));
    }

    @Test
    void aGroupLeaderScoresOnlyWithinHisGroup() throws Exception {
        mvc.perform(post("/api/scoring/events").with(SignedIn.api("zuzhang")).contentType(MediaType.APPLICATION_JSON)
                        .content(eventJson("duty", true, "2", "脱岗", other.id())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("scoring.subject.outsideScope"));
    }

    @Test
    void aDeductionIsAppealedWithinTheWindowAndAnUpheldAppealChangesTheTotalOnlyThroughACorrection_SCORE7() throws Exception {
        long id = post200("zuzhang", "/api/scoring/events", eventJson("attendance", true, "4", "迟到两次", luoDan.id()), null)
                .get("id").asLong();
        post200("jiwei", "/api/scoring/events/" + id + "/confirm", "", null);
        JsonNode appeal = post200("ganbu", "/api/scoring/events/" + id + "/appeals", "{\"reason\":\"其中一次为公务外出，有派车单\"}", null);
        assertThat(appeal.get("windowDays").asInt()).isEqualTo(7);
        assertThat(appeal.get("windowIsDefault").asBoolean()).isTrue();
        // one appeal per event and person
        mvc.perform(post("/api/scoring/events/" + id + "/appeals").with(SignedIn.api("ganbu"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"再次申诉\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("scoring.appeal.already"));
        // the event itself never changes; the upheld appeal creates a correction to -2
        JsonNode decided = post200("shuji", "/api/scoring/appeals/" + appeal.get("id").asLong() + "/decision",
                "{\"upheld\":true,\"reason\":\"派车单属实，核减一次\",\"points\":-2}", null);
        assertThat(decided.get("state").asString()).isEqualTo("UPHELD");
        long correctionId = decided.get("correctionId").asLong();
        JsonNode correction = json.readTree(mvc.perform(get("/api/scoring/events/" + correctionId).with(SignedIn.api("shuji")))
                .andReturn().getResponse().getContentAsString());
        assertThat(correction.get("correctsId").asLong()).isEqualTo(id);
        assertThat(correction.get("points").decimalValue()).isEqualByComparingTo("-2");
        JsonNode original = json.readTree(mvc.perform(get("/api/scoring/events/" + id).with(SignedIn.api("shuji")))
                .andReturn().getResponse().getContentAsString());
        assertThat(original.get("points").decimalValue()).isEqualByComparingTo("-4");
        String mine = mvc.perform(get("/api/scoring/my-points").with(SignedIn.api("ganbu"))).andReturn().getResponse()
                .getContentAsString();
        JsonNode line = null;
        for (JsonNode n : json.readTree(mine).get("points")) {
            if (n.get("eventId").asLong() == id) {
                line = n;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("effective").decimalValue()).isEqualByComparingTo("-2");
    }

    @Test
    void anAppealAfterTheWindowIsRefused_SCORE7() throws Exception {
        long id = post200("zuzhang", "/api/scoring/events", eventJson("leave", true, "1", "请假未报备", luoDan.id()), null)
                .get("id").asLong();
        post200("jiwei", "/api/scoring/events/" + id + "/confirm", "", null);
        clock.advance(Duration.ofDays(8));
        try {
            mvc.perform(post("/api/scoring/events/" + id + "/appeals").with(SignedIn.api("ganbu"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"不服\"}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("scoring.appeal.windowClosed"));
        } finally {
            clock.advance(Duration.ofDays(-8));
        }
    }

    @Test
    void aCorrectionWithoutAReasonIsRefused_SCORE3() throws Exception {
        long id = post200("zuzhang", "/api/scoring/events", eventJson("duty", true, "2", "脱岗", luoDan.id()), null)
                .get("id").asLong();
        post200("jiwei", "/api/scoring/events/" + id + "/confirm", "", null);
        mvc.perform(post("/api/scoring/events/" + id + "/corrections").with(SignedIn.api("shuji"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"points\":0,\"reason\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("scoring.reason.required"));
        mvc.perform(post("/api/scoring/events/" + id + "/corrections").with(SignedIn.api("jiwei"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"points\":0,\"reason\":\"撤销\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anotherTownshipsEventIsNotFoundAndStaffSeeOnlyTheirOwnPoints() throws Exception {
        Township elsewhere = new Township("wusi", tenants, methods, organisation, events, sheets, assessments);
        var unit = elsewhere.unit(cn.taizhang.org.UnitKind.OFFICE, "办公室");
        Person stranger = elsewhere.person(unit, "外镇人");
        ScoreEvent foreign = elsewhere.scored("duty", LocalDate.now(clock).minusDays(1), "-1", "外镇的扣分", Township.of(stranger));
        mvc.perform(get("/api/scoring/events/" + foreign.id()).with(SignedIn.api("shuji"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/scoring/events/" + foreign.id() + "/confirm").with(SignedIn.api("jiwei")))
                .andExpect(status().isNotFound());
        String year = String.valueOf(LocalDate.now(clock).getYear());
        mvc.perform(get("/api/scoring/explanations/total/" + year + "/PERSON/" + stranger.id()).with(SignedIn.api("shuji")))
                .andExpect(status().isNotFound());
        // staff: own explanation yes, a colleague's no, rankings no
        mvc.perform(get("/api/scoring/explanations/total/" + year + "/PERSON/" + luoDan.id()).with(SignedIn.api("ganbu")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/scoring/explanations/total/" + year + "/PERSON/" + gaoLei.id()).with(SignedIn.api("ganbu")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/scoring/rankings/total/" + year).with(SignedIn.api("ganbu"))).andExpect(status().isForbidden());
    }

    @Test
    void aSecondSheetByTheSameRaterIsRefusedAndARaterOutsideTheGroupsToo() throws Exception {
        String cycle = LocalDate.now(clock).getYear() + "-" + String.format("%02d", LocalDate.now(clock).getMonthValue());
        String sheet = "{\"assessmentCode\":\"monthly\",\"componentCode\":\"draw\",\"cycle\":\"" + cycle
                + "\",\"raterKind\":\"BALLOT\",\"raterRef\":\"票-001\",\"raterGroup\":\"attendees\","
                + "\"ratee\":{\"kind\":\"PERSON\",\"id\":" + gaoLei.id() + "},\"score\":88}";
        post200("jiwei", "/api/scoring/sheets", sheet, null);
        mvc.perform(post("/api/scoring/sheets").with(SignedIn.api("jiwei")).contentType(MediaType.APPLICATION_JSON).content(sheet))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("scoring.sheet.duplicate"))
                .andExpect(jsonPath("$.message", containsString("不能重复评分")));
        mvc.perform(post("/api/scoring/sheets").with(SignedIn.api("jiwei")).contentType(MediaType.APPLICATION_JSON)
                        .content(sheet.replace("attendees", "leadership").replace("票-001", "票-002")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("scoring.sheet.raterNotInGroup"));
        mvc.perform(post("/api/scoring/sheets").with(SignedIn.api("jiwei")).contentType(MediaType.APPLICATION_JSON)
                        .content(sheet.replace("票-001", "票-003").replace("88", "120")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("scoring.sheet.scoreOutOfRange"));
    }

    @Test
    void theRankingIsRunAndKeptOnRecord() throws Exception {
        String year = String.valueOf(LocalDate.now(clock).getYear());
        JsonNode run = post200("shuji", "/api/scoring/runs", "{\"target\":\"total\",\"cycle\":\"" + year + "\"}", null);
        assertThat(run.get("ranking").get("rows").size()).isGreaterThan(50);
        assertThat(jdbc.sql("select count(*) from assessment_run where tenant_id = :t and id = :id")
                .param("t", town).param("id", run.get("id").asLong()).query(Long.class).single()).isEqualTo(1);
    }
}
