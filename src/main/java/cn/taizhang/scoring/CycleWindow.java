package cn.taizhang.scoring;

import cn.taizhang.method.MethodDefinition.Period;
import cn.taizhang.shared.DomainException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One assessment cycle: a period (day, week, month, quarter, half-year, year) and its first day,
 * in China's time (Asia/Shanghai). Keys: {@code 2026-03-05}, {@code 2026-W10}, {@code 2026-03},
 * {@code 2026-Q1}, {@code 2026-H1}, {@code 2026}. Dates are inclusive of {@link #start()} and
 * exclusive of {@link #end()}.
 */
public record CycleWindow(Period period, LocalDate start) implements Comparable<CycleWindow> {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public CycleWindow {
        if (period == null || !period.isCycle()) {
            throw new DomainException("scoring.cycle.notACycle", String.valueOf(period));
        }
        if (!start.equals(startOf(period, start))) {
            throw new IllegalArgumentException(start + " does not start a " + period);
        }
    }

    /** The cycle of this period that contains the date. */
    public static CycleWindow containing(Period period, LocalDate date) {
        if (period == null || !period.isCycle()) {
            throw new DomainException("scoring.cycle.notACycle", String.valueOf(period));
        }
        return new CycleWindow(period, startOf(period, date));
    }

    /** The cycle of this period that contains today in China. */
    public static CycleWindow current(Period period, Clock clock) {
        return containing(period, LocalDate.now(clock.withZone(CHINA)));
    }

    public static LocalDate today(Clock clock) {
        return OffsetDateTime.now(clock).atZoneSameInstant(CHINA).toLocalDate();
    }

    private static LocalDate startOf(Period period, LocalDate d) {
        return switch (period) {
            case DAY -> d;
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> d.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case HALF_YEAR -> LocalDate.of(d.getYear(), d.getMonthValue() <= 6 ? 1 : 7, 1);
            case YEAR -> LocalDate.of(d.getYear(), 1, 1);
            default -> throw new DomainException("scoring.cycle.notACycle", period.name());
        };
    }

    /** Reads a key; the period follows from its shape. A key that is no cycle is refused. */
    public static CycleWindow parse(String key) {
        String k = key == null ? "" : key.trim();
        try {
            Matcher m;
            if ((m = DAY.matcher(k)).matches()) {
                return new CycleWindow(Period.DAY, LocalDate.parse(k));
            }
            if ((m = WEEK.matcher(k)).matches()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(m.group(2)));
                return containing(Period.WEEK, d);
            }
            if ((m = MONTH.matcher(k)).matches()) {
                return new CycleWindow(Period.MONTH, LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1));
            }
            if ((m = QUARTER.matcher(k)).matches()) {
                return new CycleWindow(Period.QUARTER, LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1));
            }
            if ((m = HALF.matcher(k)).matches()) {
                return new CycleWindow(Period.HALF_YEAR, LocalDate.of(Integer.parseInt(m.group(1)), m.group(2).equals("1") ? 1 : 7, 1));
            }
            if ((m = YEAR.matcher(k)).matches()) {
                return new CycleWindow(Period.YEAR, LocalDate.of(Integer.parseInt(m.group(1)), 1, 1));
            }
        } catch (java.time.DateTimeException e) {
            // falls through to the refusal
        }
        throw DomainException.atField("cycle", "scoring.cycle.badKey", k);
    }

    public LocalDate end() {
        return switch (period) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case HALF_YEAR -> start.plusMonths(6);
            case YEAR -> start.plusYears(1);
            default -> throw new IllegalStateException();
        };
    }

    /** The cycle of the same period just before this one (2015 → 2014, 2026-01 → 2025-12). */
    public CycleWindow previous() {
        return containing(period, start.minusDays(1));
    }

    /** The last day of the cycle. */
    public LocalDate lastDay() {
        return end().minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && date.isBefore(end());
    }

    /** Whether this cycle lies wholly inside the other. */
    public boolean within(CycleWindow other) {
        return !start.isBefore(other.start) && !end().isAfter(other.end());
    }

    /** The cycles of a shorter period that make up this one (the months of a quarter, ...). */
    public List<CycleWindow> split(Period shorter) {
        List<CycleWindow> parts = new ArrayList<>();
        CycleWindow c = containing(shorter, start);
        while (c.start.isBefore(end())) {
            if (c.within(this)) {
                parts.add(c);
            }
            c = containing(shorter, c.end());
        }
        return parts;
    }

    public String key() {
        return switch (period) {
            case DAY -> start.toString();
            case WEEK -> String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case HALF_YEAR -> start.getYear() + "-H" + (start.getMonthValue() == 1 ? 1 : 2);
            case YEAR -> String.valueOf(start.getYear());
            default -> throw new IllegalStateException();
        };
    }

    @Override
    public int compareTo(CycleWindow o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : Integer.compare(period.ordinal(), o.period.ordinal());
    }

    @Override
    public String toString() {
        return key();
    }
}
