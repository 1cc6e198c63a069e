package cn.taizhang.org;

import cn.taizhang.shared.CurrentUser;
import org.springframework.stereotype.Service;

/** Computes the data scope of a user (ORG-5). */
@Service
public class OrgScopes {

    private final Tenants tenants;
    private final UnitRepository units;

    OrgScopes(Tenants tenants, UnitRepository units) {
        this.tenants = tenants;
        this.units = units;
    }

    public DataScope of(CurrentUser user) {
        String scopePath = user.scopeUnitId() == null ? null
                : units.find(user.tenantId(), user.scopeUnitId()).map(OrgUnit::path).orElse(null);
        return DataScope.of(user, tenants.reachableBy(user), scopePath);
    }

    public DataScope current() {
        return of(CurrentUser.require());
    }
}
