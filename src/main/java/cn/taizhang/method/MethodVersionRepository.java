package cn.taizhang.method;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for method_version; every query is scoped by tenant. */
@Repository
class MethodVersionRepository {

    private static final String COLUMNS = "id, tenant_id, code, version, name, preset, based_on_id, definition_yaml, "
            + "status, note, created_by, created_at, adopted_at";

    private final JdbcClient jdbc;
    /**
     * Each version's text parsed once (binding and validating it took a third of a ledger page): an
     * adopted version never changes, and a draft's entry is parsed anew when its text differs.
     */
    private final Map<Long, Parsed> parsed = new ConcurrentHashMap<>();

    private record Parsed(String yaml, MethodCheck check) {
    }

    /** Adopted versions as read at their adoption (see adopted). */
    private final Map<Long, MethodVersion> adopted = new ConcurrentHashMap<>();

    MethodVersionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises version changes of one tenant (locks its tenant row until the transaction ends). */
    boolean lockTenant(long tenantId) {
        return jdbc.sql("select id from tenant where id = :t for update").param("t", tenantId)
                .query(Long.class).optional().isPresent();
    }

    Optional<MethodVersion> find(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from method_version where tenant_id = :t and id = :id")
                .param("t", tenantId).param("id", id).query(this::map).optional();
    }

    /**
     * The adopted version: its id is read every time, its row only the first time (an adopted
     * version never changes; a later adoption gives another id), so pages do not fetch the text.
     */
    Optional<MethodVersion> adopted(long tenantId) {
        Optional<Long> id = jdbc.sql("select id from method_version where tenant_id = :t and status = 'ADOPTED'")
                .param("t", tenantId).query(Long.class).optional();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        MethodVersion known = adopted.get(id.get());
        if (known != null && known.tenantId() == tenantId) {
            return Optional.of(known);
        }
        Optional<MethodVersion> read = find(tenantId, id.get());
        read.filter(v -> v.status() == MethodVersion.Status.ADOPTED).ifPresent(v -> adopted.put(v.id(), v));
        return read;
    }

    List<MethodVersion> all(long tenantId) {
        return jdbc.sql("select " + COLUMNS + " from method_version where tenant_id = :t order by code, version desc")
                .param("t", tenantId).query(this::map).list();
    }

    int nextVersion(long tenantId, String code) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from method_version where tenant_id = :t and code = :c")
                .param("t", tenantId).param("c", code).query(Integer.class).single();
    }

    long insert(long tenantId, String code, int version, String name, String preset, Long basedOnId, String yaml,
                MethodVersion.Status status, String note, String createdBy, OffsetDateTime at) {
        return jdbc.sql("""
                insert into method_version (tenant_id, code, version, name, preset, based_on_id, definition_yaml,
                                            status, note, created_by, created_at, adopted_at)
                values (:t, :code, :v, :name, :preset, :based, :yaml, :status, :note, :by, :at, :adoptedAt)
                returning id
                """)
                .param("t", tenantId).param("code", code).param("v", version).param("name", name)
                .param("preset", preset).param("based", basedOnId).param("yaml", yaml).param("status", status.name())
                .param("note", note).param("by", createdBy).param("at", at)
                .param("adoptedAt", status == MethodVersion.Status.ADOPTED ? at : null)
                .query(Long.class).single();
    }

    /** Only a draft's text changes, never an adopted version's. */
    int updateDraft(long tenantId, long id, String name, String yaml, String note) {
        return jdbc.sql("""
                update method_version set definition_yaml = :yaml, name = :name, note = :note
                where tenant_id = :t and id = :id and status = 'DRAFT'
                """).param("yaml", yaml).param("name", name).param("note", note).param("t", tenantId).param("id", id)
                .update();
    }

    int supersedeAdopted(long tenantId) {
        return jdbc.sql("update method_version set status = 'SUPERSEDED' where tenant_id = :t and status = 'ADOPTED'")
                .param("t", tenantId).update();
    }

    int adoptDraft(long tenantId, long id, OffsetDateTime at) {
        return jdbc.sql("""
                update method_version set status = 'ADOPTED', adopted_at = :at
                where tenant_id = :t and id = :id and status = 'DRAFT'
                """).param("at", at).param("t", tenantId).param("id", id).update();
    }

    private MethodCheck parsed(long id, String yaml) {
        Parsed known = parsed.get(id);
        if (known == null || !known.yaml().equals(yaml)) {
            known = new Parsed(yaml, MethodParser.parse(yaml));
            parsed.put(id, known);
        }
        return known.check();
    }

    private MethodVersion map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        String yaml = rs.getString("definition_yaml");
        MethodCheck check = parsed(id, yaml);
        Long basedOn = rs.getObject("based_on_id", Long.class);
        return new MethodVersion(id, rs.getLong("tenant_id"), rs.getString("code"),
                rs.getInt("version"), rs.getString("name"), rs.getString("preset"),
                basedOn, yaml, MethodVersion.Status.valueOf(rs.getString("status")),
                rs.getString("note"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("adopted_at", OffsetDateTime.class), check.definition(), check.flags());
    }
}
