package cn.taizhang.work;

import static cn.taizhang.support.SignedIn.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.account.Accounts;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.TenantKind;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.shared.Role;
import cn.taizhang.support.MutableClock;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Tenant isolation and data scope of work items (ORG-1, ORG-5, LEDGER-1), with guessed ids. */
@TaizhangTest
class WorkAuthorityTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired Accounts accounts;
    @Autowired TenantMethods methods;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    long familyPlanning;  // 计生组 WS-JS: not zuzhang's
    long construction;    // 城建组 WS-CJ
    long tangLiang;       // P024 in 计生组
    long luoDan;          // P019 ganbu, in 城建组
    long liangYu;         // P020 in 城建组

    @BeforeEach
    void setUp() {
        clock.set(WorkTestSupport.at(2026, 9, 1, 9));
        familyPlanning = WorkTestSupport.unit(organisation, tenants, "WS-JS");
        construction = WorkTestSupport.unit(organisation, tenants, "WS-CJ");
        tangLiang = WorkTestSupport.person(organisation, tenants, "P024");
        luoDan = WorkTestSupport.person(organisation, tenants, "P019");
        liangYu = WorkTestSupport.person(organisation, tenants, "P020");
        if (tenants.findByCode("work-other-town").isEmpty()) {
            Tenant county = tenants.create(TenantKind.COUNTY, "work-other-county", "另一县", null);
            Tenant town = tenants.create(TenantKind.TOWNSHIP, "work-other-town", "另一县某镇", county.id());
            organisation.createRoot(town.id(), UnitKind.TOWNSHIP, "WOT", "另一县某镇");
            methods.adoptPreset(town.id(), "wusi");
            accounts.create(town.id(), "workother", "邻镇书记", SignedIn.DEMO_PASSWORD, null, Set.of(Role.LEADERSHIP), null);
        }
    }

    @AfterEach
    void restoreClock() {
        clock.set(Instant.now());
    }

    private long routine(String as, String title, long unit, long responsible) throws Exception {
        String body = """
                {"title": "%s", "categoryCode": "routine", "source": "SUPERIOR_ASSIGNMENT", "leadUnitId": %d,
                 "responsiblePersonId": %d, "startDate": "2026-09-01", "deadline": "2026-09-30",
                 "target": "按时完成", "reportFrequency": "MONTHLY", "assign": true}""".formatted(title, unit, responsible);
        String json = mvc.perform(post("/api/work").with(api(as)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(json.replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1"));
    }

    @Test
    void anotherTownshipCannotReadOrChangeOurItemsByGuessedId_ORG1() throws Exception {
        long id = routine("shuji", "计划生育年度目标", familyPlanning, tangLiang);
        mvc.perform(get("/work/{id}", id).with(signedIn.as("workother"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/work/{id}", id).with(api("workother"))).andExpect(status().isNotFound());
        mvc.perform(post("/work/{id}/cancel", id).param("reason", "猜的").with(signedIn.as("workother")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/work/{id}/queries", id).with(api("workother")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"x\"}")).andExpect(status().isNotFound());
        mvc.perform(get("/api/work").with(api("workother"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
        mvc.perform(get("/work").with(signedIn.as("workother"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("计划生育年度目标"))));
        // and it cannot assign to our people or units
        mvc.perform(post("/api/work").with(api("workother")).contentType(MediaType.APPLICATION_JSON).content("""
                {"title": "越界", "categoryCode": "routine", "source": "SUPERIOR_ASSIGNMENT", "leadUnitId": %d,
                 "responsiblePersonId": %d, "startDate": "2026-09-01", "deadline": "2026-09-30", "target": "x"}"""
                .formatted(familyPlanning, tangLiang)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("leadUnitId"));
        assertThat(jdbc.sql("select state from work_item where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("ASSIGNED");
    }

    @Test
    void groupLeaderSeesHisGroupsItemsAndStaffOnlyTheirOwn_LEDGER1() throws Exception {
        long otherGroup = routine("shuji", "计生专项督查", familyPlanning, tangLiang);
        long ours = routine("shuji", "城建档案整理", construction, liangYu);
        long mine = routine("zuzhang", "国土规划图更新", construction, luoDan);

        // the group leader: his group's items, not another group's
        mvc.perform(get("/work/{id}", ours).with(signedIn.as("zuzhang"))).andExpect(status().isOk());
        mvc.perform(get("/work/{id}", otherGroup).with(signedIn.as("zuzhang"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/work").with(api("zuzhang"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + ours + ")]").isNotEmpty())
                .andExpect(jsonPath("$[?(@.id == " + otherGroup + ")]").isEmpty());
        // staff: only what names them
        mvc.perform(get("/work/{id}", mine).with(signedIn.as("ganbu"))).andExpect(status().isOk());
        mvc.perform(get("/work/{id}", ours).with(signedIn.as("ganbu"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/work").with(api("ganbu"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].responsiblePersonId").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is((int) luoDan))));
        // the discipline office and the leadership: the whole township
        mvc.perform(get("/work/{id}", otherGroup).with(signedIn.as("jiwei"))).andExpect(status().isOk());
        mvc.perform(get("/api/work").with(api("zhenzhang"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + otherGroup + ")]").isNotEmpty())
                .andExpect(jsonPath("$[?(@.id == " + mine + ")]").isNotEmpty());
        // seeing is not changing: staff cannot cancel, the group leader cannot issue supervision opinions
        mvc.perform(post("/api/work/{id}/cancel", mine).with(api("ganbu")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"不想干\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/work/{id}/opinions", ours).with(api("zuzhang")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"measures\":\"加快\",\"until\":\"2026-09-20\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/work/{id}/opinions", ours).with(api("jiwei")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"measures\":\"加快\",\"until\":\"2026-09-20\"}")).andExpect(status().isOk());
        // administrators see no business data
        mvc.perform(get("/api/work").with(api("sysadmin"))).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/work/{id}", ours).with(api("auditadmin"))).andExpect(status().isNotFound());
    }

    @Test
    void staffCannotCreateItems_WORK1() throws Exception {
        mvc.perform(get("/work/new").with(signedIn.as("ganbu"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/work").with(api("ganbu")).contentType(MediaType.APPLICATION_JSON).content("""
                {"title": "自己派活", "categoryCode": "routine", "source": "SUPERIOR_ASSIGNMENT", "leadUnitId": %d,
                 "responsiblePersonId": %d, "startDate": "2026-09-01", "deadline": "2026-09-30", "target": "x"}"""
                .formatted(construction, luoDan))).andExpect(status().isForbidden());
    }
}
