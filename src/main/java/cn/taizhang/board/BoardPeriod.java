package cn.taizhang.board;

import cn.taizhang.method.MethodDefinition.Period;
import cn.taizhang.shared.DomainException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period an issue covers, written as residents read it: {@code 2026} (a year), {@code 2026-H2}
 * (a half-year), {@code 2026-Q3} (a quarter), {@code 2026-11} (a month), {@code 2026-W47} (an ISO
 * week) or {@code 2026-11-20} (a day). Which forms a board accepts follows its cadence in the
 * method definition; a board published on each result ({@code ON_RESULT}, {@code LIVE}) takes any.
 */
public record BoardPeriod(String text, Period kind) {

    private static final Pattern FORM = Pattern.compile(
            "(\\d{4})(?:-(?:(H[12])|(Q[1-4])|(W(?:0[1-9]|[1-4]\\d|5[0-3]))|(0[1-9]|1[0-2])(?:-(\\d{2}))?))?");

    public static BoardPeriod parse(String text) {
        if (text == null) {
            throw DomainException.atField("period", "board.period.invalid", "");
        }
        String t = text.strip();
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw DomainException.atField("period", "board.period.invalid", t);
        }
        Period kind;
        if (m.group(2) != null) {
            kind = Period.HALF_YEAR;
        } else if (m.group(3) != null) {
            kind = Period.QUARTER;
        } else if (m.group(4) != null) {
            kind = Period.WEEK;
        } else if (m.group(6) != null) {
            try {
                LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                throw DomainException.atField("period", "board.period.invalid", t);
            }
            kind = Period.DAY;
        } else if (m.group(5) != null) {
            kind = Period.MONTH;
        } else {
            kind = Period.YEAR;
        }
        return new BoardPeriod(t, kind);
    }

    /**
     * The period of a board's cadence that contains the day; a board posted on each result gathers a
     * month per issue.
     */
    public static BoardPeriod containing(Period cadence, LocalDate day) {
        String text = switch (cadence == null ? Period.MONTH : cadence) {
            case YEAR -> String.valueOf(day.getYear());
            case HALF_YEAR -> day.getYear() + "-H" + (day.getMonthValue() <= 6 ? 1 : 2);
            case QUARTER -> day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
            case WEEK -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case DAY -> day.toString();
            default -> String.format("%d-%02d", day.getYear(), day.getMonthValue());
        };
        return parse(text);
    }

    /** Refuses a period of another length than the board's cadence. */
    public BoardPeriod requireFits(Period cadence) {
        if (cadence != null && cadence.isCycle() && cadence != kind) {
            throw DomainException.atField("period", "board.period.cadence", text, cadence.name());
        }
        return this;
    }

    @Override
    public String toString() {
        return text;
    }
}
