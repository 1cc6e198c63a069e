package cn.taizhang.work.plan;

import java.time.LocalDate;

/**
 * A line of a plan, a measurable target (目标任务) of the task book and the timetable (WORK-4): what,
 * to which standard, by when, which unit and person answer for it and which leader supervises it.
 *
 * @param servesLineId the line of the plan above that this line serves (top-down link)
 * @param workItemId   the work item that carries it out, if any (typed once, WORK-1)
 */
public record PlanLine(long id, long tenantId, long planId, int seq, String content, String standard,
                       LocalDate deadline, long responsibleUnitId, long responsiblePersonId, Long supervisingLeaderId,
                       Long servesLineId, Long workItemId) {
}
