package cn.taizhang.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the journal newest first, one keyset page at a time (by id, never OFFSET). Dates of the
 * filter are days in the installation's time zone (the clock's, Asia/Shanghai).
 */
@Repository
class AuditQuery {

    /** One entry; before and after are pretty-printed JSON (null when there is none). */
    record Entry(long id, Long tenantId, OffsetDateTime occurredAt, Long actorId, String actorName, String action,
                 String entityType, String entityId, String summary, String beforeState, String afterState,
                 String reason) {
    }

    /** A page of entries and the keyset of the next (older) page, null on the last page. */
    record Page(List<Entry> entries, Long nextBefore) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditQuery(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Page find(AuditFilter f) {
        StringBuilder sql = new StringBuilder("""
                select id, tenant_id, occurred_at, actor_id, actor_name, action, entity_type, entity_id, summary,
                       jsonb_pretty(before_state) as before_state, jsonb_pretty(after_state) as after_state, reason
                from audit_entry where true""");
        var params = new java.util.LinkedHashMap<String, Object>();
        if (f.getTenantId() != null) {
            sql.append(" and tenant_id = :tenant");
            params.put("tenant", f.getTenantId());
        }
        String actor = AuditFilter.blankToNull(f.getActor());
        if (actor != null) {
            sql.append(" and actor_name ilike :actor");
            params.put("actor", "%" + escapeLike(actor) + "%");
        }
        String action = AuditFilter.blankToNull(f.getAction());
        if (action != null) {
            // an action or a family of them: "signin." finds signin.failed, signin.locked, ...
            sql.append(" and action like :action");
            params.put("action", escapeLike(action) + "%");
        }
        String type = AuditFilter.blankToNull(f.getEntityType());
        if (type != null) {
            sql.append(" and entity_type = :type");
            params.put("type", type);
        }
        String entityId = AuditFilter.blankToNull(f.getEntityId());
        if (entityId != null) {
            sql.append(" and entity_id = :entityId");
            params.put("entityId", entityId);
        }
        if (f.getFrom() != null) {
            sql.append(" and occurred_at >= :from");
            params.put("from", f.getFrom().atStartOfDay(clock.getZone()).toOffsetDateTime());
        }
        if (f.getTo() != null) {
            sql.append(" and occurred_at < :to");
            params.put("to", f.getTo().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
        }
        String text = AuditFilter.blankToNull(f.getText());
        if (text != null) {
            sql.append(" and summary ilike :text");
            params.put("text", "%" + escapeLike(text) + "%");
        }
        if (f.getBefore() != null) {
            sql.append(" and id < :before");
            params.put("before", f.getBefore());
        }
        int size = f.pageSize();
        sql.append(" order by id desc limit :limit");
        params.put("limit", size + 1);
        List<Entry> rows = jdbc.sql(sql.toString()).params(params).query(Entry.class).list().stream()
                .map(this::inLocalTime).toList();
        if (rows.size() > size) {
            List<Entry> page = rows.subList(0, size);
            return new Page(List.copyOf(page), page.get(size - 1).id());
        }
        return new Page(rows, null);
    }

    /** The driver gives timestamps in UTC; readers want the installation's time. */
    private Entry inLocalTime(Entry e) {
        return new Entry(e.id(), e.tenantId(), e.occurredAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime(),
                e.actorId(), e.actorName(), e.action(), e.entityType(), e.entityId(), e.summary(), e.beforeState(),
                e.afterState(), e.reason());
    }

    /** LIKE treats % and _ as wildcards; a user's text is matched literally. */
    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
