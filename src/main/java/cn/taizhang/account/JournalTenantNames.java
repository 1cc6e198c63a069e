package cn.taizhang.account;

import cn.taizhang.audit.AuditTenantNames;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.Tenants;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Gives the audit journal the tenants' names for its filter. */
@Component
class JournalTenantNames implements AuditTenantNames {

    private final Tenants tenants;

    JournalTenantNames(Tenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public Map<Long, String> tenantNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Tenant t : tenants.all()) {
            names.put(t.id(), t.name());
        }
        return names;
    }
}
