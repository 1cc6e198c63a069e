package cn.taizhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.taizhang.support.TaizhangTest;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The method card a township would print and post, rendered in Chromium in Chinese. */
@TaizhangTest
class MethodCardBrowserTest extends BrowserSupport {

    @Test
    void secretarySeesTheTownshipsMethodCardInChinese() {
        Page page = signIn("shuji", 1280, 900);
        page.click("text=查看方法卡");
        assertThat(page.locator("h1")).containsText("五四工作法");
        assertThat(page.locator("main")).containsText("一、工作分类");
        assertThat(page.locator("main")).containsText("平时考核（含半年、年终） 50%");
        screenshot(page, "method-card-wusi");
        page.context().close();
    }

    @ParameterizedTest(name = "preset {0}")
    @CsvSource({"wusi, 五四工作法", "wubu, 五步工作法", "huaqiao, 目标管理", "qingdan, 清单工作法", "haiyong, 效能"})
    void everyPresetCardRendersInChinese(String code, String title) {
        Page page = signIn("zhenzhang", 1280, 900);
        page.navigate(url("/method/presets/" + code));
        assertThat(page.locator("h1")).containsText(title);
        assertThat(page.locator("main")).not().containsText("??");
        screenshot(page, "method-card-preset-" + code);
        page.context().close();
    }

    @Test
    void staffReadTheCardOnAPhone() {
        Page page = signIn("ganbu", 390, 844);
        page.navigate(url("/method"));
        assertThat(page.locator("h1")).containsText("五四工作法");
        screenshot(page, "phone-method-card-ganbu");
        page.context().close();
    }
}
