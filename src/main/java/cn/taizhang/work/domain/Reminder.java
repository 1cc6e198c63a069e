package cn.taizhang.work.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A message in a person's inbox (催办提醒, WORK-7): why (the reason), at which escalation step, about
 * which item, and whether it was read; sendError when the external sender failed.
 */
public record Reminder(long id, long itemId, String itemTitle, Reason reason, int step, Light light, LocalDate dueOn,
                       OffsetDateTime createdAt, OffsetDateTime readAt, String sendError) {

    /** LIGHT: the light turned yellow or red; DEADLINE_PASSED: the item's deadline passed; OPINION_*: a supervision opinion's deadline nears or passed without an answer. */
    public enum Reason { LIGHT, DEADLINE_PASSED, OPINION_DUE, OPINION_OVERDUE }

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
