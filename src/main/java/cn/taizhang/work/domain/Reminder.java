package cn.taizhang.work.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A message in a person's inbox (催办提醒, WORK-7): why (the reason), at which escalation step, about
 * which item, and whether it was read; sendError when the external sender failed.
 */
public record Reminder(long id, long itemId, String itemTitle, Reason reason, int step, Light light, LocalDate dueOn,
                       OffsetDateTime createdAt, OffsetDateTime readAt, String sendError, String stageName) {

    /**
     * LIGHT: the light turned yellow or red; DEADLINE_PASSED: the item's deadline passed; OPINION_*: a
     * supervision opinion's deadline nears or passed without an answer; STAGE_*: a stage of the reverse
     * schedule is due within the yellow window, or overdue, and not reported done.
     */
    public enum Reason {
        LIGHT, DEADLINE_PASSED, OPINION_DUE, OPINION_OVERDUE, STAGE_DUE, STAGE_OVERDUE;

        public boolean isStage() {
            return this == STAGE_DUE || this == STAGE_OVERDUE;
        }
    }

    /** The occasion of a stage reminder: the stage and its due date (a new due date starts a new chain). */
    public static long stageRef(int seq, LocalDate dueOn) {
        return seq * 1_000_000L + dueOn.toEpochDay();
    }

    /** The message arguments: title, light name, due date, stage name. */
    public Object[] textArgs(String lightName) {
        return new Object[] {itemTitle, lightName, dueOn == null ? "" : dueOn.toString(), stageName == null ? "" : stageName};
    }

    /** When it was created, on the township's clock (Asia/Shanghai), for display. */
    public java.time.LocalDateTime createdInChina() {
        return createdAt.atZoneSameInstant(WorkingCalendar.CHINA).toLocalDateTime();
    }

    public boolean unread() {
        return readAt == null;
    }

    /** The message key of the text, by reason and step. */
    public String messageKey() {
        return "reminder.text." + reason.name() + "." + step;
    }
}
