package cn.taizhang.work.web;

import cn.taizhang.work.domain.LedgerRow;
import cn.taizhang.work.domain.Light;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The wall chart (挂图作战, WORK-6): every item as a bar from its start to its deadline, the part done
 * filled, coloured by its light, with today's line. Drawn as SVG on the server (no script, no style
 * attributes: the page's CSP forbids them).
 */
@Component
class WallChart {

    static final int LABEL_WIDTH = 260;
    static final int CHART_WIDTH = 900;
    static final int ROW_HEIGHT = 30;
    static final int HEADER = 30;

    record Bar(long id, String title, String unit, String light, int y, int textY, double x, double width,
               double doneWidth, String fill, Double originalX, String deadline, int progress) {
    }

    record Tick(double x, String label) {
    }

    record Chart(int width, int height, int labelWidth, List<Bar> bars, List<Tick> ticks, double todayX,
                 String today, int chartBottom) {
    }

    Chart draw(List<LedgerRow> rows, LocalDate today, Locale locale) {
        LocalDate from = today.minusDays(7);
        LocalDate to = today.plusDays(14);
        for (LedgerRow r : rows) {
            if (r.startDate().isBefore(from)) {
                from = r.startDate();
            }
            if (r.deadline().isAfter(to)) {
                to = r.deadline();
            }
        }
        from = from.withDayOfMonth(1);
        to = to.plusDays(1);
        double days = Math.max(1, ChronoUnit.DAYS.between(from, to));
        double perDay = CHART_WIDTH / days;
        List<Bar> bars = new ArrayList<>();
        int y = HEADER;
        for (LedgerRow r : rows) {
            double x = LABEL_WIDTH + ChronoUnit.DAYS.between(from, r.startDate()) * perDay;
            double w = Math.max(2, (ChronoUnit.DAYS.between(r.startDate(), r.deadline()) + 1) * perDay);
            Double original = r.extensionCount() > 0
                    ? LABEL_WIDTH + (ChronoUnit.DAYS.between(from, r.originalDeadline()) + 1) * perDay : null;
            bars.add(new Bar(r.id(), shorten(r.title(), 16), r.leadUnitName(), r.light().name(), y + 5, y + 19,
                    round(x), round(w), round(w * r.progress() / 100.0), fill(r.light()), original == null ? null : round(original),
                    r.deadline().toString(), r.progress()));
            y += ROW_HEIGHT;
        }
        List<Tick> ticks = new ArrayList<>();
        for (LocalDate m = from; m.isBefore(to); m = m.plusMonths(1)) {
            ticks.add(new Tick(round(LABEL_WIDTH + ChronoUnit.DAYS.between(from, m) * perDay),
                    m.getYear() + "-" + String.format(locale, "%02d", m.getMonthValue())));
        }
        double todayX = round(LABEL_WIDTH + (ChronoUnit.DAYS.between(from, today) + 0.5) * perDay);
        return new Chart(LABEL_WIDTH + CHART_WIDTH + 10, y + 10, LABEL_WIDTH, bars, ticks, todayX, today.toString(), y);
    }

    static String fill(Light light) {
        return switch (light) {
            case GREEN -> "#2e7d32";
            case YELLOW -> "#e0a800";
            case RED -> "#c62828";
            case NONE -> "#9e9e9e";
        };
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
