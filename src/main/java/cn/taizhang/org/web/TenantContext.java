package cn.taizhang.org.web;

import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.TenantKind;
import cn.taizhang.org.Tenants;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.Role;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Which tenant an organisation page shows: the user's own, or, for a county administrator, the
 * township chosen with {@code ?tenant=} (only one within reach; anything else is "not found").
 */
@Component
class TenantContext {

    private final Tenants tenants;
    private final Organisation organisation;

    TenantContext(Tenants tenants, Organisation organisation) {
        this.tenants = tenants;
        this.organisation = organisation;
    }

    Tenant resolve(Long requested) {
        CurrentUser me = CurrentUser.require();
        if (requested != null) {
            return tenants.requireReachable(me, requested);
        }
        Tenant own = tenants.find(me.tenantId()).orElseThrow();
        if (own.kind() == TenantKind.COUNTY && me.has(Role.COUNTY_ADMIN) && organisation.root(own.id()).isEmpty()) {
            return tenants.children(own.id()).stream().findFirst().orElse(own);
        }
        return own;
    }

    /** The tenants the user may switch between (more than one only for a county administrator). */
    List<Tenant> choices() {
        CurrentUser me = CurrentUser.require();
        return tenants.reachableBy(me).stream().map(id -> tenants.find(id).orElseThrow())
                .filter(t -> organisation.root(t.id()).isPresent()).toList();
    }
}
