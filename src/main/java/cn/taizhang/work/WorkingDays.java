package cn.taizhang.work;

import cn.taizhang.work.domain.CalendarRepository;
import cn.taizhang.work.domain.WorkingCalendar;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/** Working days on the official Chinese calendar of a tenant, for any module that counts them (WORK-6). */
@Service
public class WorkingDays {

    private final CalendarRepository calendar;

    WorkingDays(CalendarRepository calendar) {
        this.calendar = calendar;
    }

    public boolean isWorkingDay(long tenantId, LocalDate day) {
        return calendar.calendar(tenantId).isWorkingDay(day);
    }

    /** The working days in {@code from..to}, both included. */
    public int count(long tenantId, LocalDate from, LocalDate to) {
        return calendar.calendar(tenantId).countWorkingDays(from, to);
    }
}
