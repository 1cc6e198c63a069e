package cn.taizhang.method;

import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Plain helpers for the unit tests of the method module (no Spring context). */
final class MethodTestSupport {

    static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("i18n/method");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private MethodTestSupport() {
    }

    static String english(MethodProblem p) {
        return p.describe(MESSAGES, Locale.ENGLISH);
    }

    static String chinese(MethodProblem p) {
        return p.describe(MESSAGES, Locale.SIMPLIFIED_CHINESE);
    }

    static String all(MethodCheck check) {
        return check.problems().stream().map(MethodTestSupport::english).collect(Collectors.joining("\n"));
    }
}
