package cn.taizhang.board.web;

import cn.taizhang.board.internal.VillageWindows;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.Tenants;
import cn.taizhang.shared.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The active tenant behind a public page's code, with its village windows, read at most once a
 * second per code: the public page is served from memory, and these two lookups were the rest of
 * its database work. A tenant deactivated or renamed shows so on its public pages within a second.
 */
@Component
class PublicTownships {

    private static final long REVALIDATE_NANOS = 1_000_000_000L;

    private final Tenants tenants;
    private final VillageWindows villages;
    private final Map<String, Township> known = new ConcurrentHashMap<>();

    PublicTownships(Tenants tenants, VillageWindows villages) {
        this.tenants = tenants;
        this.villages = villages;
    }

    record Township(Tenant tenant, List<OrgUnit> villages, long readAt) {
    }

    Township of(String code) {
        long now = System.nanoTime();
        Township t = known.get(code);
        if (t == null || now - t.readAt() > REVALIDATE_NANOS) {
            Tenant tenant = tenants.findByCode(code).filter(Tenant::active).orElse(null);
            if (tenant == null) {
                known.remove(code);
                throw new NotFoundException("tenant", code);
            }
            t = new Township(tenant, villages.villages(tenant.id()), now);
            known.put(code, t);
        }
        return t;
    }
}
