package cn.taizhang.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.org.DataScope;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenants;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deduction on the black board in its notice period: the person named objects, the objection is
 * filed as the appeal of the score (SCORE-7), and the leadership's decision of the appeal settles
 * the objection on the board — it cannot be decided twice, once on each side.
 */
@TaizhangTest
class BoardObjectionAppealTest {

    @Autowired MockMvc mvc;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    long town;
    long luoDan; // P019, the staff account ganbu

    @BeforeEach
    void setUp() {
        town = tenants.findByCode("demo-town").orElseThrow().id();
        luoDan = organisation.people(DataScope.wholeTenant(town), town, null, "P019", false).stream()
                .filter(p -> p.code().equals("P019")).findFirst().orElseThrow().id();
    }

    @Test
    void anUpheldAppealWithdrawsTheEntryItCameFrom() throws Exception {
        Objected o = deductionInNotice();
        // the board refuses to decide it: the appeal does
        mvc.perform(post("/api/boards/issues/" + o.issueId + "/objections/" + o.objectionId + "/resolve")
                        .with(SignedIn.api("shuji")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"DISMISSED\",\"resolution\":\"不成立\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("board.objection.linked"));

        call("shuji", "/api/scoring/appeals/" + o.appealId + "/decision",
                "{\"upheld\":true,\"reason\":\"当日经批准请假，迟到不成立\",\"points\":0}");
        JsonNode issue = read("jiwei", "/api/boards/issues/" + o.issueId);
        JsonNode objection = find(issue.get("objections"), "id", o.objectionId);
        assertThat(objection.get("status").asString()).isEqualTo("UPHELD");
        assertThat(objection.get("resolution").asString()).isEqualTo("申诉成立：当日经批准请假，迟到不成立");
        JsonNode entry = find(issue.get("entries"), "id", o.entryId);
        assertThat(entry.get("withdrawn").asBoolean()).isTrue();
    }

    @Test
    void aDismissedAppealKeepsTheEntryAndReleasesThePublication() throws Exception {
        Objected o = deductionInNotice();
        call("shuji", "/api/scoring/appeals/" + o.appealId + "/decision", "{\"upheld\":false,\"reason\":\"签到记录属实\"}");
        JsonNode issue = read("jiwei", "/api/boards/issues/" + o.issueId);
        JsonNode objection = find(issue.get("objections"), "id", o.objectionId);
        assertThat(objection.get("status").asString()).isEqualTo("DISMISSED");
        assertThat(find(issue.get("entries"), "id", o.entryId).get("withdrawn").asBoolean()).isFalse();
        assertThat(jdbc.sql("select count(*) from board_objection where issue_id = :i and status = 'OPEN'")
                .param("i", o.issueId).query(Long.class).single()).as("nothing open blocks publication").isZero();
    }

    @Test
    void anObjectionToARewardStaysAMatterOfTheBoard() throws Exception {
        long event = confirmedEvent(false, "2", "协助完成防汛值守 " + UUID.randomUUID());
        long issueId = draftHolding(event);
        call("jiwei", "/api/boards/issues/" + issueId + "/submit", "");
        call("shuji", "/api/boards/issues/" + issueId + "/notice", "");
        long entryId = entryOf(issueId, event);
        JsonNode objection = call("ganbu", "/api/boards/issues/" + issueId + "/objections",
                "{\"entryId\":" + entryId + ",\"text\":\"加分事实表述不完整\"}");
        assertThat(jdbc.sql("select linked_module from board_objection where id = :id")
                .param("id", objection.get("id").asLong()).query(String.class).optional()).isEmpty();
        // the board decides it as before
        call("shuji", "/api/boards/issues/" + issueId + "/objections/" + objection.get("id").asLong() + "/resolve",
                "{\"outcome\":\"DISMISSED\",\"resolution\":\"表述无误\"}");
    }

    private record Objected(long issueId, long entryId, long objectionId, long appealId) {
    }

    /** A confirmed deduction of 罗丹 on the black board in its notice period, and her objection to it. */
    private Objected deductionInNotice() throws Exception {
        long event = confirmedEvent(true, "3", "周例会迟到 " + UUID.randomUUID());
        long issueId = draftHolding(event);
        call("jiwei", "/api/boards/issues/" + issueId + "/submit", "");
        call("shuji", "/api/boards/issues/" + issueId + "/notice", "");
        long entryId = entryOf(issueId, event);
        JsonNode objection = call("ganbu", "/api/boards/issues/" + issueId + "/objections",
                "{\"entryId\":" + entryId + ",\"text\":\"当天经组长批准请假\"}");
        assertThat(objection.get("status").asString()).isEqualTo("OPEN");

        JsonNode appeal = read("ganbu", "/api/scoring/events/" + event + "/appeals").get(0);
        assertThat(appeal.get("state").asString()).isEqualTo("FILED");
        assertThat(appeal.get("boardObjectionId").asLong()).isEqualTo(objection.get("id").asLong());
        assertThat(appeal.get("reason").asString()).contains("当天经组长批准请假").contains("公示期异议");
        String issueCode = read("jiwei", "/api/boards/issues/" + issueId).get("code").asString();
        assertThat(appeal.get("boardIssueCode").asString()).isEqualTo(issueCode);
        assertThat(jdbc.sql("select linked_module || '/' || linked_id from board_objection where id = :id")
                .param("id", objection.get("id").asLong()).query(String.class).single())
                .isEqualTo("scoring/appeal:" + appeal.get("id").asLong());
        return new Objected(issueId, entryId, objection.get("id").asLong(), appeal.get("id").asLong());
    }

    private long confirmedEvent(boolean deduct, String points, String reason) throws Exception {
        String item = deduct ? "meeting-discipline" : "collective";
        JsonNode proposed = call("zuzhang", "/api/scoring/events", "{\"itemCode\":\"" + item + "\",\"subjects\":"
                + "[{\"kind\":\"PERSON\",\"id\":" + luoDan + "}],\"deduct\":" + deduct + ",\"points\":" + points
                + ",\"reason\":\"" + reason + "\"}");
        long id = proposed.get("id").asLong();
        call("jiwei", "/api/scoring/events/" + id + "/confirm", "");
        return id;
    }

    private long draftHolding(long event) {
        return jdbc.sql("select issue_id from board_entry where tenant_id = :t and source_id = :s")
                .param("t", town).param("s", event + ":PERSON:" + luoDan).query(Long.class).single();
    }

    private long entryOf(long issueId, long event) {
        return jdbc.sql("select id from board_entry where issue_id = :i and source_id = :s")
                .param("i", issueId).param("s", event + ":PERSON:" + luoDan).query(Long.class).single();
    }

    private JsonNode call(String user, String path, String body) throws Exception {
        String out = mvc.perform(post(path).with(SignedIn.api(user)).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
        return out.isEmpty() ? null : json.readTree(out);
    }

    private JsonNode read(String user, String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(SignedIn.api(user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private static JsonNode find(JsonNode array, String field, long value) {
        for (JsonNode n : array) {
            if (n.get(field).asLong() == value) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }
}
