package cn.taizhang.method.web;

import cn.taizhang.method.MethodDefinition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;

/** What the method card needs to print numbers and choices the way a clerk reads them. */
public final class CardFormat {

    private final MessageSource messages;
    private final Locale locale;

    CardFormat(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** The translated label of any choice of the definition (period, source, board kind, ...). */
    public String label(Enum<?> value) {
        if (value == null) {
            return "";
        }
        return messages.getMessage("method.enum." + value.getDeclaringClass().getSimpleName() + "." + value.name(),
                null, value.name(), locale);
    }

    public String labels(List<? extends Enum<?>> values) {
        return values.stream().map(this::label).collect(Collectors.joining("、"));
    }

    public String join(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining("、"));
    }

    /** Fen as yuan with two decimals, e.g. 2000 → 20.00. */
    public String yuan(Long fen) {
        if (fen == null) {
            return "";
        }
        return BigDecimal.valueOf(fen).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP).toPlainString();
    }

    public String number(BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString();
    }

    public String range(MethodDefinition.PointRange r) {
        return r == null ? "" : number(r.min()) + "–" + number(r.max());
    }

    public String numbers(List<BigDecimal> values) {
        return values.stream().map(this::number).collect(Collectors.joining(" / "));
    }

    public String raterName(MethodDefinition d, String code) {
        return d.raterGroups().stream().filter(g -> g.code().equals(code)).map(MethodDefinition.RaterGroup::name)
                .findFirst().orElse(code);
    }

    public String assessmentName(MethodDefinition d, String code) {
        return d.assessments().stream().filter(a -> a.code().equals(code)).map(MethodDefinition.Assessment::name)
                .findFirst().orElse(code);
    }
}
