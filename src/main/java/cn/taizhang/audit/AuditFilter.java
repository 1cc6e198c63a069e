package cn.taizhang.audit;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the audit administrator looks for: every field is optional; {@code before} is the keyset
 * (entries with a smaller id, i.e. older), {@code size} the page size.
 */
class AuditFilter {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    private Long tenantId;
    private String actor;
    private String action;
    private String entityType;
    private String entityId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;
    private String text;
    private Long before;
    private Integer size;

    int pageSize() {
        return size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    /** The query string of this filter with another keyset, for the paging links. */
    String query(String path, Long newBefore) {
        var b = UriComponentsBuilder.fromPath(path);
        add(b, "tenantId", tenantId);
        add(b, "actor", actor);
        add(b, "action", action);
        add(b, "entityType", entityType);
        add(b, "entityId", entityId);
        add(b, "from", from);
        add(b, "to", to);
        add(b, "text", text);
        add(b, "size", size);
        add(b, "before", newBefore);
        return b.build().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            b.queryParam(name, value.toString().trim());
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getTenantId() { return tenantId; }
    public void setTenantId(Long tenantId) { this.tenantId = tenantId; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getEntityType() { return entityType; }
    public void setEntityType(String entityType) { this.entityType = entityType; }
    public String getEntityId() { return entityId; }
    public void setEntityId(String entityId) { this.entityId = entityId; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public Long getBefore() { return before; }
    public void setBefore(Long before) { this.before = before; }
    public Integer getSize() { return size; }
    public void setSize(Integer size) { this.size = size; }
}
