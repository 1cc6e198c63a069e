package cn.taizhang.work.plan;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A plan of the cascade (工作计划, WORK-3).
 *
 * @param month    1 to 12 for a monthly plan, null for an annual one
 * @param unitId   the township's root unit, the group, or the member's unit
 * @param personId the member, for a member's monthly plan
 */
public record Plan(long id, long tenantId, PlanLevel level, int year, Integer month, long unitId, Long personId,
                   String title, String createdByName) {

    /** The first day the plan's targets may fall on. */
    public LocalDate periodStart() {
        return month == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, month, 1);
    }

    /** The last day the plan's targets may fall on. */
    public LocalDate periodEnd() {
        return month == null ? LocalDate.of(year, 12, 31) : YearMonth.of(year, month).atEndOfMonth();
    }

    /** 2026 or 2026-09, for pages and the journal. */
    public String period() {
        return month == null ? String.valueOf(year) : YearMonth.of(year, month).toString();
    }
}
