package cn.taizhang.audit;

import cn.taizhang.shared.CurrentUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only journal of every create and change: who, when, what (before and after) and
 * why. Callers write in the same transaction as the change, so a change without its entry
 * cannot be committed.
 */
@Service
public class AuditJournal {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditJournal(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records one change.
     *
     * @param tenantId   the tenant the change belongs to (null for installation-wide changes)
     * @param action     what was done, e.g. {@code unit.created}
     * @param entityType what kind of record, e.g. {@code org_unit}
     * @param entityId   which record
     * @param summary    one line a reader of the journal understands
     * @param before     the record before (null when created)
     * @param after      the record after (null when removed)
     * @param reason     why, as the user stated it (may be null when nothing asks for one)
     */
    public void record(Long tenantId, String action, String entityType, Object entityId, String summary,
                       Map<String, ?> before, Map<String, ?> after, String reason) {
        var actor = CurrentUser.find();
        jdbc.sql("""
                insert into audit_entry (tenant_id, occurred_at, actor_id, actor_name, action, entity_type,
                                         entity_id, summary, before_state, after_state, reason)
                values (:tenant, :at, :actorId, :actorName, :action, :type, :entityId, :summary,
                        cast(:before as jsonb), cast(:after as jsonb), :reason)
                """)
                .param("tenant", tenantId)
                .param("at", OffsetDateTime.now(clock))
                .param("actorId", actor.map(CurrentUser::accountId).orElse(null))
                .param("actorName", actor.map(u -> u.displayName() + " (" + u.username() + ")").orElse("system"))
                .param("action", action)
                .param("type", entityType)
                .param("entityId", entityId == null ? null : String.valueOf(entityId))
                .param("summary", truncate(summary, 300))
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .param("reason", truncate(reason, 500))
                .update();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
