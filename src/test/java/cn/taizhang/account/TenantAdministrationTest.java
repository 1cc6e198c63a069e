package cn.taizhang.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.TenantKind;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.shared.Role;
import cn.taizhang.support.TaizhangTest;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@TaizhangTest
class TenantAdministrationTest {

    @Autowired MockMvc mvc;
    @Autowired AccountUserDetailsService details;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private RequestPostProcessor sysadmin() {
        return user(details.loadUserByUsername("sysadmin"));
    }

    private long county() {
        return tenants.findByCode("demo-county").orElseThrow().id();
    }

    @Test
    void theTenantPageShowsCountiesWithTheirTownships() throws Exception {
        mvc.perform(get("/tenants").with(sysadmin()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("示范县")))
                .andExpect(content().string(Matchers.containsString("示范县五四镇")));
    }

    @Test
    void creatingATownshipCreatesItsRootUnit_ORG1() throws Exception {
        mvc.perform(post("/tenants").with(sysadmin()).with(csrf())
                        .param("kind", "TOWNSHIP").param("parentId", String.valueOf(county()))
                        .param("code", "new-town").param("name", "新建镇"))
                .andExpect(redirectedUrl("/tenants"));
        Tenant town = tenants.findByCode("new-town").orElseThrow();
        assertThat(town.kind()).isEqualTo(TenantKind.TOWNSHIP);
        assertThat(town.parentId()).isEqualTo(county());
        OrgUnit root = organisation.root(town.id()).orElseThrow();
        assertThat(root.kind()).isEqualTo(UnitKind.TOWNSHIP);
        assertThat(root.name()).isEqualTo("新建镇");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'tenant.created' and entity_id = :e")
                .param("e", String.valueOf(town.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void creatingACountyDepartmentCreatesADepartmentRoot_ORG1() throws Exception {
        mvc.perform(post("/tenants").with(sysadmin()).with(csrf())
                        .param("kind", "DEPARTMENT").param("parentId", String.valueOf(county()))
                        .param("code", "new-dept").param("name", "县委组织部"))
                .andExpect(redirectedUrl("/tenants"));
        Tenant dept = tenants.findByCode("new-dept").orElseThrow();
        assertThat(organisation.root(dept.id()).orElseThrow().kind()).isEqualTo(UnitKind.DEPARTMENT);
    }

    @Test
    void aCountyHasNoRootUnitAndNoParent() throws Exception {
        mvc.perform(post("/tenants").with(sysadmin()).with(csrf())
                        .param("kind", "COUNTY").param("code", "new-county").param("name", "新县"))
                .andExpect(redirectedUrl("/tenants"));
        assertThat(organisation.root(tenants.findByCode("new-county").orElseThrow().id())).isEmpty();

        mvc.perform(post("/tenants").with(sysadmin()).with(csrf())
                        .param("kind", "COUNTY").param("parentId", String.valueOf(county()))
                        .param("code", "county-in-county").param("name", "县中县"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("tenantForm", "parentId", "tenants.countyHasNoParent"));
    }

    @Test
    void aTownshipWithoutCountyOrWithATakenCodeIsRefusedAtTheField() throws Exception {
        mvc.perform(post("/tenants").with(sysadmin()).with(csrf())
                        .param("kind", "TOWNSHIP").param("code", "orphan-town").param("name", "无县镇"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("tenantForm", "parentId", "tenant.townshipNeedsCounty"));
        mvc.perform(post("/tenants").with(sysadmin()).with(csrf())
                        .param("kind", "TOWNSHIP").param("parentId", String.valueOf(county()))
                        .param("code", "demo-town").param("name", "重名镇"))
                .andExpect(model().attributeHasFieldErrorCode("tenantForm", "code", "tenant.codeTaken"));
        mvc.perform(post("/tenants").with(sysadmin()).with(csrf())
                        .param("kind", "TOWNSHIP").param("parentId", String.valueOf(county()))
                        .param("code", "Bad Code").param("name", ""))
                .andExpect(model().attributeHasFieldErrors("tenantForm", "code", "name"));
        assertThat(tenants.findByCode("orphan-town")).isEmpty();
    }

    @Test
    void aDeactivatedTenantsAccountsCannotSignInUntilItIsReactivated() throws Exception {
        Tenant town = tenants.create(TenantKind.TOWNSHIP, "pause-town", "暂停镇", county());
        accounts.create(town.id(), "pauseuser", "暂停镇书记", "Pause#Town2026", null, Set.of(Role.LEADERSHIP), null);
        mvc.perform(formLogin("/login").user("pauseuser").password("Pause#Town2026")).andExpect(authenticated());

        mvc.perform(post("/tenants/" + town.id() + "/deactivate").with(sysadmin()).with(csrf()).param("reason", ""))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("statusForm", "reason"));
        mvc.perform(post("/tenants/" + town.id() + "/deactivate").with(sysadmin()).with(csrf())
                        .param("reason", "乡镇合并"))
                .andExpect(redirectedUrl("/tenants/" + town.id()));
        assertThat(tenants.find(town.id()).orElseThrow().active()).isFalse();
        mvc.perform(formLogin("/login").user("pauseuser").password("Pause#Town2026"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error=disabled"));

        mvc.perform(post("/tenants/" + town.id() + "/reactivate").with(sysadmin()).with(csrf())
                        .param("reason", "撤销合并"))
                .andExpect(redirectedUrl("/tenants/" + town.id()));
        mvc.perform(formLogin("/login").user("pauseuser").password("Pause#Town2026")).andExpect(authenticated());
        assertThat(jdbc.sql("select reason from audit_entry where action = 'tenant.deactivated' and entity_id = :e")
                .param("e", String.valueOf(town.id())).query(String.class).single()).isEqualTo("乡镇合并");
    }

    @Test
    void theSystemAdministratorCannotDeactivateHisOwnTenantOrACountyWithActiveTownships() throws Exception {
        mvc.perform(post("/tenants/" + county() + "/deactivate").with(sysadmin()).with(csrf())
                        .param("reason", "试试"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("statusForm"));
        assertThat(tenants.find(county()).orElseThrow().active()).isTrue();
    }
}
