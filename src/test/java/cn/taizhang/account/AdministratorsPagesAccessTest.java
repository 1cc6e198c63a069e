package cn.taizhang.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.support.TaizhangTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** 三员分立: each administrator's pages are his alone; a township leader reaches none of them. */
@TaizhangTest
class AdministratorsPagesAccessTest {

    @Autowired MockMvc mvc;
    @Autowired AccountUserDetailsService accounts;
    @Autowired AccountRepository repository;

    @ParameterizedTest(name = "{0} opens {1}")
    @CsvSource({"sysadmin, /tenants", "secadmin, /accounts", "secadmin, /accounts/new", "auditadmin, /audit"})
    void eachAdministratorReachesHisOwnPage(String username, String path) throws Exception {
        mvc.perform(get(path).with(user(accounts.loadUserByUsername(username))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("style="))));
    }

    @ParameterizedTest(name = "{0} is refused {1}")
    @CsvSource({
            "secadmin, /tenants", "auditadmin, /tenants", "shuji, /tenants", "county, /tenants",
            "sysadmin, /accounts", "auditadmin, /accounts", "shuji, /accounts", "county, /accounts",
            "sysadmin, /accounts/new", "auditadmin, /accounts/1",
            "sysadmin, /audit", "secadmin, /audit", "shuji, /audit", "county, /audit"})
    void everybodyElseIsRefusedWith403(String username, String path) throws Exception {
        mvc.perform(get(path).with(user(accounts.loadUserByUsername(username)))).andExpect(status().isForbidden());
    }

    @ParameterizedTest(name = "{0} changes the own password")
    @CsvSource({"sysadmin", "secadmin", "auditadmin", "shuji", "county"})
    void everySignedInUserReachesTheOwnPasswordPage(String username) throws Exception {
        mvc.perform(get("/account/password").with(user(accounts.loadUserByUsername(username))))
                .andExpect(status().isOk());
    }

    @org.junit.jupiter.api.Test
    void englishPagesComeWithLangEn() throws Exception {
        mvc.perform(get("/accounts").param("lang", "en").with(user(accounts.loadUserByUsername("secadmin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Failed sign-ins")));
    }

    @org.junit.jupiter.api.Test
    void anAccountPageNamesItsPersonAndManagedUnit() throws Exception {
        long id = repository.findByUsername("zuzhang").orElseThrow().id();
        for (String lang : new String[] {"zh_CN", "en"}) {
            mvc.perform(get("/accounts/" + id).param("lang", lang)
                            .with(user(accounts.loadUserByUsername("secadmin"))))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.allOf(Matchers.containsString("陈明"),
                            Matchers.containsString("城建组"), Matchers.not(Matchers.containsString("??")))));
        }
    }
}
