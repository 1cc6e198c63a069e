package cn.taizhang.work.plan;

import static cn.taizhang.support.SignedIn.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Position;
import cn.taizhang.org.Rank;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.TenantKind;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.support.MutableClock;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Plans, month-start commitments, responsibility letters and research topics through the JSON API
 * (/api/work/plans): the same rules, data scope and translated messages as the pages (issue 3, item 7).
 */
@TaizhangTest
class PlanApiTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    long construction;  // 城建组, zuzhang's group
    long familyPlanning; // 计生组, outside zuzhang's scope
    long chenMing;      // P006 zuzhang
    long heYongqiang;   // P017
    long luoDan;        // P019 ganbu

    @BeforeEach
    void setUp() {
        construction = PlanTestSupport.unit(organisation, tenants, "WS-CJ");
        familyPlanning = PlanTestSupport.unit(organisation, tenants, "WS-JS");
        chenMing = PlanTestSupport.person(organisation, tenants, "P006");
        heYongqiang = PlanTestSupport.person(organisation, tenants, "P017");
        luoDan = PlanTestSupport.person(organisation, tenants, "P019");
    }

    @AfterEach
    void restoreClock() {
        clock.set(Instant.now());
    }

    private ResultActions send(String method, String user, String path, String json) throws Exception {
        var request = switch (method) {
            case "PUT" -> put(path);
            case "DELETE" -> delete(path);
            default -> post(path);
        };
        return mvc.perform(request.with(api(user)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions call(String user, String path, String json) throws Exception {
        return send("POST", user, path, json);
    }

    private static long id(ResultActions r) throws Exception {
        String body = r.andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s)^\\[?\\{\"id\":(\\d+).*$", "$1"));
    }

    private long plan(String user, String json) throws Exception {
        return id(call(user, "/api/work/plans", json).andExpect(status().isCreated()));
    }

    private long line(String user, long plan, String content, String deadline, long unit, long person, Long serves)
            throws Exception {
        return id(call(user, "/api/work/plans/" + plan + "/lines", """
                {"content": "%s", "standard": "验收合格率100%%", "deadline": "%s", "responsibleUnitId": %d,
                 "responsiblePersonId": %d, "supervisingLeaderId": %d, "servesLineId": %s}"""
                .formatted(content, deadline, unit, person, chenMing, serves == null ? "null" : serves))
                .andExpect(status().isCreated()));
    }

    // ------------------------------------------------------------------ plans

    @Test
    void plansAndTheirLinesGoThroughTheApiWithThePagesRules_WORK3_WORK4() throws Exception {
        String s = PlanTestSupport.suffix();
        long town = plan("shuji", """
                {"level": "TOWNSHIP_ANNUAL", "year": 2041, "title": "2041年全镇工作计划%s"}""".formatted(s));
        long townLine = line("shuji", town, "农村人居环境整治" + s, "2041-10-31", construction, chenMing, null);
        long group = plan("zuzhang", """
                {"level": "GROUP_ANNUAL", "year": 2041, "unitId": %d, "title": "城建组2041年工作计划%s"}"""
                .formatted(construction, s));
        long groupLine = line("zuzhang", group, "8个村垃圾日产日清" + s, "2041-09-30", construction, heYongqiang, townLine);

        // the township plan shows its line and how it was decomposed, with names
        mvc.perform(get("/api/work/plans/{id}", town).with(api("ganbu"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.level").value("TOWNSHIP_ANNUAL"))
                .andExpect(jsonPath("$.plan.editable").value(false))
                .andExpect(jsonPath("$.lines[0].line.content").value("农村人居环境整治" + s))
                .andExpect(jsonPath("$.lines[0].line.supervisingLeaderName").value("陈明"))
                .andExpect(jsonPath("$.lines[0].servedBy[0].id").value(groupLine))
                .andExpect(jsonPath("$.lines[0].servedBy[0].responsibleUnitName").value("城建组"));
        mvc.perform(get("/api/work/plans").param("year", "2041").with(api("zuzhang"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", contains((int) town, (int) group)))
                .andExpect(jsonPath("$[1].editable").value(true));

        // a refused rule: the same message as the page, in the caller's language, naming the field
        call("shuji", "/api/work/plans/" + town + "/lines", """
                {"content": "道路硬化", "standard": "通车", "deadline": "2042-01-01", "responsibleUnitId": %d,
                 "responsiblePersonId": %d}""".formatted(construction, chenMing))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("deadline"))
                .andExpect(jsonPath("$.code").value("plan.line.deadline.afterPeriod"))
                .andExpect(jsonPath("$.message").value("完成时限 2042-01-01 晚于计划期（2041）。"));
        mvc.perform(post("/api/work/plans/" + town + "/lines").with(api("shuji")).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"content": "x", "standard": "", "deadline": "2041-06-01"}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("standard"))
                .andExpect(jsonPath("$.message").value(containsString("standard")));
        // a text the page's form would cut off is refused by the service too, not by the database
        call("shuji", "/api/work/plans", """
                {"level": "GROUP_ANNUAL", "year": 2041, "unitId": %d, "title": "%s"}""".formatted(familyPlanning, "长".repeat(201)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("title"))
                .andExpect(jsonPath("$.message").value("内容过长，最多 200 个字。"));

        // 403: staff may not make the township plan, a group leader not another group's
        call("ganbu", "/api/work/plans", """
                {"level": "TOWNSHIP_ANNUAL", "year": 2042, "title": "x%s"}""".formatted(s))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("error.accessDenied"));
        call("ganbu", "/api/work/plans/" + group + "/lines", """
                {"content": "不该有", "standard": "x", "deadline": "2041-05-31", "responsibleUnitId": %d,
                 "responsiblePersonId": %d}""".formatted(construction, luoDan)).andExpect(status().isForbidden());
        // 404: a plan outside the caller's sight, and a plan of another township
        long js = plan("shuji", """
                {"level": "GROUP_ANNUAL", "year": 2041, "unitId": %d, "title": "计生组2041年工作计划%s"}"""
                .formatted(familyPlanning, s));
        mvc.perform(get("/api/work/plans/{id}", js).with(api("zuzhang"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("error.notFound"));
        long other = otherTenantPlan(s);
        mvc.perform(get("/api/work/plans/{id}", other).with(api("shuji"))).andExpect(status().isNotFound());
        call("shuji", "/api/work/plans/" + other + "/lines", """
                {"content": "x", "standard": "x", "deadline": "2041-06-30"}""").andExpect(status().isNotFound());
        // administrators have no business data here
        mvc.perform(get("/api/work/plans").with(api("sysadmin"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from plan_line where plan_id in (:ids)").param("ids", java.util.List.of(town, group, js))
                .query(Long.class).single()).isEqualTo(2);
    }

    /** A township of another tenant with one plan, inserted behind the pages. */
    private long otherTenantPlan(String s) {
        Tenant t = tenants.create(TenantKind.TOWNSHIP, "planapi-other-" + s, "外镇" + s,
                tenants.findByCode("demo-county").map(Tenant::id).orElseThrow());
        OrgUnit root = organisation.createRoot(t.id(), UnitKind.TOWNSHIP, "OT", "外镇" + s);
        organisation.createPerson(DataScope.wholeTenant(t.id()), new Organisation.PersonDetails(root.id(),
                "OT1", "外镇干部", null, Position.STAFF, null, Rank.CLERK, null, null));
        return jdbc.sql("""
                        insert into plan (tenant_id, level, year, unit_id, title, created_by_name, created_at)
                        values (:t, 'TOWNSHIP_ANNUAL', 2041, :u, '外镇计划', 'test', now()) returning id""")
                .param("t", t.id()).param("u", root.id()).query(Long.class).single();
    }

    // ------------------------------------------------------------------ correcting a line

    @Test
    void aLineIsCorrectedWithItsHistoryKeptAndAReasonOnceOthersRelyOnIt() throws Exception {
        String s = PlanTestSupport.suffix();
        long group = plan("zuzhang", """
                {"level": "GROUP_ANNUAL", "year": 2042, "unitId": %d, "title": "城建组2042年工作计划%s"}"""
                .formatted(construction, s));
        long id = line("zuzhang", group, "危房改造" + s, "2042-06-30", construction, heYongqiang, null);
        String moved = """
                {"content": "危房改造%s", "standard": "验收合格率100%%", "deadline": "2042-07-31", "responsibleUnitId": %d,
                 "responsiblePersonId": %d, "supervisingLeaderId": %d, "reason": %s}""";

        // nothing relies on it yet: corrected without a reason; the same checks as adding
        send("PUT", "zuzhang", "/api/work/plans/lines/" + id, moved.formatted(s, construction, luoDan, chenMing, "null"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.line.deadline").value("2042-07-31"))
                .andExpect(jsonPath("$.line.responsiblePersonName").value("罗丹"))
                .andExpect(jsonPath("$.line.revisions").value(1))
                .andExpect(jsonPath("$.revisions[0].changes[*].field", contains("deadline", "person")))
                .andExpect(jsonPath("$.revisions[0].changes[0].before").value("2042-06-30"))
                .andExpect(jsonPath("$.revisions[0].changes[1].before").value("何永强"));
        send("PUT", "zuzhang", "/api/work/plans/lines/" + id, moved.formatted(s, construction, luoDan, chenMing, "null"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("plan.line.unchanged"));
        send("PUT", "zuzhang", "/api/work/plans/lines/" + id,
                moved.replace("2042-07-31", "2043-01-15").formatted(s, construction, luoDan, chenMing, "null"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("deadline"))
                .andExpect(jsonPath("$.message").value("完成时限 2043-01-15 晚于计划期（2042）。"));
        // 403 for a member of the group, 404 outside the caller's sight
        send("PUT", "ganbu", "/api/work/plans/lines/" + id, moved.formatted(s, construction, luoDan, chenMing, "null"))
                .andExpect(status().isForbidden());
        send("PUT", "cunganbu", "/api/work/plans/lines/" + id, moved.formatted(s, construction, luoDan, chenMing, "null"))
                .andExpect(status().isNotFound());

        // carried out as a work item: others rely on it now, a change needs a reason, the item keeps its deadline
        call("zuzhang", "/api/work/plans/lines/" + id + "/item", "{\"categoryCode\": \"routine\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.workItemId").isNumber());
        long item = jdbc.sql("select work_item_id from plan_line where id = :id").param("id", id).query(Long.class).single();
        String later = moved.replace("2042-07-31", "2042-08-31");
        send("PUT", "zuzhang", "/api/work/plans/lines/" + id, later.formatted(s, construction, luoDan, chenMing, "null"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"))
                .andExpect(jsonPath("$.message").value("这一条已转为工作事项或已分解到下级计划，修改须写明原因（留档备查）。"));
        send("PUT", "zuzhang", "/api/work/plans/lines/" + id,
                later.formatted(s, construction, luoDan, chenMing, "\"县里调整了验收时间\""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reasonRequired").value(true))
                .andExpect(jsonPath("$.revisions[1].reason").value("县里调整了验收时间"))
                .andExpect(jsonPath("$.revisions[1].revisedBy").value("陈明"));
        assertThat(jdbc.sql("select deadline::text from work_item where id = :id").param("id", item)
                .query(String.class).single()).isEqualTo("2042-07-31");
        assertThat(jdbc.sql("""
                        select reason || '|' || (before_state ->> 'deadline') || '>' || (after_state ->> 'deadline')
                        from audit_entry where action = 'plan.line.revised' and entity_id = :id order by id desc limit 1""")
                .param("id", String.valueOf(id)).query(String.class).single())
                .isEqualTo("县里调整了验收时间|2042-07-31>2042-08-31");

        // the page: the line with its history for a reader, the form for its managers
        mvc.perform(get("/work/plans/lines/" + id).with(signedIn.as("ganbu"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("县里调整了验收时间")))
                .andExpect(content().string(containsString("修改记录（2）")))
                .andExpect(content().string(not(containsString("id=\"revise-form\""))));
        mvc.perform(PlanTestSupport.form(signedIn, "zuzhang", "/work/plans/lines/" + id + "/revise",
                        "content", "危房改造" + s, "standard", "验收合格率100%", "deadline", "2042-09-30",
                        "responsibleUnitId", String.valueOf(construction), "responsiblePersonId", String.valueOf(luoDan),
                        "supervisingLeaderId", String.valueOf(chenMing), "reason", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("修改须写明原因")));
        mvc.perform(PlanTestSupport.form(signedIn, "zuzhang", "/work/plans/lines/" + id + "/revise",
                        "content", "危房改造" + s, "standard", "验收合格率100%", "deadline", "2042-09-30",
                        "responsibleUnitId", String.valueOf(construction), "responsiblePersonId", String.valueOf(luoDan),
                        "supervisingLeaderId", String.valueOf(chenMing), "reason", "汛期顺延"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/work/plans/" + group).with(signedIn.as("zuzhang")))
                .andExpect(content().string(containsString("已修改 3 次")));
        mvc.perform(PlanTestSupport.form(signedIn, "ganbu", "/work/plans/lines/" + id + "/revise",
                        "content", "x", "standard", "x", "deadline", "2042-09-30", "reason", "x"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from plan_line_revision where line_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(3);
    }

    // ------------------------------------------------------------------ month-start commitments

    @Test
    void commitmentsAreListedSubmittedAndMarkedThroughTheApi_WORK3() throws Exception {
        String s = PlanTestSupport.suffix();
        clock.set(PlanTestSupport.at(2029, 6, 1));
        long fixed = id(call("ganbu", "/api/work/plans/commitments", """
                {"month": "2029-06", "kind": "FIXED", "text": "每周走访东岗村%s"}""".formatted(s))
                .andExpect(status().isCreated()));
        long dynamic = id(call("ganbu", "/api/work/plans/commitments", """
                {"month": "2029-06", "kind": "DYNAMIC", "text": "防汛值班%s"}""".formatted(s))
                .andExpect(status().isCreated()));
        long withdrawn = id(call("ganbu", "/api/work/plans/commitments", """
                {"month": "2029-06", "kind": "DYNAMIC", "text": "撤回的%s"}""".formatted(s)));
        // 403: his leader may not withdraw the member's own commitment
        send("DELETE", "zuzhang", "/api/work/plans/commitments/" + withdrawn, "").andExpect(status().isForbidden());
        send("DELETE", "ganbu", "/api/work/plans/commitments/" + withdrawn, "").andExpect(status().isNoContent());
        call("ganbu", "/api/work/plans/commitments", "{\"month\": \"2029-06\", \"kind\": \"FIXED\", \"text\": \" \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("text"))
                .andExpect(jsonPath("$.message").value("请填写承诺内容。"));
        call("ganbu", "/api/work/plans/commitments", "{\"month\": \"六月\", \"kind\": \"FIXED\", \"text\": \"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("month"));

        call("ganbu", "/api/work/plans/commitments/submit", "{\"month\": \"2029-06\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.submitted").value(true))
                .andExpect(jsonPath("$.items[*].id", contains((int) dynamic, (int) fixed)));
        call("ganbu", "/api/work/plans/commitments/submit", "{\"month\": \"2029-06\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("plan.commitment.submitted"))
                .andExpect(jsonPath("$.message").value("2029-06 的承诺已经提交，不能再改。"));
        // his leader sees the submitted list; a village cadre of another unit does not see it (404)
        mvc.perform(get("/api/work/plans/commitments").param("month", "2029-06").with(api("zuzhang")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.team[?(@.personId == " + luoDan + ")].submitted", contains(true)));
        call("cunganbu", "/api/work/plans/commitments/" + fixed + "/outcome", "{\"outcome\": \"DONE\"}")
                .andExpect(status().isNotFound());

        // from the month's last working day (Fri 29 June 2029) on, marked; not done needs a remark
        call("ganbu", "/api/work/plans/commitments/" + fixed + "/outcome", "{\"outcome\": \"DONE\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("月底才能登记完成情况：从 2029-06-29 起。"));
        clock.set(PlanTestSupport.at(2029, 6, 29));
        call("ganbu", "/api/work/plans/commitments/" + dynamic + "/outcome", "{\"outcome\": \"NOT_DONE\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("remark"));
        call("ganbu", "/api/work/plans/commitments/" + dynamic + "/outcome",
                "{\"outcome\": \"NOT_DONE\", \"remark\": \"汛期未到\"}").andExpect(status().isNoContent());
        call("zuzhang", "/api/work/plans/commitments/" + fixed + "/outcome", "{\"outcome\": \"DONE\"}")
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/work/plans/commitments").param("month", "2029-06").with(api("ganbu")))
                .andExpect(jsonPath("$.monthEndReached").value(true))
                .andExpect(jsonPath("$.mine.items[1].outcome").value("DONE"))
                .andExpect(jsonPath("$.mine.items[1].outcomeBy").value("陈明"))
                .andExpect(jsonPath("$.mine.items[0].remark").value("汛期未到"));
    }

    // ------------------------------------------------------------------ responsibility letters

    @Test
    void lettersAreAcknowledgedLevelByLevelThroughTheApi_WORK5() throws Exception {
        String s = PlanTestSupport.suffix();
        String title = "2043年度组长目标责任书" + s;
        long toChen = id(call("shuji", "/api/work/plans/letters", """
                {"year": 2043, "title": "%s", "body": "一、完成全镇人居环境整治任务……", "addresseeIds": [%d]}"""
                .formatted(title, chenMing)).andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].addresseeName").value("陈明")).andExpect(jsonPath("$[0].acknowledged").value(false)));

        // down a level only after acknowledging his own
        String group = "2043年度城建组组员责任书" + s;
        call("zuzhang", "/api/work/plans/letters", """
                {"year": 2043, "title": "%s", "body": "……", "addresseeIds": [%d]}""".formatted(group, luoDan))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("addresseeIds"))
                .andExpect(jsonPath("$.message").value("请先签收您本人2043年度的责任书，再向下签订（一级抓一级）。"));
        // 403 naming the addressee; 404 for a member of the group who does not see it
        call("shuji", "/api/work/plans/letters/" + toChen + "/acknowledge", "{}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("这份责任书是写给陈明的，只有本人可以签收。"));
        call("ganbu", "/api/work/plans/letters/" + toChen + "/acknowledge", "{}").andExpect(status().isNotFound());
        mvc.perform(get("/api/work/plans/letters/{id}", toChen).with(api("ganbu"))).andExpect(status().isNotFound());

        call("zuzhang", "/api/work/plans/letters/" + toChen + "/acknowledge", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.acknowledged").value(true))
                .andExpect(jsonPath("$.acknowledgedBy").value("陈明 (zuzhang)"))
                .andExpect(jsonPath("$.acknowledgedAt").isNotEmpty());
        call("zuzhang", "/api/work/plans/letters/" + toChen + "/acknowledge", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("plan.letter.already"));
        long toLuo = id(call("zuzhang", "/api/work/plans/letters", """
                {"year": 2043, "title": "%s", "body": "……", "addresseeIds": [%d]}""".formatted(group, luoDan))
                .andExpect(status().isCreated()));
        mvc.perform(get("/api/work/plans/letters").param("year", "2043").with(api("shuji"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + toLuo + ")].parentLetterId", contains((int) toChen)))
                .andExpect(jsonPath("$[?(@.id == " + toLuo + ")].acknowledged", contains(false)))
                .andExpect(jsonPath("$[?(@.id == " + toChen + ")].acknowledgedBy", contains("陈明 (zuzhang)")));
    }

    // ------------------------------------------------------------------ research topics

    @Test
    void topicsAreProposedReviewedConsultedAndCompiledThroughTheApi_WORK8() throws Exception {
        String s = PlanTestSupport.suffix();
        long topic = id(call("ganbu", "/api/work/plans/topics", """
                {"year": 2044, "kind": "KEY", "title": "农村垃圾分类%s", "survey": "走访8个村，座谈3次",
                 "proposal": "年底前实现垃圾分类全覆盖"}""".formatted(s)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("PROPOSED")).andExpect(jsonPath("$.proposerName").value("罗丹")));
        call("ganbu", "/api/work/plans/topics", """
                {"year": 2044, "kind": "KEY", "title": "x", "survey": "", "proposal": "x"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("survey"));
        // 403: only the leadership reviews; a rule refused: adopting before the consultation
        call("ganbu", "/api/work/plans/topics/" + topic + "/review", "{\"toConsultation\": true}")
                .andExpect(status().isForbidden());
        call("shuji", "/api/work/plans/topics/" + topic + "/adopt", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("课题“农村垃圾分类" + s + "”不在征求意见阶段。"));
        call("shuji", "/api/work/plans/topics/" + topic + "/review", "{\"toConsultation\": true, \"note\": \"论证通过\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("IN_CONSULTATION"));
        call("shuji", "/api/work/plans/topics/" + topic + "/adopt", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("plan.topic.noOpinions"));
        call("shuji", "/api/work/plans/topics/" + topic + "/comments", """
                {"commenterName": "王大爷", "commenterRole": "党员群众", "text": "分类桶要放到村口"}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.comments[0].commenterRole").value("党员群众"));
        send("PUT", "ganbu", "/api/work/plans/topics/" + topic, """
                {"kind": "KEY", "title": "农村垃圾分类%s", "survey": "走访8个村，座谈3次",
                 "proposal": "年底前实现垃圾分类全覆盖，分类桶放到村口", "reason": "吸收征求意见"}""".formatted(s))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        call("shuji", "/api/work/plans/topics/" + topic + "/adopt", "{\"note\": \"纳入要点\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ADOPTED"));
        mvc.perform(get("/api/work/plans/topics/key-points").param("year", "2044").with(api("ganbu")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.KEY[*].id", hasItem((int) topic)));
        mvc.perform(get("/api/work/plans/topics/{id}", topic).with(api("zuzhang")))
                .andExpect(jsonPath("$.topic.proposal").value(containsString("分类桶放到村口")))
                .andExpect(jsonPath("$.comments[0].commenterName").value("王大爷"));
        // a topic that does not exist for the caller
        mvc.perform(get("/api/work/plans/topics/{id}", 987654321L).with(api("shuji"))).andExpect(status().isNotFound());
    }
}
