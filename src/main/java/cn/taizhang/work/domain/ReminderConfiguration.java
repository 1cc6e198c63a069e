package cn.taizhang.work.domain;

import cn.taizhang.work.ReminderSender;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sender is chosen by {@code taizhang.reminders.sender}: {@code log} (the default) logs; an SMS or
 * 浙政钉/粤政易 sender is a {@link ReminderSender} bean conditional on its own value of that property.
 */
@Configuration(proxyBeanMethods = false)
class ReminderConfiguration {

    @Bean
    @ConditionalOnProperty(name = "taizhang.reminders.sender", havingValue = "log", matchIfMissing = true)
    ReminderSender loggingReminderSender() {
        return new LoggingReminderSender();
    }
}
