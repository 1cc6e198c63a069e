package cn.taizhang.work;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taizhang.method.MethodDefinition;
import cn.taizhang.work.domain.Light;
import cn.taizhang.work.domain.LightPolicy;
import cn.taizhang.work.domain.WorkingCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Green, yellow, red from time left and progress behind the plan (WORK-7). */
class LightPolicyTest {

    private final WorkingCalendar calendar = CalendarFixtures.official();
    private final LightPolicy policy = LightPolicy.DEFAULT;
    // 1 Sep .. 30 Oct 2026: 40 working days (中秋 25 Sep and 1-7 Oct off, Sun 20 Sep and Sat 10 Oct worked)
    private final LocalDate start = LocalDate.of(2026, 9, 1);
    private final LocalDate deadline = LocalDate.of(2026, 10, 30);

    private static ZonedDateTime at(int month, int day, int hour) {
        return LocalDateTime.of(2026, month, day, hour, 0).atZone(WorkingCalendar.CHINA);
    }

    @Test
    void onScheduleWithTimeLeftIsGreen_WORK7() {
        int total = calendar.countWorkingDays(start, deadline);
        int elapsed = calendar.countWorkingDays(start, LocalDate.of(2026, 9, 15));
        int planned = Math.round(100f * elapsed / total);
        var v = policy.evaluate(calendar, start, deadline, planned, at(9, 15, 10));
        assertThat(v.light()).isEqualTo(Light.GREEN);
        assertThat(v.behind()).isZero();
    }

    @Test
    void tenToThirtyPointsBehindIsYellowAndMoreIsRed_WORK7() {
        var v = policy.evaluate(calendar, start, deadline, 0, at(9, 15, 10));
        int planned = v.plannedPercent();
        assertThat(policy.evaluate(calendar, start, deadline, planned - 10, at(9, 15, 10)).light()).isEqualTo(Light.YELLOW);
        assertThat(policy.evaluate(calendar, start, deadline, planned - 9, at(9, 15, 10)).light()).isEqualTo(Light.GREEN);
        assertThat(v.behind()).as("nothing done, 28 points behind").isEqualTo(28);
        assertThat(v.light()).isEqualTo(Light.YELLOW);
        var far = policy.evaluate(calendar, start, LocalDate.of(2026, 12, 31), 0, at(12, 1, 10));
        assertThat(far.behind()).isGreaterThan(30);
        assertThat(far.light()).isEqualTo(Light.RED);
        assertThat(far.reason()).isEqualTo(LightPolicy.Reason.FAR_BEHIND);
    }

    @Test
    void withinThreeWorkingDaysIsYellowCountingTheAdjustedSaturday_WORK7() {
        // deadline Mon 12 Oct: from Thu 8 Oct, working days left are 9, 10 (Sat, 调休), 12 = 3 → yellow
        var v = policy.evaluate(calendar, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 12), 100, at(10, 8, 9));
        assertThat(v.workingDaysLeft()).isEqualTo(3);
        assertThat(v.light()).isEqualTo(Light.YELLOW);
        // on 30 Sep the holiday week lies between: left are 8, 9, 10, 12 = 4 → green
        var before = policy.evaluate(calendar, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 12), 100, at(9, 30, 9));
        assertThat(before.workingDaysLeft()).isEqualTo(4);
        assertThat(before.light()).isEqualTo(Light.GREEN);
    }

    @Test
    void overdueAfter235959OfTheDeadlineIsRed_WORK7() {
        LocalDate due = LocalDate.of(2026, 10, 12);
        assertThat(policy.evaluate(calendar, start, due, 100,
                due.atTime(23, 59, 58).atZone(WorkingCalendar.CHINA)).light()).isEqualTo(Light.YELLOW);
        var late = policy.evaluate(calendar, start, due, 100, due.plusDays(1).atStartOfDay(WorkingCalendar.CHINA));
        assertThat(late.light()).isEqualTo(Light.RED);
        assertThat(late.reason()).isEqualTo(LightPolicy.Reason.OVERDUE);
    }

    @Test
    void thresholdsComeFromTheMethodsTrafficLight_WORK7() {
        var light = new MethodDefinition.TrafficLight(5,
                new MethodDefinition.PointRange(BigDecimal.valueOf(20), BigDecimal.valueOf(40)), false, BigDecimal.valueOf(40), null, null);
        var practices = new MethodDefinition.Practices(null, null, null, null, null, null, null, null, null, null, null,
                null, light, null, null, null, null, null, null);
        var def = new MethodDefinition("x", "x", null, null, java.util.List.of(), null, null, null, java.util.List.of(),
                null, null, null, null, null, practices);
        LightPolicy custom = LightPolicy.of(def);
        assertThat(custom.yellowWithinWorkingDays()).isEqualTo(5);
        // 4 working days left: yellow under 5, green under the default 3
        ZonedDateTime now = at(10, 7, 9);
        LocalDate due = LocalDate.of(2026, 10, 12);
        assertThat(custom.evaluate(calendar, start, due, 100, now).light()).isEqualTo(Light.YELLOW);
        assertThat(policy.evaluate(calendar, start, due, 100, now).light()).isEqualTo(Light.GREEN);
        // overdue is not red when the method says so
        assertThat(custom.evaluate(calendar, start, due, 100, at(10, 20, 9)).light()).isEqualTo(Light.YELLOW);
    }
}
