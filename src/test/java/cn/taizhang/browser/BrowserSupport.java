package cn.taizhang.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Drives Debian's Chromium with Playwright against the running test server, the way a township
 * clerk's browser would. Screenshots go to target/screenshots for a person to look at.
 */
abstract class BrowserSupport {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launch() {
        // a post that closes an item out also files its score events and board entries: on a CI machine
        // shared with other builds that took more than Playwright's default 5 s once
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    Page signIn(String username, int width, int height) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setLocale("zh-CN")).newPage();
        page.navigate(url("/login"));
        page.fill("#username", username);
        page.fill("#password", "Taizhang@2026");
        page.click("button[type=submit]");
        page.waitForURL(url("/"));
        return page;
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
