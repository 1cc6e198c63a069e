package cn.taizhang.work.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An item's state now beside its state some months before (前后两个月对比, LEDGER-5): the latest
 * inspection on or before today and the latest on or before today minus the months, compared field
 * by field, each figure with its difference.
 *
 * @param cutoff the day "before" is taken on or before
 */
public record InspectionComparison(LocalDate today, int months, LocalDate cutoff, Optional<Inspection> now,
                                   Optional<Inspection> then, List<FigureRow> figures) {

    /** One figure now and then; a side without it is null, and so is the difference. */
    public record FigureRow(String name, String unit, BigDecimal then, BigDecimal now, BigDecimal difference) {

        public int sign() {
            return difference == null ? 0 : difference.signum();
        }
    }

    public static InspectionComparison of(LocalDate today, int months, Optional<Inspection> now,
                                          Optional<Inspection> then) {
        Map<String, FigureRow> rows = new LinkedHashMap<>();
        List<Inspection.Figure> names = new ArrayList<>();
        now.ifPresent(i -> names.addAll(i.figures()));
        then.ifPresent(i -> names.addAll(i.figures()));
        for (Inspection.Figure f : names) {
            if (rows.containsKey(f.name())) {
                continue;
            }
            BigDecimal a = then.flatMap(i -> i.figure(f.name())).map(Inspection.Figure::value).orElse(null);
            BigDecimal b = now.flatMap(i -> i.figure(f.name())).map(Inspection.Figure::value).orElse(null);
            rows.put(f.name(), new FigureRow(f.name(), f.unit(), a, b, a == null || b == null ? null : b.subtract(a)));
        }
        return new InspectionComparison(today, months, today.minusMonths(months), now, then, List.copyOf(rows.values()));
    }

    /** Whether the text changed between the two inspections. */
    public boolean textChanged() {
        return now.isPresent() && then.isPresent() && !now.get().body().equals(then.get().body());
    }
}
