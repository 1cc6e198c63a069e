package cn.taizhang.method;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for method_version; every query is scoped by tenant. */
@Repository
class MethodVersionRepository {

    private static final String COLUMNS = "id, tenant_id, code, version, name, preset, based_on_id, definition_yaml, "
            + "status, note, created_by, created_at, adopted_at";

    private final JdbcClient jdbc;

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
                .param("t", tenantId).param("id", id).query(MethodVersionRepository::map).optional();
    }

    Optional<MethodVersion> adopted(long tenantId) {
        return jdbc.sql("select " + COLUMNS + " from method_version where tenant_id = :t and status = 'ADOPTED'")
                .param("t", tenantId).query(MethodVersionRepository::map).optional();
    }

    List<MethodVersion> all(long tenantId) {
        return jdbc.sql("select " + COLUMNS + " from method_version where tenant_id = :t order by code, version desc")
                .param("t", tenantId).query(MethodVersionRepository::map).list();
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

    private static MethodVersion map(ResultSet rs, int row) throws SQLException {
        String yaml = rs.getString("definition_yaml");
        MethodCheck check = MethodParser.parse(yaml);
        Long basedOn = rs.getObject("based_on_id", Long.class);
        return new MethodVersion(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("code"),
                rs.getInt("version"), rs.getString("name"), rs.getString("preset"),
                basedOn, yaml, MethodVersion.Status.valueOf(rs.getString("status")),
                rs.getString("note"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("adopted_at", OffsetDateTime.class), check.definition(), check.flags());
    }
}
