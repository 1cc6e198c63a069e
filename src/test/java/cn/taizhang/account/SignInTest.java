package cn.taizhang.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.support.MutableClock;
import cn.taizhang.support.TaizhangTest;
import cn.taizhang.shared.Role;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@TaizhangTest
class SignInTest {

    private static final String PASSWORD = "Lockout#Test1";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired AccountRepository repository;
    @Autowired MutableClock clock;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void demoLeaderSignsInAndReachesHome() throws Exception {
        mvc.perform(formLogin("/login").user("shuji").password("Taizhang@2026"))
                .andExpect(authenticated().withRoles("LEADERSHIP"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aSignedInSessionLivesInPostgresAndExpiresAfterThirtyIdleMinutes() throws Exception {
        mvc.perform(formLogin("/login").user("zhenzhang").password("Taizhang@2026")).andExpect(authenticated());
        Integer idleSeconds = jdbc.sql("""
                        select max_inactive_interval from spring_session where principal_name = 'zhenzhang'
                        order by creation_time desc limit 1""")
                .query(Integer.class).single();
        org.assertj.core.api.Assertions.assertThat(idleSeconds).isEqualTo(30 * 60);
    }

    @Test
    void anonymousVisitorIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilTheLockoutEnds() throws Exception {
        long tenant = repository.findByUsername("shuji").orElseThrow().tenantId();
        accounts.create(tenant, "locktest", "锁定测试", PASSWORD, null, Set.of(Role.LEADERSHIP), null);

        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user("locktest").password("wrong-password"))
                    .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error=bad"));
        }
        // the right password no longer helps while the lock holds
        mvc.perform(formLogin("/login").user("locktest").password(PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error=locked"));

        clock.advance(Duration.ofMinutes(16));
        mvc.perform(formLogin("/login").user("locktest").password(PASSWORD)).andExpect(authenticated());
    }

    @Test
    void securityAdministratorReleasesALockedAccount() throws Exception {
        long tenant = repository.findByUsername("shuji").orElseThrow().tenantId();
        long id = accounts.create(tenant, "unlocktest", "解锁测试", PASSWORD, null, Set.of(Role.LEADERSHIP), null);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user("unlocktest").password("wrong-password"));
        }
        mvc.perform(formLogin("/login").user("unlocktest").password(PASSWORD)).andExpect(unauthenticated());

        accounts.unlock(repository.findByUsername("secadmin").orElseThrow().toCurrentUser(), id, "本人来电核实身份");
        mvc.perform(formLogin("/login").user("unlocktest").password(PASSWORD)).andExpect(authenticated());
    }
}
