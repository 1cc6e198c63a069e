package cn.taizhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.taizhang.support.TaizhangTest;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every demo account signs in through the real login form and reaches its home page. */
@TaizhangTest
class SignInBrowserTest extends BrowserSupport {

    @ParameterizedTest(name = "{0} signs in as {1}")
    @CsvSource({
            "sysadmin, SYSTEM_ADMIN, 租户",
            "secadmin, SECURITY_ADMIN, 账号",
            "auditadmin, AUDIT_ADMIN, 审计日志",
            "county, COUNTY_ADMIN, 组织机构",
            "shuji, LEADERSHIP, 组织机构",
            "zhenzhang, LEADERSHIP, 组织机构",
            "jiwei, DISCIPLINE, 组织机构",
            "zuzhang, GROUP_LEADER, 人员",
            "ganbu, STAFF, 人员",
            "cunganbu, VILLAGE_CADRE, 人员"})
    void eachRoleReachesItsHomePage(String username, String role, String menuItem) {
        Page page = signIn(username, 1280, 800);
        assertThat(page.locator("[data-role=" + role + "]")).isVisible();
        assertThat(page.locator("nav").getByText(menuItem, new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        screenshot(page, "home-" + username);
        page.context().close();
    }

    @Test
    void wrongPasswordIsRefusedInChinese() {
        Page page = browser.newPage();
        page.navigate(url("/login"));
        page.fill("#username", "shuji");
        page.fill("#password", "not-the-password");
        page.click("button[type=submit]");
        assertThat(page.locator(".alert-danger")).hasText("用户名或密码不正确。");
        page.context().close();
    }

    @Test
    void groupLeaderSeesHisGroupOnAPhone() {
        Page page = signIn("zuzhang", 390, 844);
        page.navigate(url("/org"));
        assertThat(page.locator("#org-tree")).containsText("城建组");
        assertThat(page.locator("#org-tree")).not().containsText("计生组");
        screenshot(page, "phone-org-zuzhang");
        page.context().close();
    }
}
