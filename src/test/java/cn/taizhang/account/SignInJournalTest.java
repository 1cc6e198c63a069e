package cn.taizhang.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import cn.taizhang.org.Tenants;
import cn.taizhang.shared.Role;
import cn.taizhang.support.TaizhangTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Sign-ins are journalled for the audit administrator: successes, failures and lockouts. */
@TaizhangTest
class SignInJournalTest {

    private static final String PASSWORD = "Journal#Sign1n";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Tenants tenants;
    @Autowired JdbcClient jdbc;

    private List<String> actionsFor(long accountId) {
        return jdbc.sql("select action from audit_entry where entity_type = 'account' and entity_id = :e "
                        + "and action like 'signin.%' order by id")
                .param("e", String.valueOf(accountId)).query(String.class).list();
    }

    @Test
    void successesFailuresAndTheLockoutAreJournalledWithTheUserName() throws Exception {
        long town = tenants.findByCode("demo-town").orElseThrow().id();
        long id = accounts.create(town, "journalsignin", "登录日志", PASSWORD, null, Set.of(Role.LEADERSHIP), null);

        mvc.perform(formLogin("/login").user("journalsignin").password(PASSWORD));
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user("journalsignin").password("wrong-password"));
        }
        mvc.perform(formLogin("/login").user("journalsignin").password(PASSWORD));

        assertThat(actionsFor(id)).containsExactly("signin.succeeded", "signin.failed", "signin.failed",
                "signin.failed", "signin.failed", "signin.failed", "signin.locked", "signin.failed");
        assertThat(jdbc.sql("select summary from audit_entry where action = 'signin.locked' and entity_id = :e")
                .param("e", String.valueOf(id)).query(String.class).single()).contains("journalsignin");
        assertThat(jdbc.sql("select tenant_id from audit_entry where action = 'signin.succeeded' and entity_id = :e")
                .param("e", String.valueOf(id)).query(Long.class).single()).isEqualTo(town);
    }

    @Test
    void aFailedSignInWithAnUnknownNameIsJournalledToo() throws Exception {
        mvc.perform(formLogin("/login").user("nobody-by-this-name").password("whatever"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'signin.failed' "
                + "and summary like '%nobody-by-this-name%'").query(Long.class).single()).isEqualTo(1);
    }
}
