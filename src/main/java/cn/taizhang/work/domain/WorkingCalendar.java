package cn.taizhang.work.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working days on the official Chinese calendar (WORK-6): Monday to Friday, except the statutory
 * holidays, plus the adjusted working weekends (调休). The exceptions come from the calendar table;
 * a year without any entry is counted Monday to Friday and reported as not covered.
 */
public final class WorkingCalendar {

    /** Deadlines end at 23:59:59 in China. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final NavigableMap<LocalDate, Boolean> exceptions;
    private final Set<Integer> coveredYears;

    public WorkingCalendar(Map<LocalDate, Boolean> exceptions) {
        this.exceptions = new TreeMap<>(exceptions);
        this.coveredYears = new TreeSet<>();
        exceptions.keySet().forEach(d -> coveredYears.add(d.getYear()));
    }

    public static WorkingCalendar weekdaysOnly() {
        return new WorkingCalendar(Map.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** Whether the table holds the official calendar of this year. */
    public boolean covers(int year) {
        return coveredYears.contains(year);
    }

    /** The working days from {@code from} to {@code to}, both included, in order. */
    public List<LocalDate> workingDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    /**
     * How many working days lie in {@code from..to}, both included (0 when to is before from): the
     * weekdays counted by arithmetic, corrected by the calendar's exceptions in the range, so that the
     * nightly recomputation of 100,000 lights does not walk every day.
     */
    public int countWorkingDays(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return 0;
        }
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        long n = days / 7 * 5;
        LocalDate d = from.plusDays(days / 7 * 7);
        for (; !d.isAfter(to); d = d.plusDays(1)) {
            if (!isWeekend(d)) {
                n++;
            }
        }
        for (Map.Entry<LocalDate, Boolean> e : exceptions.subMap(from, true, to, true).entrySet()) {
            boolean weekend = isWeekend(e.getKey());
            if (e.getValue() && weekend) {
                n++;
            } else if (!e.getValue() && !weekend) {
                n--;
            }
        }
        return (int) n;
    }

    private static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    /** The moment a deadline ends: 23:59:59 Asia/Shanghai of that day. */
    public static ZonedDateTime endOf(LocalDate deadline) {
        return deadline.atTime(END_OF_DAY).atZone(CHINA);
    }
}
