package cn.taizhang.work.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counted working days agree with walking the days, across weekends, holidays and adjusted working weekends (WORK-6). */
class WorkingDayCountTest {

    @Test
    void countingAgreesWithWalkingEveryDay_WORK6() {
        Map<LocalDate, Boolean> days = new HashMap<>();
        for (int d = 1; d <= 7; d++) {
            days.put(LocalDate.of(2026, 10, d), false); // National Day
        }
        days.put(LocalDate.of(2026, 9, 20), true);  // Sunday worked
        days.put(LocalDate.of(2026, 10, 10), true); // Saturday worked
        days.put(LocalDate.of(2027, 1, 1), false);
        WorkingCalendar calendar = new WorkingCalendar(days);
        LocalDate start = LocalDate.of(2026, 9, 1);
        for (int a = 0; a < 130; a += 3) {
            for (int b = -2; b < 140; b += 5) {
                LocalDate from = start.plusDays(a);
                LocalDate to = from.plusDays(b);
                assertThat(calendar.countWorkingDays(from, to)).as("%s..%s", from, to)
                        .isEqualTo(calendar.workingDays(from, to).size());
            }
        }
        assertThat(calendar.countWorkingDays(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 12))).isEqualTo(7); // 28-30 Sep, 8-10 and 12 Oct
    }
}
