package cn.taizhang.account;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.TenantKind;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.shared.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The system administrator's tenants: counties with their townships and departments. A new
 * township or department gets the root unit of its org tree at once.
 */
@Service
class TenantAdministration {

    private final Tenants tenants;
    private final Organisation organisation;
    private final AuditJournal journal;

    TenantAdministration(Tenants tenants, Organisation organisation, AuditJournal journal) {
        this.tenants = tenants;
        this.organisation = organisation;
        this.journal = journal;
    }

    /** A county (or a department without a county) and the tenants below it. */
    record Node(Tenant tenant, List<Tenant> children) {
    }

    List<Node> tree(CurrentUser admin) {
        requireSystemAdmin(admin);
        List<Tenant> all = tenants.all();
        List<Node> roots = new ArrayList<>();
        for (Tenant t : all) {
            if (t.parentId() == null) {
                roots.add(new Node(t, all.stream().filter(c -> Objects.equals(c.parentId(), t.id())).toList()));
            }
        }
        return roots;
    }

    List<Tenant> counties(CurrentUser admin) {
        requireSystemAdmin(admin);
        return tenants.all().stream().filter(t -> t.kind() == TenantKind.COUNTY).toList();
    }

    Tenant require(CurrentUser admin, long id) {
        requireSystemAdmin(admin);
        return tenants.find(id).orElseThrow(() -> new NotFoundException("tenant", id));
    }

    @Transactional
    Tenant create(CurrentUser admin, TenantKind kind, String code, String name, Long parentId) {
        requireSystemAdmin(admin);
        if (kind == null) {
            throw DomainException.atField("kind", "tenants.kindRequired");
        }
        if (kind == TenantKind.COUNTY && parentId != null) {
            throw DomainException.atField("parentId", "tenants.countyHasNoParent");
        }
        if (parentId != null && tenants.find(parentId).map(p -> !p.active()).orElse(false)) {
            throw DomainException.atField("parentId", "tenants.parentInactive");
        }
        Tenant created = tenants.create(kind, code.trim(), name.trim(), parentId);
        switch (kind) {
            case TOWNSHIP -> organisation.createRoot(created.id(), UnitKind.TOWNSHIP, created.code(), created.name());
            case DEPARTMENT -> organisation.createRoot(created.id(), UnitKind.DEPARTMENT, created.code(), created.name());
            case COUNTY -> { }
        }
        return created;
    }

    /**
     * Deactivates or reactivates a tenant: the accounts of a deactivated tenant cannot sign in and
     * are signed out at their next request. Nothing is deleted.
     */
    @Transactional
    void setActive(CurrentUser admin, long id, boolean active, String reason) {
        Tenant t = require(admin, id);
        if (reason == null || reason.isBlank()) {
            throw DomainException.atField("reason", "error.required.reason");
        }
        if (t.active() == active) {
            throw new DomainException(active ? "tenants.alreadyActive" : "tenants.alreadyInactive", t.name());
        }
        if (!active && t.id() == admin.tenantId()) {
            throw new DomainException("tenants.cannotDeactivateOwn");
        }
        if (!active && tenants.children(t.id()).stream().anyMatch(Tenant::active)) {
            throw new DomainException("tenants.hasActiveChildren", t.name());
        }
        if (active && t.parentId() != null && tenants.find(t.parentId()).map(p -> !p.active()).orElse(false)) {
            throw new DomainException("tenants.parentInactive");
        }
        tenants.setActive(id, active);
        journal.record(id, active ? "tenant.reactivated" : "tenant.deactivated", "tenant", id,
                (active ? "启用租户 " : "停用租户 ") + t.name(), Map.of("active", t.active()), Map.of("active", active),
                reason.trim());
    }

    private static void requireSystemAdmin(CurrentUser admin) {
        if (admin == null || !admin.has(Role.SYSTEM_ADMIN)) {
            throw new AccessDeniedException();
        }
    }
}
