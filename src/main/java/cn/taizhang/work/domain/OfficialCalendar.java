package cn.taizhang.work.domain;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar table (WORK-6): the system administrator enters the next year's statutory holidays
 * and adjusted working days when the State Council publishes them; every entry is journalled.
 */
@Service
public class OfficialCalendar {

    private final CalendarRepository calendar;
    private final AuditJournal journal;
    private final Clock clock;

    OfficialCalendar(CalendarRepository calendar, AuditJournal journal, Clock clock) {
        this.calendar = calendar;
        this.journal = journal;
        this.clock = clock;
    }

    public List<CalendarRepository.CalendarDay> days(CurrentUser user, int year) {
        return calendar.days(user.tenantId(), year);
    }

    public boolean mayEdit(CurrentUser user) {
        return user.has(Role.SYSTEM_ADMIN);
    }

    /** Adds or replaces a day of the national calendar. */
    @Transactional
    public void put(CurrentUser user, LocalDate day, Boolean working, String name) {
        if (!mayEdit(user)) {
            throw new AccessDeniedException();
        }
        if (day == null) {
            throw DomainException.atField("day", "work.calendar.dayRequired");
        }
        if (working == null) {
            throw DomainException.atField("working", "work.calendar.workingRequired");
        }
        if (name == null || name.isBlank()) {
            throw DomainException.atField("name", "work.calendar.nameRequired");
        }
        if (name.trim().length() > 50) {
            throw DomainException.atField("name", "work.tooLong", 50);
        }
        calendar.put(null, day, working, name.trim(), user.username(), OffsetDateTime.now(clock));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("day", day.toString());
        after.put("working", working);
        after.put("name", name.trim());
        journal.record(null, "work.calendarDay", "work_calendar_day", day, "法定日历 " + day + " " + name.trim(),
                null, after, null);
    }
}
