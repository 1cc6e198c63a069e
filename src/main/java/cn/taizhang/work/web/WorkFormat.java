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

    /** A file size, rounded up to the next kilobyte (a small file never reads as 0 KB). */
    public String size(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0))
                : (bytes + 1023) / 1024 + " KB";
    }
}
