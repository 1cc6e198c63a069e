package cn.taizhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.taizhang.board.BoardDrafts;
import cn.taizhang.board.BoardEntry;
import cn.taizhang.board.Proposal;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.Tenants;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.support.MutableClock;
import cn.taizhang.support.TaizhangTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A month's red board from handed-over results to a resident's phone, in Chromium (BOARD-4). */
@TaizhangTest
class BoardBrowserTest extends BrowserSupport {

    @Autowired BoardDrafts drafts;
    @Autowired Tenants tenants;
    @Autowired TenantMethods methods;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService users;

    @Test
    void theTownshipPublishesItsRedBoardAndAResidentReadsItOnAPhone() {
        long town = tenants.findByCode("demo-town").orElseThrow().id();
        if (methods.active(town).map(v -> !v.code().equals("wusi")).orElse(true)) {
            methods.adoptPreset(town, "wusi");
        }
        long luoDan = ((CurrentUser.Holder) users.loadUserByUsername("ganbu")).currentUser().personId();
        Proposal p = drafts.propose(town, "red", "2026-12-15", List.of(
                BoardEntry.person(luoDan, "罗丹", "国土规划员", "提前10天完成全镇地类变更调查", new BigDecimal("5"), null,
                        "scoring", "browser-1"),
                BoardEntry.unit("东岗村", "村", "冬季森林防火零火情，群众满意度第一", new BigDecimal("3"), null, "scoring",
                        "browser-2")));
        Instant started = clock.instant();
        try {
            Page shuji = signIn("shuji", 1280, 900);
            shuji.navigate(url("/boards/issues/" + p.issueId()));
            shuji.click("text=提交审核");
            assertThat(shuji.locator(".alert-success")).containsText("已提交审核");
            shuji.click("text=审核通过，开始公示");
            assertThat(shuji.locator(".alert-success")).containsText("公示期开始");
            screenshot(shuji, "board-issue-in-notice");
            shuji.context().close();

            clock.advance(Duration.ofDays(3).plusMinutes(1));
            Page jiwei = signIn("jiwei", 1280, 900);
            jiwei.navigate(url("/boards/issues/" + p.issueId()));
            jiwei.click("text=发布并封存");
            assertThat(jiwei.locator(".alert-success")).containsText("已发布并封存");
            assertThat(jiwei.locator("main")).containsText("SM3");
            jiwei.context().close();

            Page resident = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                    .setLocale("zh-CN")).newPage();
            resident.navigate(url("/public/demo-town"));
            assertThat(resident.locator("h1")).containsText("示范县五四镇");
            assertThat(resident.locator("main")).containsText("提前10天完成全镇地类变更调查");
            assertThat(resident.locator("main")).containsText("东岗村");
            assertThat(resident.locator("nav.tz-navbar")).hasCount(0);
            screenshot(resident, "phone-public-board");
            resident.click("article >> nth=0 >> .card-footer a");
            assertThat(resident.locator(".alert")).containsText("完好");
            screenshot(resident, "phone-verify");
            resident.context().close();
        } finally {
            clock.set(started);
        }
    }
}
