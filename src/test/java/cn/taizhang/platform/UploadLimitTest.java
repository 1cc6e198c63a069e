package cn.taizhang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An upload over the servlet's multipart limit (20 MB a file) is refused with a translated message that
 * says the limit, on a page and in the API. MockMvc does not parse multipart bodies with the container's
 * limits, so these requests go to the real server the tests run (Tomcat on a random port).
 */
@TaizhangTest
class UploadLimitTest {

    private static final String BOUNDARY = "----taizhang-upload-limit";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A multipart body: the CSRF token where the page's form has it (after the file), and a file of {@code size} bytes. */
    private static byte[] multipart(String csrf, int size) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[size]);
        if (csrf != null) {
            out.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf)
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private HttpResponse<String> apiUpload(String language) throws Exception {
        var request = HttpRequest.newBuilder(url("/api/work/import"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("shuji:" + SignedIn.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(null, 21 * 1024 * 1024)));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void anApiUploadOverTheLimitAnswers413WithTheLimitInTheCallersLanguage() throws Exception {
        HttpResponse<String> zh = apiUpload(null);
        assertThat(zh.statusCode()).isEqualTo(413);
        assertThat(zh.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(zh.body()).contains("\"code\":\"work.upload.tooLarge\"").contains("文件超过 20 MB 上限");

        HttpResponse<String> en = apiUpload("en");
        assertThat(en.statusCode()).isEqualTo(413);
        assertThat(en.body()).contains("The upload is over the 20 MB limit");
    }

    private String csrfOf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aPageUploadOverTheLimitLandsOnAPageSayingTheLimitWithTheWayBack() throws Exception {
        String login = csrfOf(get("/login").body());
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=zuzhang&password="
                        + URLEncoder.encode(SignedIn.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + login))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> form = get("/work/import");
        assertThat(form.statusCode()).isEqualTo(200);
        // 30 MB: over the 20 MB file limit by more than Tomcat swallows by default (2 MB)
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(url("/work/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Referer", url("/work/import").toString())
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(csrfOf(form.body()), 30 * 1024 * 1024)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(303);
        String location = refused.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/upload-refused?back=%2Fwork%2Fimport");

        HttpResponse<String> page = get(location);
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("文件超过 20 MB 上限").contains("href=\"/work/import\"");
        HttpResponse<String> english = get(location + "&lang=en");
        assertThat(english.body()).contains("The upload is over the 20 MB limit");
        // the way back is never to another site
        assertThat(get("/upload-refused?back=//evil.example/x").body()).doesNotContain("evil.example");
    }
}
