package cn.taizhang.board.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client address in front of the public pages and their JSON: anybody may read
 * them without signing in, so nobody may take the server away from the residents by reading them
 * in a loop. A phone that opens a board page (the page and one QR code per issue) stays far below
 * the limit; a client past its burst gets 429 with Retry-After until its bucket refills.
 * Behind a reverse proxy, set {@code server.forward-headers-strategy} so that the address is the
 * client's, not the proxy's.
 */
@Configuration(proxyBeanMethods = false)
class PublicRateLimit {

    @Bean
    FilterRegistrationBean<Filter> publicRateLimitFilter(
            @Value("${taizhang.public.rate-limit:10}") double perSecond,
            @Value("${taizhang.public.rate-burst:60}") int burst, MessageSource messages) {
        var registration = new FilterRegistrationBean<>(new Filter(perSecond, burst, messages, System::nanoTime));
        registration.addUrlPatterns("/public/*", "/api/public/*");
        // before Spring Security and the session: a refused request costs as little as possible
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        /** Addresses kept at most; idle full buckets are dropped first when the map grows past it. */
        private static final int MAX_ADDRESSES = 100_000;

        private final double perNano;
        private final double burst;
        private final MessageSource messages;
        private final LongSupplier nanoTime;
        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

        /** nanoTime: a monotonic clock in nanoseconds (System::nanoTime; a test passes its own). */
        Filter(double perSecond, int burst, MessageSource messages, LongSupplier nanoTime) {
            this.perNano = perSecond / TimeUnit.SECONDS.toNanos(1);
            this.burst = Math.max(1, burst);
            this.messages = messages;
            this.nanoTime = nanoTime;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (perNano <= 0) { // switched off (taizhang.public.rate-limit=0)
                chain.doFilter(request, response);
                return;
            }
            long now = nanoTime.getAsLong();
            if (buckets.size() > MAX_ADDRESSES) {
                buckets.values().removeIf(b -> b.isFullAt(now, perNano, burst));
            }
            long waitNanos = buckets.computeIfAbsent(request.getRemoteAddr(), a -> new Bucket(burst, now))
                    .take(now, perNano, burst);
            if (waitNanos == 0) {
                chain.doFilter(request, response);
                return;
            }
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos) + 1);
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(seconds));
            response.setContentType("text/plain;charset=UTF-8");
            // no locale is resolved yet this early: answer in Chinese, then in English
            Object[] args = {String.valueOf(seconds)};
            String text = messages.getMessage("board.public.tooManyRequests", args, Locale.SIMPLIFIED_CHINESE) + "\n"
                    + messages.getMessage("board.public.tooManyRequests", args, Locale.ENGLISH) + "\n";
            response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Tokens of one address; one token a request, refilled at the configured rate up to the burst. */
    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        /** Takes a token and answers 0, or answers how long until one is there. */
        synchronized long take(long now, double perNano, double burst) {
            tokens = Math.min(burst, tokens + (now - at) * perNano);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }

        synchronized boolean isFullAt(long now, double perNano, double burst) {
            return tokens + (now - at) * perNano >= burst;
        }
    }
}
