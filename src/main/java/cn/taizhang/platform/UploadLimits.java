package cn.taizhang.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.LocaleResolver;

/**
 * An upload over the servlet's own multipart limits ({@code spring.servlet.multipart.max-file-size} and
 * {@code max-request-size}) is refused with a translated message that says the limit, instead of the
 * container's untranslated error: the API answers 413 with the JSON of {@link ApiErrors}; a page is sent
 * to a page that says so, with a link back to the form.
 *
 * <p>Pages need this before Spring Security: the CSRF check reads the token from the multipart body, which
 * the container cannot parse once the limit is passed, so the request would be refused as forged (403)
 * before any controller advice could speak. The filter parses the parts first (the CSRF check would parse
 * them anyway) and turns the size failure into the redirect. The API has no CSRF check: its uploads are
 * parsed after HTTP Basic, and {@link Api} answers the size failure there.
 */
final class UploadLimits {

    /** Where a page upload over the limit is sent; readable by anybody signed in. */
    static final String REFUSED_PAGE = "/upload-refused";

    private UploadLimits() {
    }

    /** The limits as configured, written for people (20 MB). */
    @Component
    static class Limits {
        private final DataSize file;
        private final DataSize request;

        Limits(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize file,
               @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize request) {
            this.file = file;
            this.request = request;
        }

        String message(MessageSource messages, Locale locale) {
            return messages.getMessage("work.upload.tooLarge", new Object[] {shown(file), shown(request)}, locale);
        }

        static String shown(DataSize size) {
            long bytes = size.toBytes();
            if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
                return size.toMegabytes() + " MB";
            }
            return bytes >= 1024 && bytes % 1024 == 0 ? size.toKilobytes() + " KB" : bytes + " B";
        }
    }

    /** Whether a failure to read the multipart body is the size limit (the container names it in its cause). */
    static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MaxUploadSizeExceededException) {
                return true;
            }
            String name = t.getClass().getSimpleName();
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (name.contains("SizeException") || name.contains("SizeLimitExceeded")
                    || message.contains("exceeds its maximum") || message.contains("exceeds the configured maximum")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Page uploads: reads the parts before Spring Security (whose filter chain runs at order -100) and
     * after the session filter; when they are over the limit, redirects (303) to the page that says so.
     */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE + 1000)
    static class PageFilter extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String type = request.getContentType();
            return !"POST".equalsIgnoreCase(request.getMethod()) || type == null
                    || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                    || path(request).startsWith("/api/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                request.getParts();
            } catch (IllegalStateException | ServletException | IOException e) {
                if (tooLarge(e)) {
                    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                    response.setHeader("Location", request.getContextPath() + REFUSED_PAGE + "?back="
                            + URLEncoder.encode(back(request), StandardCharsets.UTF_8));
                    return;
                }
                // anything else is for the controller to report as it does today
            }
            chain.doFilter(request, response);
        }

        /** The page the form was on (same site only), else the home page. */
        private static String back(HttpServletRequest request) {
            String referer = request.getHeader("Referer");
            if (referer != null) {
                try {
                    URI uri = URI.create(referer);
                    if (request.getServerName().equalsIgnoreCase(uri.getHost()) && uri.getRawPath() != null) {
                        String path = uri.getRawPath().substring(Math.min(request.getContextPath().length(),
                                uri.getRawPath().length()));
                        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
                    }
                } catch (IllegalArgumentException ignored) {
                    // a malformed Referer: back to the home page
                }
            }
            return "/";
        }

        private static String path(HttpServletRequest request) {
            return request.getRequestURI().substring(request.getContextPath().length());
        }
    }

    /** The page a refused upload lands on: the limit in the user's language and the way back to the form. */
    @Controller
    static class RefusedPage {
        private final Limits limits;
        private final MessageSource messages;

        RefusedPage(Limits limits, MessageSource messages) {
            this.limits = limits;
            this.messages = messages;
        }

        @GetMapping(REFUSED_PAGE)
        String show(@RequestParam(required = false) String back, Model model, Locale locale,
                    HttpServletResponse response) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            model.addAttribute("message", limits.message(messages, locale));
            // only a path of this site: never an address elsewhere (//host, http:...)
            model.addAttribute("back", back != null && back.startsWith("/") && !back.startsWith("//")
                    && !back.contains("\\") ? back : "/");
            return "error/upload-refused";
        }
    }

    /**
     * The API, and any page upload that reaches the dispatcher: the size failure is raised before a
     * handler is chosen, so this advice has no selector (one limited to some controllers would never see it).
     */
    @ControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Api {
        private final Limits limits;
        private final MessageSource messages;
        private final LocaleResolver locales;

        Api(Limits limits, MessageSource messages, LocaleResolver locales) {
            this.limits = limits;
            this.messages = messages;
            this.locales = locales;
        }

        @ExceptionHandler(MaxUploadSizeExceededException.class)
        ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
            Locale locale = locales.resolveLocale(request);
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!path.startsWith("/api/")) {
                return ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .location(URI.create(request.getContextPath() + REFUSED_PAGE)).build();
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", "work.upload.tooLarge");
            body.put("message", limits.message(messages, locale));
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(body);
        }
    }
}
