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

import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.TenantKind;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.shared.Role;
import cn.taizhang.support.TaizhangTest;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@TaizhangTest
class AccountAdministrationTest {

    private static final String PASSWORD = "Admin#Pages2026";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired AccountUserDetailsService details;
    @Autowired AccountRepository repository;
    @Autowired Accounts accounts;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;

    private RequestPostProcessor as(String username) {
        return user(details.loadUserByUsername(username));
    }

    private long demoTown() {
        return tenants.findByCode("demo-town").orElseThrow().id();
    }

    private static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet() + "x" + System.nanoTime() % 100000;
    }

    private MockHttpServletRequestBuilder newAccount(String username, String password, String tenantId,
                                                     String... roles) {
        return post("/accounts").with(as("secadmin")).with(csrf())
                .param("username", username).param("displayName", "测试 " + username)
                .param("tenantId", tenantId).param("password", password).param("roles", roles);
    }

    private long journalCount(String action, String entityId) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and entity_id = :e")
                .param("a", action).param("e", entityId).query(Long.class).single();
    }

    @Test
    void countySecurityAdminSeesTheCountyAndItsTownshipsButNotAnotherCounty_ORG5() throws Exception {
        Tenant otherCounty = tenants.create(TenantKind.COUNTY, unique("oc"), "另一个县", null);
        Tenant otherTown = tenants.create(TenantKind.TOWNSHIP, unique("ot"), "另一个县某镇", otherCounty.id());
        String outsider = unique("outsider");
        long outsiderId = accounts.create(otherTown.id(), outsider, "外县人员", PASSWORD, null, Set.of(Role.LEADERSHIP), null);

        mvc.perform(get("/accounts").with(as("secadmin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-username=\"shuji\"")))
                .andExpect(content().string(Matchers.containsString("data-username=\"county\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(outsider))));
        mvc.perform(get("/accounts/" + outsiderId).with(as("secadmin"))).andExpect(status().isNotFound());
        mvc.perform(post("/accounts/" + outsiderId + "/unlock").with(as("secadmin")).with(csrf())
                .param("reason", "试探")).andExpect(status().isNotFound());
        // and he cannot create an account there either
        mvc.perform(newAccount(unique("intruder"), PASSWORD, String.valueOf(otherTown.id()), "LEADERSHIP"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("accountForm", "tenantId", "account.tenantUnknown"));
    }

    @Test
    void creatingAnAccountWithAWeakPasswordShowsTheErrorAtTheFieldAndStoresNothing() throws Exception {
        String name = unique("weak");
        mvc.perform(newAccount(name, "short1A", String.valueOf(demoTown()), "LEADERSHIP"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("accountForm", "password", "password.tooShort"))
                .andExpect(content().string(Matchers.containsString("密码至少需要 10 个字符")));
        mvc.perform(newAccount(name, "alllowercaseletters", String.valueOf(demoTown()), "LEADERSHIP"))
                .andExpect(model().attributeHasFieldErrorCode("accountForm", "password", "password.tooSimple"));
        assertThat(repository.exists(name)).isFalse();
    }

    @Test
    void fieldErrorsAreShownInEnglishOnRequest() throws Exception {
        mvc.perform(newAccount("", "short1A", String.valueOf(demoTown()), "LEADERSHIP").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("accountForm", "username"))
                .andExpect(content().string(Matchers.containsString("Enter a user name.")));
        mvc.perform(newAccount(unique("en"), "short1A", String.valueOf(demoTown()), "LEADERSHIP").param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("The password must have at least 10 characters.")));
    }

    @Test
    void anAdministratorRoleBesideAnotherRoleIsRefusedAtTheRoles() throws Exception {
        String name = unique("combo");
        mvc.perform(newAccount(name, PASSWORD, String.valueOf(demoTown()), "AUDIT_ADMIN", "LEADERSHIP"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("accountForm", "roles", "account.adminRolesApart"));
        mvc.perform(newAccount(name, PASSWORD, String.valueOf(demoTown()), "SYSTEM_ADMIN", "SECURITY_ADMIN"))
                .andExpect(model().attributeHasFieldErrorCode("accountForm", "roles", "account.adminRolesApart"));
        assertThat(repository.exists(name)).isFalse();
    }

    @Test
    void theScopeUnitMustBelongToTheAccountsTenant() throws Exception {
        Tenant county = tenants.findByCode("demo-county").orElseThrow();
        Tenant town = tenants.create(TenantKind.TOWNSHIP, unique("st"), "单位测试镇", county.id());
        long townRoot = organisation.createRoot(town.id(), UnitKind.TOWNSHIP, town.code(), town.name()).id();
        String name = unique("leader");

        mvc.perform(newAccount(name, PASSWORD, String.valueOf(demoTown()), "GROUP_LEADER")
                        .param("scopeUnitId", String.valueOf(townRoot)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("accountForm", "scopeUnitId", "account.unitUnknown"));
        mvc.perform(newAccount(name, PASSWORD, String.valueOf(demoTown()), "STAFF").param("personId", "987654"))
                .andExpect(model().attributeHasFieldErrorCode("accountForm", "personId", "account.personUnknown"));
        assertThat(repository.exists(name)).isFalse();

        mvc.perform(newAccount(name, PASSWORD, String.valueOf(town.id()), "GROUP_LEADER")
                        .param("scopeUnitId", String.valueOf(townRoot)))
                .andExpect(status().is3xxRedirection());
        Account created = repository.findByUsername(name).orElseThrow();
        assertThat(created.tenantId()).isEqualTo(town.id());
        assertThat(created.scopeUnitId()).isEqualTo(townRoot);
        assertThat(created.roles()).containsExactly(Role.GROUP_LEADER);
        assertThat(journalCount("account.created", String.valueOf(created.id()))).isEqualTo(1);
    }

    @Test
    void securityAdministratorUnlocksALockedAccountWithAReason() throws Exception {
        String name = unique("locked");
        long id = accounts.create(demoTown(), name, "锁定", PASSWORD, null, Set.of(Role.LEADERSHIP), null);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(name).password("wrong-password"));
        }
        mvc.perform(formLogin("/login").user(name).password(PASSWORD)).andExpect(unauthenticated());
        mvc.perform(get("/accounts").with(as("secadmin")))
                .andExpect(content().string(Matchers.containsString("已锁定")));

        // a reason is required
        mvc.perform(post("/accounts/" + id + "/unlock").with(as("secadmin")).with(csrf()).param("reason", " "))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("unlockForm", "reason"));
        mvc.perform(formLogin("/login").user(name).password(PASSWORD)).andExpect(unauthenticated());

        mvc.perform(post("/accounts/" + id + "/unlock").with(as("secadmin")).with(csrf()).param("reason", "本人来电核实"))
                .andExpect(redirectedUrl("/accounts/" + id));
        mvc.perform(formLogin("/login").user(name).password(PASSWORD)).andExpect(authenticated());
        assertThat(jdbc.sql("select reason from audit_entry where action = 'account.unlocked' and entity_id = :e")
                .param("e", String.valueOf(id)).query(String.class).single()).isEqualTo("本人来电核实");
    }

    @Test
    void aResetPasswordMustBeChangedAtTheNextSignInBeforeAnythingElse() throws Exception {
        String name = unique("reset");
        long id = accounts.create(demoTown(), name, "重置", PASSWORD, null, Set.of(Role.LEADERSHIP), null);

        var reset = mvc.perform(post("/accounts/" + id + "/password-reset").with(as("secadmin")).with(csrf())
                        .param("reason", "本人忘记密码"))
                .andExpect(redirectedUrl("/accounts/" + id)).andReturn();
        String temporary = (String) reset.getFlashMap().get("temporaryPassword");
        assertThat(PasswordPolicy.check(temporary, name).accepted()).isTrue();

        mvc.perform(formLogin("/login").user(name).password(PASSWORD)).andExpect(unauthenticated());
        var signIn = mvc.perform(formLogin("/login").user(name).password(temporary)).andExpect(authenticated())
                .andReturn();
        jakarta.servlet.http.Cookie session = signIn.getResponse().getCookie("SESSION"); // sessions live in PostgreSQL

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/accounts").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/account/password").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("您的密码已由安全管理员重置")));

        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", temporary).param("newPassword", "Chosen#Myself9")
                        .param("repeatPassword", "Chosen#Myself9"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        assertThat(repository.findByUsername(name).orElseThrow().passwordMustChange()).isFalse();
        assertThat(journalCount("account.passwordReset", String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void aSecurityAdministratorCannotChangeHisOwnRoles() throws Exception {
        long self = repository.findByUsername("secadmin").orElseThrow().id();
        mvc.perform(post("/accounts/" + self + "/roles").with(as("secadmin")).with(csrf())
                        .param("roles", "SECURITY_ADMIN", "LEADERSHIP").param("reason", "想多一个角色"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("rolesForm", "roles", "account.cannotEditOwnRoles"));
        assertThat(repository.findByUsername("secadmin").orElseThrow().roles()).containsExactly(Role.SECURITY_ADMIN);
    }

    @Test
    void rolesOfAnotherAccountChangeUnderTheRoleRules() throws Exception {
        String name = unique("roles");
        long id = accounts.create(demoTown(), name, "角色", PASSWORD, null, Set.of(Role.LEADERSHIP), null);
        mvc.perform(post("/accounts/" + id + "/roles").with(as("secadmin")).with(csrf())
                        .param("roles", "AUDIT_ADMIN", "LEADERSHIP").param("reason", "调整"))
                .andExpect(model().attributeHasFieldErrorCode("rolesForm", "roles", "account.adminRolesApart"));
        mvc.perform(post("/accounts/" + id + "/roles").with(as("secadmin")).with(csrf())
                        .param("roles", "DISCIPLINE").param("reason", "调入纪委"))
                .andExpect(redirectedUrl("/accounts/" + id));
        assertThat(repository.findByUsername(name).orElseThrow().roles()).containsExactly(Role.DISCIPLINE);
        assertThat(journalCount("account.rolesChanged", String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void aDisabledAccountCannotSignInAndIsSignedOutAtItsNextRequest() throws Exception {
        String name = unique("off");
        long id = accounts.create(demoTown(), name, "停用", PASSWORD, null, Set.of(Role.LEADERSHIP), null);
        var signIn = mvc.perform(formLogin("/login").user(name).password(PASSWORD)).andExpect(authenticated())
                .andReturn();
        jakarta.servlet.http.Cookie session = signIn.getResponse().getCookie("SESSION"); // sessions live in PostgreSQL

        mvc.perform(post("/accounts/" + id + "/disable").with(as("secadmin")).with(csrf()).param("reason", "调离"))
                .andExpect(redirectedUrl("/accounts/" + id));
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login?error=disabled"));
        mvc.perform(formLogin("/login").user(name).password(PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error=disabled"));

        mvc.perform(post("/accounts/" + id + "/enable").with(as("secadmin")).with(csrf()).param("reason", "调回"))
                .andExpect(redirectedUrl("/accounts/" + id));
        mvc.perform(formLogin("/login").user(name).password(PASSWORD)).andExpect(authenticated());
        assertThat(journalCount("account.disabled", String.valueOf(id))).isEqualTo(1);
        assertThat(journalCount("account.enabled", String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void aSecurityAdministratorCannotDisableHimself() throws Exception {
        long self = repository.findByUsername("secadmin").orElseThrow().id();
        mvc.perform(post("/accounts/" + self + "/disable").with(as("secadmin")).with(csrf()).param("reason", "试试"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("statusForm"));
        assertThat(repository.findByUsername("secadmin").orElseThrow().enabled()).isTrue();
    }
}
