package cn.taizhang.work;

/**
 * A reminder as a sender gets it: who (with the phone kept in the person's record, may be null),
 * which item, which escalation step (0 the responsible person, 1 the supervisor, 2 the leader) and
 * the text in Chinese.
 */
public record OutgoingReminder(long tenantId, long reminderId, long personId, String personName, String phone,
                               long itemId, int step, String text) {
}
