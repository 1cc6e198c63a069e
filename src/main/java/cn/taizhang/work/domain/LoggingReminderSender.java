package cn.taizhang.work.domain;

import cn.taizhang.work.OutgoingReminder;
import cn.taizhang.work.ReminderSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default sender: writes the reminder to the log (no phone number, only the person's id). */
class LoggingReminderSender implements ReminderSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingReminderSender.class);

    @Override
    public void send(OutgoingReminder r) {
        log.info("reminder {} to person {} (tenant {}, item {}, step {}): {}", r.reminderId(), r.personId(),
                r.tenantId(), r.itemId(), r.step(), r.text());
    }
}
