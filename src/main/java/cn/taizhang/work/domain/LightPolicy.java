package cn.taizhang.work.domain;

import cn.taizhang.method.MethodDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Green, yellow or red from the time left and from how far progress is behind the plan (WORK-7),
 * with the thresholds of the method's {@code practices.trafficLight} (defaults: yellow within 3
 * working days of the due date or 10 to 30 points behind, red when overdue or more than 30 behind).
 * The planned progress grows evenly over the working days from the start to the deadline.
 */
public record LightPolicy(int yellowWithinWorkingDays, BigDecimal yellowBehindMin, BigDecimal yellowBehindMax,
                          boolean redWhenOverdue, BigDecimal redBehind) {

    public static final LightPolicy DEFAULT = new LightPolicy(3, BigDecimal.TEN, BigDecimal.valueOf(30), true,
            BigDecimal.valueOf(30));

    public static LightPolicy of(MethodDefinition definition) {
        MethodDefinition.TrafficLight t = definition == null || definition.practices() == null ? null
                : definition.practices().trafficLight();
        if (t == null) {
            return DEFAULT;
        }
        BigDecimal min = t.yellowPointsBehind() == null ? DEFAULT.yellowBehindMin : t.yellowPointsBehind().min();
        BigDecimal max = t.yellowPointsBehind() == null ? DEFAULT.yellowBehindMax : t.yellowPointsBehind().max();
        BigDecimal red = t.redPointsBehind() == null ? max : t.redPointsBehind();
        return new LightPolicy(t.yellowWithinWorkingDays(), min, max, t.redWhenOverdue(), red);
    }

    /** Why an item has its light. */
    public enum Reason { OVERDUE, FAR_BEHIND, NEAR_DEADLINE, BEHIND, ON_TRACK, NOT_UNDER_WAY }

    /** The light, why, and the numbers behind it (kept in the light history). */
    public record Verdict(Light light, Reason reason, int workingDaysLeft, int plannedPercent, int progress, int behind) {
    }

    /** The progress the plan expects at the end of {@code day}: even over the working days from start to deadline. */
    public static int plannedPercent(WorkingCalendar calendar, LocalDate start, LocalDate deadline, LocalDate day) {
        int total = Math.max(1, calendar.countWorkingDays(start, deadline));
        int elapsed = day.isBefore(start) ? 0
                : calendar.countWorkingDays(start, day.isAfter(deadline) ? deadline : day);
        return Math.min(100, Math.round(100f * elapsed / total));
    }

    public Verdict evaluate(WorkingCalendar calendar, LocalDate start, LocalDate deadline, int progress,
                            ZonedDateTime now) {
        LocalDate today = now.withZoneSameInstant(WorkingCalendar.CHINA).toLocalDate();
        boolean overdue = now.isAfter(WorkingCalendar.endOf(deadline));
        int planned = plannedPercent(calendar, start, deadline, today);
        int behind = Math.max(0, planned - progress);
        int left = overdue ? 0 : calendar.countWorkingDays(today.plusDays(1), deadline);
        BigDecimal b = BigDecimal.valueOf(behind);
        if (overdue && redWhenOverdue) {
            return new Verdict(Light.RED, Reason.OVERDUE, left, planned, progress, behind);
        }
        if (b.compareTo(redBehind) > 0) {
            return new Verdict(Light.RED, Reason.FAR_BEHIND, left, planned, progress, behind);
        }
        if (left <= yellowWithinWorkingDays) {
            return new Verdict(Light.YELLOW, Reason.NEAR_DEADLINE, left, planned, progress, behind);
        }
        if (b.compareTo(yellowBehindMin) >= 0 && b.compareTo(yellowBehindMax) <= 0) {
            return new Verdict(Light.YELLOW, Reason.BEHIND, left, planned, progress, behind);
        }
        return new Verdict(Light.GREEN, Reason.ON_TRACK, left, planned, progress, behind);
    }
}
