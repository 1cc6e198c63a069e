package cn.taizhang.work;

import cn.taizhang.work.domain.WorkingCalendar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The calendar rows V4 ships, read from the migration itself, for tests without a database. */
final class CalendarFixtures {

    private static final Pattern ROW = Pattern.compile("\\(date '(\\d{4}-\\d{2}-\\d{2})', (true|false) *, '([^']*)'\\)");

    private CalendarFixtures() {
    }

    static Map<LocalDate, Boolean> shippedDays() {
        try {
            String sql = Files.readString(Path.of("src/main/resources/db/migration/V4__work_items.sql"));
            Map<LocalDate, Boolean> days = new HashMap<>();
            Matcher m = ROW.matcher(sql);
            while (m.find()) {
                days.put(LocalDate.parse(m.group(1)), Boolean.parseBoolean(m.group(2)));
            }
            return days;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WorkingCalendar official() {
        return new WorkingCalendar(shippedDays());
    }
}
