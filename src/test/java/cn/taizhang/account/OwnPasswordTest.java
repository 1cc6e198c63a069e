package cn.taizhang.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.org.Tenants;
import cn.taizhang.shared.Role;
import cn.taizhang.support.TaizhangTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@TaizhangTest
class OwnPasswordTest {

    private static final String OLD = "Own#Password1";
    private static final String NEW = "Fresh#Password2";

    @Autowired MockMvc mvc;
    @Autowired AccountUserDetailsService details;
    @Autowired Accounts accounts;
    @Autowired Tenants tenants;
    @Autowired JdbcClient jdbc;

    @Test
    void aUserChangesTheOwnPasswordAndTheJournalHoldsNoPassword() throws Exception {
        long town = tenants.findByCode("demo-town").orElseThrow().id();
        long id = accounts.create(town, "ownpw", "改密码", OLD, null, Set.of(Role.LEADERSHIP), null);
        var me = user(details.loadUserByUsername("ownpw"));

        mvc.perform(post("/account/password").with(me).with(csrf())
                        .param("currentPassword", "not-it").param("newPassword", NEW).param("repeatPassword", NEW))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("passwordForm", "currentPassword", "password.currentWrong"));
        mvc.perform(post("/account/password").with(me).with(csrf())
                        .param("currentPassword", OLD).param("newPassword", NEW).param("repeatPassword", NEW + "x"))
                .andExpect(model().attributeHasFieldErrorCode("passwordForm", "repeatPassword", "password.repeatMismatch"));
        mvc.perform(post("/account/password").with(me).with(csrf())
                        .param("currentPassword", OLD).param("newPassword", "ownpw#Abc12345").param("repeatPassword", "ownpw#Abc12345"))
                .andExpect(model().attributeHasFieldErrorCode("passwordForm", "newPassword", "password.containsUsername"));
        mvc.perform(post("/account/password").with(me).with(csrf())
                        .param("currentPassword", OLD).param("newPassword", OLD).param("repeatPassword", OLD))
                .andExpect(model().attributeHasFieldErrorCode("passwordForm", "newPassword", "password.sameAsCurrent"));

        mvc.perform(post("/account/password").with(me).with(csrf())
                        .param("currentPassword", OLD).param("newPassword", NEW).param("repeatPassword", NEW))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("flash", "密码已修改。"));
        mvc.perform(formLogin("/login").user("ownpw").password(NEW)).andExpect(authenticated());

        String journalled = jdbc.sql("""
                select concat(summary, before_state::text, after_state::text, reason) from audit_entry
                where action = 'account.passwordChanged' and entity_id = :e""")
                .param("e", String.valueOf(id)).query(String.class).single();
        assertThat(journalled).doesNotContain(OLD).doesNotContain(NEW);
    }
}
