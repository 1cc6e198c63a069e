package cn.taizhang.work.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times on the work pages, in China's time zone whatever the database hands back. */
@Component("workFormat")
class WorkFormat {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String time(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(CHINA).format(MINUTES);
    }
}
