package cn.taizhang.work.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A site inspection (现场查看, LEDGER-5) of an item: the day, the named inspectors, what they saw,
 * the figures they took and the photos they chose to add (optional).
 */
public record Inspection(long id, long itemId, long ledgerEntryId, LocalDate inspectedOn, String body,
                         List<String> inspectors, List<Figure> figures, List<Attachment> photos, String recordedBy,
                         OffsetDateTime recordedAt) {

    /** A named measure (数据) such as 形象进度 in %, or 完成投资 in 万元. */
    public record Figure(String name, BigDecimal value, String unit) {
    }

    public Optional<Figure> figure(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
