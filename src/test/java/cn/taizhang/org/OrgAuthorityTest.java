package cn.taizhang.org;

import static cn.taizhang.support.SignedIn.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.account.Accounts;
import cn.taizhang.shared.Role;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Tenant isolation and data scope (ORG-5) on pages and the API, with guessed ids. */
@TaizhangTest
class OrgAuthorityTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired Accounts accounts;
    @Autowired UnitRepository units;
    @Autowired PersonRepository people;

    Tenant demoTown;
    OrgUnit construction;   // 城建组, led by the demo group leader
    OrgUnit familyPlanning; // 计生组
    Person constructionMember;
    Person familyPlanningMember;

    @BeforeEach
    void setUp() {
        demoTown = tenants.findByCode("demo-town").orElseThrow();
        construction = units.findByCode(demoTown.id(), "WS-CJ").orElseThrow();
        familyPlanning = units.findByCode(demoTown.id(), "WS-JS").orElseThrow();
        constructionMember = people.findByCode(demoTown.id(), "P020").orElseThrow();
        familyPlanningMember = people.findByCode(demoTown.id(), "P024").orElseThrow();
        if (tenants.findByCode("other-town").isEmpty()) {
            Tenant county = tenants.create(TenantKind.COUNTY, "other-county", "邻县", null);
            Tenant town = tenants.create(TenantKind.TOWNSHIP, "other-town", "邻县某镇", county.id());
            organisation.createRoot(town.id(), UnitKind.TOWNSHIP, "OT", "邻县某镇");
            accounts.create(town.id(), "otherleader", "邻镇书记", SignedIn.DEMO_PASSWORD, null, Set.of(Role.LEADERSHIP), null);
            accounts.create(county.id(), "othercounty", "邻县管理员", SignedIn.DEMO_PASSWORD, null, Set.of(Role.COUNTY_ADMIN), null);
        }
    }

    @Test
    void anotherTownshipsLeaderCannotReadOrChangeOurUnitsOrPeople_ORG1() throws Exception {
        mvc.perform(get("/org/units/{id}", construction.id()).with(signedIn.as("otherleader"))).andExpect(status().isNotFound());
        mvc.perform(get("/org/people/{id}", constructionMember.id()).with(signedIn.as("otherleader"))).andExpect(status().isNotFound());
        mvc.perform(get("/org").param("tenant", String.valueOf(demoTown.id())).with(signedIn.as("otherleader")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/org/people/{id}/deactivate", constructionMember.id()).param("reason", "guess")
                .with(signedIn.as("otherleader")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/api/org/units/{id}", construction.id()).with(api("otherleader"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/org/people/{id}", constructionMember.id()).with(api("otherleader"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/org/people").param("tenant", String.valueOf(demoTown.id())).with(api("otherleader")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/org/units").with(api("otherleader")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":" + construction.id() + ",\"kind\":\"GROUP\",\"code\":\"X1\",\"name\":\"入侵组\"}"))
                .andExpect(status().isNotFound());
        // its own tree shows only its own root
        mvc.perform(get("/api/org/units").with(api("otherleader")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].code").value("OT"));
        assertThat(people.find(demoTown.id(), constructionMember.id()).orElseThrow().active()).isTrue();
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * The person search reads the tenant's own people in the tenant's own units only: not another
     * tenant's people with the same code, not a subtree of another tenant, and not even a person
     * whose unit (by a fault in the data) belonged to another tenant.
     */
    @Test
    void thePersonSearchReadsTheTenantsOwnRowsOnly_ORG1() {
        long stamp = System.nanoTime() % 1_000_000;
        Tenant county = tenants.create(TenantKind.COUNTY, "iso-c-" + stamp, "甲乙县", null);
        Tenant a = tenants.create(TenantKind.TOWNSHIP, "iso-a-" + stamp, "甲镇", county.id());
        Tenant b = tenants.create(TenantKind.TOWNSHIP, "iso-b-" + stamp, "乙镇", county.id());
        OrgUnit rootA = organisation.createRoot(a.id(), UnitKind.TOWNSHIP, "IA" + stamp, "甲镇");
        OrgUnit rootB = organisation.createRoot(b.id(), UnitKind.TOWNSHIP, "IB" + stamp, "乙镇");
        OrgUnit groupA = organisation.createUnit(DataScope.wholeTenant(a.id()), rootA.id(), UnitKind.GROUP, "IA-G", "综治组", 0);
        OrgUnit groupB = organisation.createUnit(DataScope.wholeTenant(b.id()), rootB.id(), UnitKind.GROUP, "IB-G", "综治组", 0);
        Person inA = organisation.createPerson(DataScope.wholeTenant(a.id()), new Organisation.PersonDetails(groupA.id(),
                "ISO1", "张同名", null, Position.STAFF, null, Rank.CLERK, null, null));
        Person inB = organisation.createPerson(DataScope.wholeTenant(b.id()), new Organisation.PersonDetails(groupB.id(),
                "ISO1", "张同名", null, Position.STAFF, null, Rank.CLERK, null, null));
        assertThat(people.search(a.id(), null, null, null, false)).extracting(Person::id).containsExactly(inA.id());
        assertThat(people.search(b.id(), null, null, "张同名", false)).extracting(Person::id).containsExactly(inB.id());
        assertThat(people.search(a.id(), groupA.path(), null, null, false)).extracting(Person::id)
                .containsExactly(inA.id());
        assertThat(people.search(b.id(), groupA.path(), null, null, false)).isEmpty();
        assertThat(people.search(a.id(), null, inB.id(), null, false)).isEmpty();
        // a person of A pointed at B's unit (a fault the foreign key alone does not prevent) is not listed in A
        jdbc.sql("update person set unit_id = :u where tenant_id = :t and id = :id").param("u", groupB.id())
                .param("t", a.id()).param("id", inA.id()).update();
        assertThat(people.search(a.id(), null, null, null, false)).isEmpty();
        assertThat(people.search(b.id(), null, null, null, false)).extracting(Person::id).containsExactly(inB.id());
    }

    @Test
    void anotherCountysAdministratorCannotReachOurTownship_ORG1() throws Exception {
        mvc.perform(get("/api/org/units").param("tenant", String.valueOf(demoTown.id())).with(api("othercounty")))
                .andExpect(status().isNotFound());
        // while our county's administrator can
        mvc.perform(get("/api/org/units").param("tenant", String.valueOf(demoTown.id())).with(api("county")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].code").value("WS"));
    }

    @Test
    void groupLeaderSeesAndEditsOnlyHisGroup_ORG5() throws Exception {
        mvc.perform(get("/api/org/people").with(api("zuzhang")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].unitId").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is((int) construction.id()))));
        mvc.perform(get("/api/org/units/{id}", familyPlanning.id()).with(api("zuzhang"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/org/people/{id}", familyPlanningMember.id()).with(api("zuzhang"))).andExpect(status().isNotFound());

        String change = """
                {"version": %d, "reason": "更正职务名称",
                 "details": {"unitId": %d, "code": "%s", "name": "%s", "position": "STAFF", "title": "%s", "rank": "CLERK"}}""";
        mvc.perform(put("/api/org/people/{id}", constructionMember.id()).with(api("zuzhang"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted(constructionMember.version(), construction.id(), constructionMember.code(),
                                constructionMember.name(), "环保专干（兼安全员）")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.title").value("环保专干（兼安全员）"));
        mvc.perform(put("/api/org/people/{id}", familyPlanningMember.id()).with(api("zuzhang"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted(familyPlanningMember.version(), familyPlanning.id(),
                                familyPlanningMember.code(), familyPlanningMember.name(), "越权修改")))
                .andExpect(status().isNotFound());
        // a group leader manages people, not the tree
        mvc.perform(post("/api/org/units").with(api("zuzhang")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":" + construction.id() + ",\"kind\":\"GROUP\",\"code\":\"X2\",\"name\":\"子组\"}"))
                .andExpect(status().isForbidden());
        assertThat(people.find(demoTown.id(), familyPlanningMember.id()).orElseThrow().title()).isEqualTo("计生干事");
    }

    @Test
    void staffSeeOnlyThemselves_ORG5() throws Exception {
        Person self = people.findByCode(demoTown.id(), "P019").orElseThrow();
        mvc.perform(get("/api/org/people").with(api("ganbu")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].name").value(self.name()));
        mvc.perform(get("/api/org/people/{id}", constructionMember.id()).with(api("ganbu"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/org/units/{id}", construction.id()).with(api("ganbu"))).andExpect(status().isNotFound());
        mvc.perform(get("/org").with(signedIn.as("ganbu"))).andExpect(redirectedUrl("/org/people/" + self.id()));
        mvc.perform(get("/org/people/{id}", self.id()).with(signedIn.as("ganbu"))).andExpect(status().isOk());
    }

    @Test
    void disciplineOfficeSeesAcrossTheTownshipButChangesNothing_ORG5() throws Exception {
        mvc.perform(get("/api/org/people").with(api("jiwei")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThan(55)));
        mvc.perform(post("/org/people/{id}/deactivate", familyPlanningMember.id()).param("reason", "测试")
                .with(signedIn.as("jiwei")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void aTenantCannotTakeTheNameOfAPublicPage() {
        Tenant county = tenants.findByCode("demo-county").orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tenants.create(TenantKind.TOWNSHIP, "verify", "核验镇", county.id()))
                .isInstanceOf(cn.taizhang.shared.DomainException.class).hasMessageContaining("tenant.codeReserved");
    }

    @Test
    void administratorsSeeNoBusinessData() throws Exception {
        mvc.perform(get("/api/org/people").with(api("sysadmin"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/org/units/{id}", construction.id()).with(api("auditadmin"))).andExpect(status().isNotFound());
    }
}
