package cn.taizhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.taizhang.support.TaizhangTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A clerk picks a workbook over the 20 MB upload limit in Chromium: the browser shows the page that
 * says the limit (not a reset connection nor an English error), with the way back to the form.
 */
@TaizhangTest
class UploadLimitBrowserTest extends BrowserSupport {

    @Test
    void aWorkbookOverTheLimitShowsTheLimitAndTheWayBack() throws Exception {
        // the upload of 30 MB takes a while on a busy machine: longer waits than the other browser tests
        var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("zh-CN"));
        context.setDefaultTimeout(120_000);
        context.setDefaultNavigationTimeout(120_000);
        Page page = context.newPage();
        page.navigate(url("/login"));
        page.fill("#username", "zuzhang");
        page.fill("#password", "Taizhang@2026");
        page.click("button[type=submit]");
        page.waitForURL(url("/"));
        page.navigate(url("/work/import"));
        // 30 MB: more than Tomcat reads on after refusing (2 MB), so the browser is still sending when refused
        Path big = Files.createTempFile("taizhang-upload-limit", ".xlsx");
        Files.write(big, new byte[30 * 1024 * 1024]);
        page.setInputFiles("input[type=file]", big);
        page.click("form[enctype='multipart/form-data'] button");
        page.waitForURL(Pattern.compile(".*/upload-refused.*"));
        assertThat(page.locator("#upload-refused")).containsText("文件超过 20 MB 上限");
        screenshot(page, "upload-over-the-limit");
        page.click("text=返回重新上传");
        page.waitForURL(url("/work/import"));
        page.context().close();
        Files.delete(big);
    }
}
