package cn.taizhang.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese first; English on request ({@code ?lang=en}), remembered in a cookie. The JSON API also
 * follows the client's Accept-Language when no cookie says otherwise.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Bean
    LocaleResolver localeResolver() {
        var cookie = new CookieLocaleResolver("taizhang-lang") {
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, supported(locale));
            }

            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return supported(super.resolveLocale(request));
            }
        };
        cookie.setDefaultLocale(CHINESE);
        // without the cookie: pages are Chinese; an API client's Accept-Language chooses its messages
        cookie.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") != null
                && request.getRequestURI().startsWith(request.getContextPath() + "/api/") ? request.getLocale() : CHINESE);
        cookie.setCookieMaxAge(Duration.ofDays(365));
        return cookie;
    }

    /** Only the two languages we translate into; anything else is shown in Chinese. */
    static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
