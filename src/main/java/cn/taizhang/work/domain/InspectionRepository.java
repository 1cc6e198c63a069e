package cn.taizhang.work.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for site inspections and quarterly stage evaluations. Every query names the tenant. */
@Repository
public class InspectionRepository {

    private final JdbcClient jdbc;
    private final AttachmentRepository attachments;

    InspectionRepository(JdbcClient jdbc, AttachmentRepository attachments) {
        this.jdbc = jdbc;
        this.attachments = attachments;
    }

    public long insert(long tenantId, long itemId, long entryId, LocalDate on, String body, List<Long> inspectors,
                       List<Inspection.Figure> figures, String recordedBy, OffsetDateTime at) {
        long id = jdbc.sql("""
                insert into work_inspection (tenant_id, item_id, ledger_entry_id, inspected_on, body, recorded_by, recorded_at)
                values (:t, :i, :e, :on, :body, :by, :at) returning id""")
                .param("t", tenantId).param("i", itemId).param("e", entryId).param("on", on).param("body", body)
                .param("by", recordedBy.length() > 50 ? recordedBy.substring(0, 50) : recordedBy).param("at", at)
                .query(Long.class).single();
        for (Long p : inspectors) {
            jdbc.sql("insert into work_inspection_inspector (tenant_id, inspection_id, person_id) values (:t, :i, :p)")
                    .param("t", tenantId).param("i", id).param("p", p).update();
        }
        int seq = 0;
        for (Inspection.Figure f : figures) {
            jdbc.sql("""
                    insert into work_inspection_figure (tenant_id, inspection_id, seq, name, value, unit)
                    values (:t, :i, :seq, :n, :v, :u)""")
                    .param("t", tenantId).param("i", id).param("seq", ++seq).param("n", f.name())
                    .param("v", f.value()).param("u", f.unit()).update();
        }
        return id;
    }

    private record Head(long id, long itemId, long ledgerEntryId, LocalDate inspectedOn, String body,
                        String recordedBy, OffsetDateTime recordedAt) {
    }

    private static final String HEAD = """
            select id, item_id, ledger_entry_id, inspected_on, body, recorded_by, recorded_at from work_inspection
            where tenant_id = :t and item_id = :i""";

    /** The item's inspections, newest day first. */
    public List<Inspection> ofItem(long tenantId, long itemId) {
        return complete(tenantId, itemId, jdbc.sql(HEAD + " order by inspected_on desc, id desc")
                .param("t", tenantId).param("i", itemId).query(Head.class).list());
    }

    /** The latest inspection on or before the day. */
    public Optional<Inspection> latestOnOrBefore(long tenantId, long itemId, LocalDate day) {
        return complete(tenantId, itemId, jdbc.sql(HEAD + " and inspected_on <= :d order by inspected_on desc, id desc limit 1")
                .param("t", tenantId).param("i", itemId).param("d", day).query(Head.class).list())
                .stream().findFirst();
    }

    private List<Inspection> complete(long tenantId, long itemId, List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Attachment>> photos = attachments.ofItem(tenantId, itemId).stream()
                .filter(Attachment::photo).collect(Collectors.groupingBy(Attachment::ledgerEntryId));
        List<Inspection> out = new ArrayList<>();
        for (Head h : heads) {
            List<String> names = jdbc.sql("""
                    select p.name from work_inspection_inspector x join person p on p.tenant_id = x.tenant_id and p.id = x.person_id
                    where x.tenant_id = :t and x.inspection_id = :i order by p.name""")
                    .param("t", tenantId).param("i", h.id()).query(String.class).list();
            List<Inspection.Figure> figures = jdbc.sql("""
                    select name, value, unit from work_inspection_figure
                    where tenant_id = :t and inspection_id = :i order by seq""")
                    .param("t", tenantId).param("i", h.id())
                    .query((rs, n) -> new Inspection.Figure(rs.getString(1), plain(rs.getBigDecimal(2)), rs.getString(3)))
                    .list();
            out.add(new Inspection(h.id(), h.itemId(), h.ledgerEntryId(), h.inspectedOn(), h.body(), names, figures,
                    photos.getOrDefault(h.ledgerEntryId(), List.of()), h.recordedBy(), h.recordedAt()));
        }
        return out;
    }

