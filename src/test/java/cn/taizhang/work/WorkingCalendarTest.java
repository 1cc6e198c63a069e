package cn.taizhang.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.tyme.holiday.LegalHoliday;
import cn.taizhang.work.domain.WorkingCalendar;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The calendar shipped in V4 is the official one (WORK-6), as cn.6tail:tyme4j carries it. */
class WorkingCalendarTest {

    private final WorkingCalendar calendar = CalendarFixtures.official();

    @Test
    void shippedCalendarEqualsTheOfficialHolidaysAndAdjustedWorkdaysOf2025And2026_WORK6() {
        Map<LocalDate, Boolean> official = new HashMap<>();
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() <= 2026; d = d.plusDays(1)) {
            LegalHoliday h = LegalHoliday.fromYmd(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            if (h != null) {
                official.put(d, h.isWork());
            }
        }
        assertThat(official).hasSizeGreaterThan(60);
        assertThat(CalendarFixtures.shippedDays()).isEqualTo(official);
    }

    @Test
    void springFestivalAndNationalDay2026AreOffAndTheirAdjustedSaturdaysAreWorked_WORK6() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("Monday of Spring Festival").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).as("last day of Spring Festival").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("adjusted Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).as("adjusted Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).as("National Day Monday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("adjusted Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).as("ordinary Sunday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 12))).as("ordinary Monday").isTrue();
        // 2026-02-09 (Mon) .. 2026-03-01 (Sun): 5 + Sat 14th + Tue 24th..Fri 27th + Sat 28th = 11
        assertThat(calendar.countWorkingDays(LocalDate.of(2026, 2, 9), LocalDate.of(2026, 3, 1))).isEqualTo(11);
        assertThat(calendar.covers(2026)).isTrue();
        assertThat(calendar.covers(2027)).isFalse();
    }

    @Test
    void aDeadlineEndsAt235959InChina_WORK6() {
        assertThat(WorkingCalendar.endOf(LocalDate.of(2026, 10, 12)).toString())
                .isEqualTo("2026-10-12T23:59:59+08:00[Asia/Shanghai]");
    }
}
