package cn.taizhang.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taizhang.shared.DomainException;
import cn.taizhang.work.domain.ReverseSchedule;
import cn.taizhang.work.domain.Stage;
import cn.taizhang.work.domain.StagePlan;
import cn.taizhang.work.domain.WorkingCalendar;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reverse scheduling (倒排工期) on the official calendar (WORK-6). */
class ReverseScheduleTest {

    private final WorkingCalendar calendar = CalendarFixtures.official();

    @Test
    void stagesAreCountedBackFromTheDeadlineAcrossNationalDayAndItsAdjustedSaturday_WORK6() {
        List<Stage> stages = ReverseSchedule.schedule(calendar, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 12),
                List.of(new StagePlan("摸底调查", 3), new StagePlan("集中整治", 2), new StagePlan("验收销号", 1)));
        // working days back from Mon 12 Oct: 12 Oct, Sat 10 Oct (调休), 9 Oct, 8 Oct, then 30 Sep (1-7 Oct off)
        assertThat(stages.get(2).dueOn()).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(stages.get(2).startsOn()).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(stages.get(1).startsOn()).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(stages.get(1).dueOn()).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(stages.get(0).dueOn()).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(stages.get(0).startsOn()).isEqualTo(LocalDate.of(2026, 9, 29));
    }

    @Test
    void aDeadlineInTheSpringFestivalMeansTheLastWorkingDayBeforeIt_WORK6() {
        List<Stage> stages = ReverseSchedule.schedule(calendar, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 20),
                List.of(new StagePlan("准备", 2), new StagePlan("慰问", 2)));
        // 15-23 Feb are off; Sat 14 Feb is worked
        assertThat(stages.get(1).dueOn()).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(stages.get(1).startsOn()).isEqualTo(LocalDate.of(2026, 2, 13));
        assertThat(stages.get(0).dueOn()).isEqualTo(LocalDate.of(2026, 2, 12));
        assertThat(stages.get(0).startsOn()).isEqualTo(LocalDate.of(2026, 2, 11));
    }

    @Test
    void stagesLongerThanTheTimeLeftAreRefusedAtTheStagesField_WORK6() {
        // 1 Oct to 12 Oct 2026 holds four working days: 8, 9, 10 (Sat), 12
        assertThatThrownBy(() -> ReverseSchedule.schedule(calendar, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 12),
                List.of(new StagePlan("一", 3), new StagePlan("二", 2))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("stages");
                    assertThat(e.messageKey()).isEqualTo("work.stage.tooLong");
                    assertThat(e.args()[0]).isEqualTo(5);
                    assertThat(e.args()[1]).isEqualTo(4);
                });
        assertThat(ReverseSchedule.schedule(calendar, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 12),
                List.of(new StagePlan("一", 2), new StagePlan("二", 2)))).hasSize(2);
    }
}
