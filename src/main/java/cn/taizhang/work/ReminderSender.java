package cn.taizhang.work;

/**
 * Sends a reminder (催办提醒) outside the app, e.g. by SMS or a government messaging platform
 * (浙政钉, 粤政易). The in-app inbox is always written first; a sender is additional, and when it
 * throws, the inbox message stays, the failure is recorded on it, and the next run tries again (three
 * attempts in all, {@code Reminders.SEND_ATTEMPTS}). The default bean only logs;
 * another implementation replaces it by being declared as a bean.
 */
public interface ReminderSender {

    void send(OutgoingReminder reminder);
}
