package cn.taizhang.portal;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Each role's home page shows what that person works with first. */
@TaizhangTest
class HomePageTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;

    @Test
    void theSecretarySeesTheTownshipsMethodAndOrganisation() throws Exception {
        mvc.perform(get("/").with(signedIn.as("shuji")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("示范县五四镇"), containsString("五四工作法"),
                        containsString("查看方法卡"), containsString("党委书记"))));
    }

    @Test
    void theTownshipsPeopleReachEveryModuleFromTheMenu() throws Exception {
        for (String user : new String[] {"shuji", "jiwei", "ganbu"}) {
            mvc.perform(get("/").with(signedIn.as(user)))
                    .andExpect(content().string(allOf(containsString("href=\"/work\""),
                            containsString("href=\"/scoring\""), containsString("href=\"/boards\""),
                            containsString("href=\"/org\""), containsString("href=\"/method\""))));
        }
    }

    @Test
    void eachAdministratorsMenuShowsHisOwnTaskOnlyAndNoBusinessModule() throws Exception {
        String[][] menus = {{"sysadmin", "/tenants"}, {"secadmin", "/accounts"}, {"auditadmin", "/audit"}};
        for (String[] menu : menus) {
            String own = "href=\"" + menu[1] + "\"";
            var others = java.util.Arrays.stream(menus).filter(m -> m != menu)
                    .map(m -> not(containsString("href=\"" + m[1] + "\""))).toList();
            mvc.perform(get("/").with(signedIn.as(menu[0])))
                    .andExpect(content().string(allOf(containsString(own), others.get(0), others.get(1),
                            not(containsString("href=\"/work\"")), not(containsString("href=\"/scoring\"")))));
        }
        mvc.perform(get("/").with(signedIn.as("shuji")))
                .andExpect(content().string(allOf(not(containsString("href=\"/tenants\"")),
                        not(containsString("href=\"/accounts\"")), not(containsString("href=\"/audit\"")))));
    }

    @Test
    void theGroupLeaderSeesHisGroup() throws Exception {
        mvc.perform(get("/").with(signedIn.as("zuzhang")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("城建组")));
    }

    @Test
    void theAuditAdministratorSeesHisTaskAndNoBusinessData() throws Exception {
        mvc.perform(get("/").with(signedIn.as("auditadmin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("审计日志"), not(containsString("五四工作法")))));
    }

    @Test
    void homePagesRenderInEnglish() throws Exception {
        for (String user : new String[] {"shuji", "ganbu", "sysadmin"}) {
            mvc.perform(get("/").param("lang", "en").with(signedIn.as(user)))
                    .andExpect(status().isOk()).andExpect(content().string(not(containsString("??"))));
        }
    }
}