    /** 45.50 is shown as 45.5 and 1200.00 as 1200, never as 1.2E+3. */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    // ------------------------------------------------------------------ stage evaluations

    public boolean stageEvaluated(long tenantId, long itemId, int year, int quarter) {
        return jdbc.sql("""
                select count(*) from work_stage_evaluation
                where tenant_id = :t and item_id = :i and year = :y and quarter = :q""")
                .param("t", tenantId).param("i", itemId).param("y", year).param("q", quarter)
                .query(Long.class).single() > 0;
    }

    public long insertStageEvaluation(long tenantId, long itemId, long entryId, int year, int quarter,
                                      StageRating rating, String rule, String remark, String by, OffsetDateTime at) {
        return jdbc.sql("""
                insert into work_stage_evaluation (tenant_id, item_id, ledger_entry_id, year, quarter, rating, remark,
                    evaluated_by, evaluated_at, rating_rule)
                values (:t, :i, :e, :y, :q, :r, :remark, :by, :at, :rule) returning id""")
                .param("t", tenantId).param("i", itemId).param("e", entryId).param("y", year).param("q", quarter)
                .param("r", rating.name()).param("remark", remark)
                .param("by", by.length() > 50 ? by.substring(0, 50) : by).param("at", at).param("rule", rule)
                .query(Long.class).single();
    }

    public void insertStandardRatings(long tenantId, long evaluationId, List<StandardRating> ratings) {
        int position = 0;
        for (StandardRating r : ratings) {
            jdbc.sql("""
                    insert into work_stage_evaluation_standard (tenant_id, evaluation_id, position, code, name, rating)
                    values (:t, :e, :p, :c, :n, :r)""")
                    .param("t", tenantId).param("e", evaluationId).param("p", position++).param("c", r.code())
                    .param("n", r.name()).param("r", r.rating().name()).update();
        }
    }

    /** A quarterly stage evaluation as the round lists it; {@code standards} empty when rated without standards. */
    public record StageEvaluation(long itemId, String title, int year, int quarter, StageRating rating, String remark,
                                  String evaluatedBy, OffsetDateTime evaluatedAt, List<StandardRating> standards) {
    }

    public List<StageEvaluation> stageEvaluations(long tenantId, int year, int quarter) {
        Map<Long, List<StandardRating>> byEvaluation = new HashMap<>();
        jdbc.sql("""
                select d.evaluation_id, d.code, d.name, d.rating
                from work_stage_evaluation_standard d
                join work_stage_evaluation s on s.tenant_id = d.tenant_id and s.id = d.evaluation_id
                where s.tenant_id = :t and s.year = :y and s.quarter = :q order by d.evaluation_id, d.position""")
                .param("t", tenantId).param("y", year).param("q", quarter)
                .query((rs, n) -> {
                    byEvaluation.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new StandardRating(
                            rs.getString(2), rs.getString(3), StageRating.parse(rs.getString(4))));
                    return null;
                }).list();
        return jdbc.sql("""
                select s.id, s.item_id, w.title, s.year, s.quarter, s.rating, s.remark, s.evaluated_by, s.evaluated_at
                from work_stage_evaluation s join work_item w on w.tenant_id = s.tenant_id and w.id = s.item_id
                where s.tenant_id = :t and s.year = :y and s.quarter = :q order by s.evaluated_at, s.id""")
                .param("t", tenantId).param("y", year).param("q", quarter)
                .query((rs, n) -> new StageEvaluation(rs.getLong("item_id"), rs.getString("title"), rs.getInt("year"),
                        rs.getInt("quarter"), StageRating.valueOf(rs.getString("rating")), rs.getString("remark"),
                        rs.getString("evaluated_by"), rs.getObject("evaluated_at", OffsetDateTime.class),
                        byEvaluation.getOrDefault(rs.getLong("id"), List.of()))).list();
    }
}
