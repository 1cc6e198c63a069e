package cn.taizhang.board.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The public pages' rate limit: a burst per client address, then the configured rate, then 429. */
class PublicRateLimitTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final jakarta.servlet.Filter filter = new PublicRateLimit.Filter(10, 60, messages(), nanos::get);

    @Test
    void aClientPastItsBurstIsToldHowLongToWaitWhileOthersAreServed() throws Exception {
        for (int i = 0; i < 60; i++) {
            assertThat(get("10.0.0.1").getStatus()).as("request %d", i + 1).isEqualTo(200);
        }
        MockHttpServletResponse refused = get("10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("请求过于频繁，请 1 秒后再试").contains("Too many requests");

        assertThat(get("10.0.0.2").getStatus()).as("another address").isEqualTo(200);

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(100)); // one token at 10 a second
        assertThat(get("10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(get("10.0.0.1").getStatus()).isEqualTo(429);

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(60)); // refilled, but never beyond the burst
        for (int i = 0; i < 60; i++) {
            assertThat(get("10.0.0.1").getStatus()).isEqualTo(200);
        }
        assertThat(get("10.0.0.1").getStatus()).isEqualTo(429);
    }

    @Test
    void aRateOfZeroSwitchesTheLimitOff() throws Exception {
        var off = new PublicRateLimit.Filter(0, 60, messages(), nanos::get);
        for (int i = 0; i < 500; i++) {
            var response = new MockHttpServletResponse();
            off.doFilter(request("10.0.0.3"), response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    private MockHttpServletResponse get(String address) throws Exception {
        var response = new MockHttpServletResponse();
        filter.doFilter(request(address), response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest request(String address) {
        var request = new MockHttpServletRequest("GET", "/public/demo-town");
        request.setRemoteAddr(address);
        return request;
    }

    private static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/board");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
