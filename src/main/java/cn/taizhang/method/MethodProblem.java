package cn.taizhang.method;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * One reason a method definition is refused: where ({@code path}, e.g.
 * {@code assessments[0].components}, and the YAML line, 0 when unknown) and why (a message key of
 * i18n/method_*.properties with its arguments).
 */
public record MethodProblem(String path, int line, String messageKey, List<String> args) {

    public MethodProblem {
        args = List.copyOf(args);
    }

    /** The reason alone, translated. */
    public String reason(MessageSource messages, Locale locale) {
        return messages.getMessage(messageKey, args.toArray(), locale);
    }

    /** {@code path: reason (line N)}, translated. */
    public String describe(MessageSource messages, Locale locale) {
        String where = path.isEmpty() ? "/" : path;
        return messages.getMessage(line > 0 ? "method.problem.at" : "method.problem.atNoLine",
                new Object[] {where, reason(messages, locale), String.valueOf(line)}, locale);
    }

    @Override
    public String toString() {
        return path + ": " + messageKey + args + (line > 0 ? " (line " + line + ")" : "");
    }
}
