package cn.taizhang.audit;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journal as JSON, for the audit administrator's tools: the filters of the page, newest first,
 * and {@code nextBefore} to ask for the next (older) page. Read only.
 */
@RestController
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditApiController {

    /** One entry with its before and after state as JSON. */
    record ApiEntry(long id, Long tenantId, OffsetDateTime occurredAt, Long actorId, String actorName, String action,
                    String entityType, String entityId, String summary, JsonNode before, JsonNode after,
                    String reason) {
    }

    record ApiPage(List<ApiEntry> entries, Long nextBefore) {
    }

    private final AuditQuery query;
    private final JsonMapper json;

    AuditApiController(AuditQuery query, JsonMapper json) {
        this.query = query;
        this.json = json;
    }

    @GetMapping("/api/audit")
    ApiPage entries(@ModelAttribute AuditFilter filter) {
        AuditQuery.Page page = query.find(filter);
        return new ApiPage(page.entries().stream().map(e -> new ApiEntry(e.id(), e.tenantId(), e.occurredAt(),
                e.actorId(), e.actorName(), e.action(), e.entityType(), e.entityId(), e.summary(),
                parse(e.beforeState()), parse(e.afterState()), e.reason())).toList(), page.nextBefore());
    }

    private JsonNode parse(String s) {
        return s == null ? null : json.readTree(s);
    }
}
