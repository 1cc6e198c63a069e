package cn.taizhang.work.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calendar table: the national rows (no tenant) and the tenant's own, which override them. */
@Repository
public class CalendarRepository {

    /** A day that differs from the Monday-to-Friday rule. */
    public record CalendarDay(Long tenantId, LocalDate day, boolean working, String name) {
    }

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public WorkingCalendar calendar(long tenantId) {
        Map<LocalDate, Boolean> days = new HashMap<>();
        for (CalendarDay d : days(tenantId, null)) {
            days.put(d.day(), d.working()); // tenant rows come last and override the national ones
        }
        return new WorkingCalendar(days);
    }

    /** The national days and the tenant's, national first; optionally of one year. */
    public List<CalendarDay> days(long tenantId, Integer year) {
        return jdbc.sql("""
                select tenant_id, day, working, name from work_calendar_day
                where (tenant_id is null or tenant_id = :t)
                  and (cast(:year as int) is null or extract(year from day) = :year)
                order by tenant_id nulls first, day""")
                .param("t", tenantId).param("year", year).query(CalendarDay.class).list();
    }

    /** Adds or replaces a day; {@code tenantId} null is the national calendar. */
    public void put(Long tenantId, LocalDate day, boolean working, String name, String by, OffsetDateTime at) {
        jdbc.sql("delete from work_calendar_day where coalesce(tenant_id, 0) = coalesce(cast(:t as bigint), 0) and day = :d")
                .param("t", tenantId).param("d", day).update();
        jdbc.sql("""
                insert into work_calendar_day (tenant_id, day, working, name, created_by, created_at)
                values (:t, :d, :w, :n, :by, :at)""")
                .param("t", tenantId).param("d", day).param("w", working).param("n", name).param("by", by)
                .param("at", at).update();
    }
}
