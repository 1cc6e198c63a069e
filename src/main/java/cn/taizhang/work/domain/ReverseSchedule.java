package cn.taizhang.work.domain;

import cn.taizhang.shared.DomainException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reverse scheduling (倒排工期, WORK-6): from the deadline backwards, each stage takes its working
 * days, so the last stage is due on the last working day on or before the deadline and every earlier
 * stage is due on the working day before the next one starts.
 */
public final class ReverseSchedule {

    private ReverseSchedule() {
    }

    /**
     * @param from the first day work can be done (the start, or today when that is later)
     * @throws DomainException at field {@code stages} when the stages need more working days than lie
     *                         between {@code from} and the deadline
     */
    public static List<Stage> schedule(WorkingCalendar calendar, LocalDate from, LocalDate deadline,
                                       List<StagePlan> plans) {
        if (plans.isEmpty()) {
            return List.of();
        }
        int needed = 0;
        for (StagePlan p : plans) {
            if (p.workingDays() <= 0) {
                throw DomainException.atField("stages", "work.stage.daysPositive", p.name());
            }
            needed += p.workingDays();
        }
        List<LocalDate> days = calendar.workingDays(from, deadline);
        if (needed > days.size()) {
            throw DomainException.atField("stages", "work.stage.tooLong", needed, days.size(), from, deadline);
        }
        Stage[] stages = new Stage[plans.size()];
        int end = days.size() - 1;
        for (int i = plans.size() - 1; i >= 0; i--) {
            StagePlan p = plans.get(i);
            int start = end - p.workingDays() + 1;
            stages[i] = new Stage(i + 1, p.name(), p.workingDays(), days.get(start), days.get(end));
            end = start - 1;
        }
        return new ArrayList<>(List.of(stages));
    }
}
