package cn.taizhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.taizhang.org.DataScope;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenants;
import cn.taizhang.support.TaizhangTest;
import com.microsoft.playwright.Page;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A group leader takes a central item from assignment to close-out in Chromium, on a desktop and on
 * a phone-sized screen, and every step shows on the ledger (WORK-2, LEDGER-1..4, WORK-6).
 */
@TaizhangTest
class WorkBrowserTest extends BrowserSupport {

    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired Clock clock;

    private String unitId(String code) {
        long t = tenants.findByCode("demo-town").orElseThrow().id();
        return String.valueOf(organisation.tree(DataScope.wholeTenant(t), t, false).stream()
                .filter(u -> u.code().equals(code)).findFirst().orElseThrow().id());
    }

    private String personId(String code) {
        long t = tenants.findByCode("demo-town").orElseThrow().id();
        return String.valueOf(organisation.people(DataScope.wholeTenant(t), t, null, code, false).stream()
                .filter(p -> p.code().equals(code)).findFirst().orElseThrow().id());
    }

    @ParameterizedTest(name = "on a screen {0} pixels wide")
    @ValueSource(ints = {1280, 390})
    void groupLeaderTakesACentralItemToCloseOut_WORK2_LEDGER1(int width) {
        Page page = signIn("zuzhang", width, 844);
        LocalDate today = LocalDate.now(clock);
        String title = "背街小巷硬化工程" + width;
        page.navigate(url("/work/new"));
        page.fill("#title", title);
        page.selectOption("#categoryCode", "central");
        page.selectOption("#source", "MEETING_DECISION");
        page.selectOption("#leadUnitId", unitId("WS-CJ"));
        page.selectOption("#responsiblePersonId", personId("P017"));
        page.fill("#startDate", today.toString());
        page.fill("#deadline", today.plusDays(60).toString());
        page.fill("#target", "硬化巷道3.2公里，雨季前完工");
        page.fill("#stages", "设计招标 5\n施工 20\n验收 3");
        page.selectOption("#leaderId", personId("P006"));
        page.selectOption("#deputyIds0", personId("P017"));
        page.selectOption("#deputyIds1", personId("P018"));
        page.check("#supervisor1");
        page.click("button[name=assign][value=true]");
        assertThat(page.locator("#item-state")).hasText("已交办");
        assertThat(page.locator("#stages")).containsText("验收");

        page.click("#actions button:has-text('签收')");
        assertThat(page.locator("#item-state")).hasText("已签收");
        page.click("#actions button:has-text('开始办理')");
        assertThat(page.locator("#action-error")).containsText("缺少工作方案");
        page.selectOption("#document-kind", "WORK_PLAN");
        page.fill("#document-body", "分段施工，每段一名包片干部。");
        page.click("#document-form button");
        page.selectOption("#document-kind", "RISK_ASSESSMENT");
        page.fill("#document-body", "施工扰民风险：错峰施工，提前公告。");
        page.click("#document-form button");
        page.click("#actions button:has-text('开始办理')");
        assertThat(page.locator("#item-state")).hasText("办理中");
        String itemUrl = page.url();
        String sameDeadline = "/work?category=central&dueFrom=" + today.plusDays(60) + "&dueTo=" + today.plusDays(60);
        page.navigate(url("/work/chart?unit=" + unitId("WS-CJ")));
        assertThat(page.locator("#wall-chart")).containsText(title);
        page.navigate(url(sameDeadline));
        assertThat(page.locator("#ledger tr:has-text('" + title + "')")).containsText("办理中");
        page.navigate(itemUrl);

        page.fill("#report-percent", "50");
        page.fill("#report-text", "完成1.6公里。");
        page.click("#report-form button");
        // each form posts and the page comes back: wait for it before filling the next form
        assertThat(page.locator("#history")).containsText("完成1.6公里。");
        page.fill("#completion-text", "全部完工，群众满意。");
        page.click("#completion-form button");
        assertThat(page.locator("#item-state")).hasText("申请办结");
        page.fill("#close-out-evidence", "城建办验收合格。");
        page.click("#close-out-form button");
        assertThat(page.locator("#close-out-form")).containsText("须先提交奖惩结果才能销号");
        page.fill("#reward-summary", "按期完成，按满分计。");
        for (String code : new String[] {"P017", "P006", "P018"}) {
            page.fill("#points" + personId(code), "10");
        }
        page.click("#reward-form button");
        assertThat(page.locator("#history")).containsText("提交奖惩结果");
        page.fill("#close-out-evidence", "城建办验收合格，资料归档。");
        page.click("#close-out-form button");
        assertThat(page.locator("#item-state")).hasText("已销号");
        assertThat(page.locator("#history")).containsText("办结销号");
        assertThat(page.locator("#history")).containsText("提交奖惩结果");
        screenshot(page, "work-item-" + width);

        page.navigate(url(sameDeadline));
        assertThat(page.locator("#ledger tr:has-text('" + title + "')")).containsText("已销号");
        screenshot(page, "work-ledger-" + width);
        page.context().close();
    }

    @Test
    void theWallChartDrawsOpenItemsWithTodaysLine_WORK6() {
        Page page = signIn("shuji", 1280, 800);
        page.navigate(url("/work/new"));
        LocalDate today = LocalDate.now(clock);
        page.fill("#title", "挂图事项");
        page.selectOption("#categoryCode", "routine");
        page.selectOption("#source", "ANNUAL_TARGET");
        page.selectOption("#leadUnitId", unitId("WS-JJ"));
        page.selectOption("#responsiblePersonId", personId("P031"));
        page.fill("#startDate", today.toString());
        page.fill("#deadline", today.plusDays(30).toString());
        page.fill("#target", "招商引资项目落地2个");
        page.click("button[name=assign][value=true]");
        page.navigate(url("/work/chart"));
        assertThat(page.locator("#wall-chart")).containsText("挂图事项");
        assertThat(page.locator("#wall-chart")).containsText("今天");
        screenshot(page, "work-chart");
        page.context().close();
    }
}
