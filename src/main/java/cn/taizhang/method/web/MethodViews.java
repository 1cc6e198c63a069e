package cn.taizhang.method.web;

import cn.taizhang.method.ComplianceFlag;
import cn.taizhang.method.FlagState;
import cn.taizhang.method.MethodProblem;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Translates problems and flags for pages and the API. */
@Component
class MethodViews {

    private final MessageSource messages;

    MethodViews(MessageSource messages) {
        this.messages = messages;
    }

    CardFormat format(Locale locale) {
        return new CardFormat(messages, locale);
    }

    List<ProblemView> problems(List<MethodProblem> problems, Locale locale) {
        return problems.stream()
                .map(p -> new ProblemView(p.path(), p.line(), p.messageKey(), p.reason(messages, locale))).toList();
    }

    List<FlagView> states(List<FlagState> states, Locale locale) {
        return states.stream().map(s -> flag(s.flag(), s.effective(), s, locale)).toList();
    }

    List<FlagView> presetFlags(List<ComplianceFlag> flags, Locale locale) {
        return flags.stream().map(f -> flag(f, false, null, locale)).toList();
    }

    private FlagView flag(ComplianceFlag f, boolean effective, FlagState state, Locale locale) {
        var k = f.kind();
        CardFormat fmt = format(locale);
        Object[] args = f.args().stream().map(a -> readable(a, fmt)).toArray();
        return new FlagView(f.code(), messages.getMessage(k.titleKey(), null, locale) + "：" + f.subject(),
                messages.getMessage(k.whatKey(), args, locale),
                messages.getMessage(k.ruleKey(), null, locale), messages.getMessage(k.compliantKey(), null, locale),
                f.path(), f.line(), effective, state == null ? null : state.approval());
    }

    /** An enum or a list of enums by its label, so that a flag never shows a code to the reader. */
    private static Object readable(Object arg, CardFormat fmt) {
        if (arg instanceof Enum<?> e) {
            return fmt.label(e);
        }
        if (arg instanceof java.util.List<?> list && !list.isEmpty() && list.get(0) instanceof Enum<?>) {
            return list.stream().map(x -> fmt.label((Enum<?>) x)).collect(java.util.stream.Collectors.joining("、"));
        }
        return arg;
    }
}
