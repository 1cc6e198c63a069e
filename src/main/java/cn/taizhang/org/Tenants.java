package cn.taizhang.org;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.shared.Role;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenants of this installation (ORG-1) and which of them a user may reach. */
@Service
public class Tenants {

    /** Codes that name public pages under /public/ and so cannot name a tenant's public boards. */
    static final Set<String> RESERVED_CODES = Set.of("verify", "qr", "api", "static", "assets");

    private final JdbcClient jdbc;
    private final AuditJournal journal;

    Tenants(JdbcClient jdbc, AuditJournal journal) {
        this.jdbc = jdbc;
        this.journal = journal;
    }

    @Transactional
    public Tenant create(TenantKind kind, String code, String name, Long parentId) {
        if (kind == TenantKind.TOWNSHIP && parentId == null) {
            throw DomainException.atField("parentId", "tenant.townshipNeedsCounty");
        }
        if (parentId != null && find(parentId).map(t -> t.kind() != TenantKind.COUNTY).orElse(true)) {
            throw DomainException.atField("parentId", "tenant.parentMustBeCounty");
        }
        if (RESERVED_CODES.contains(code.toLowerCase(java.util.Locale.ROOT))) {
            throw DomainException.atField("code", "tenant.codeReserved", code);
        }
        if (jdbc.sql("select count(*) from tenant where code = :c").param("c", code).query(Long.class).single() > 0) {
            throw DomainException.atField("code", "tenant.codeTaken", code);
        }
        long id = jdbc.sql("insert into tenant (parent_id, kind, code, name) values (:p, :k, :c, :n) returning id")
                .param("p", parentId).param("k", kind.name()).param("c", code).param("n", name)
                .query(Long.class).single();
        journal.record(id, "tenant.created", "tenant", id, "创建租户 " + name,
                null, Map.of("kind", kind.name(), "code", code, "name", name), null);
        return new Tenant(id, parentId, kind, code, name, true);
    }

    /** Switches a tenant on or off; the caller checks who may and journals why. */
    public void setActive(long id, boolean active) {
        jdbc.sql("update tenant set active = :a where id = :id").param("a", active).param("id", id).update();
    }

    public Optional<Tenant> find(long id) {
        return jdbc.sql("select id, parent_id, kind, code, name, active from tenant where id = :id")
                .param("id", id).query(Tenant.class).optional();
    }

    public Optional<Tenant> findByCode(String code) {
        return jdbc.sql("select id, parent_id, kind, code, name, active from tenant where code = :c")
                .param("c", code).query(Tenant.class).optional();
    }

    public List<Tenant> all() {
        return jdbc.sql("select id, parent_id, kind, code, name, active from tenant order by coalesce(parent_id, id), id")
                .query(Tenant.class).list();
    }

    public List<Tenant> children(long countyId) {
        return jdbc.sql("select id, parent_id, kind, code, name, active from tenant where parent_id = :p order by id")
                .param("p", countyId).query(Tenant.class).list();
    }

    /**
     * The tenants whose organisation the user may reach: a county administrator the county and
     * its townships, everybody else the own tenant only.
     */
    public Set<Long> reachableBy(CurrentUser user) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(user.tenantId());
        if (user.has(Role.COUNTY_ADMIN)) {
            children(user.tenantId()).forEach(t -> ids.add(t.id()));
        }
        return ids;
    }

    /** The tenant, if the user may reach it; otherwise "not found", so that guessing reveals nothing. */
    public Tenant requireReachable(CurrentUser user, long tenantId) {
        if (!reachableBy(user).contains(tenantId)) {
            throw new NotFoundException("tenant", tenantId);
        }
        return find(tenantId).orElseThrow(() -> new NotFoundException("tenant", tenantId));
    }

    public long count() {
        return jdbc.sql("select count(*) from tenant").query(Long.class).single();
    }
}
