package cn.taizhang.demo;

import cn.taizhang.account.Accounts;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.TenantKind;
import cn.taizhang.org.Tenants;
import cn.taizhang.shared.Role;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start of an empty database, creates a demo county with one township on the wusi
 * preset, its organisation, people and one account per role (listed in the README).
 */
@Component
class DemoTownship {

    /** The password of every demo account; it satisfies the password rules. */
    static final String DEMO_PASSWORD = "Taizhang@2026";

    private static final Logger log = LoggerFactory.getLogger(DemoTownship.class);

    private final Tenants tenants;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final boolean enabled;

    DemoTownship(Tenants tenants, Accounts accounts, TransactionTemplate tx,
                 @Value("${taizhang.demo.enabled:true}") boolean enabled) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.tx = tx;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createOnFirstStart() {
        if (!enabled || tenants.count() > 0) {
            return;
        }
        tx.executeWithoutResult(status -> create());
        log.info("Created the demo county and township; demo accounts sign in with password {}", DEMO_PASSWORD);
    }

    private void create() {
        Tenant county = tenants.create(TenantKind.COUNTY, "demo-county", "示范县", null);
        Tenant town = tenants.create(TenantKind.TOWNSHIP, "demo-town", "示范县五四镇", county.id());
        account(county, "sysadmin", "系统管理员", Role.SYSTEM_ADMIN);
        account(county, "secadmin", "安全管理员", Role.SECURITY_ADMIN);
        account(county, "auditadmin", "安全审计员", Role.AUDIT_ADMIN);
        account(county, "county", "县委组织部管理员", Role.COUNTY_ADMIN);
        account(town, "shuji", "书记", Role.LEADERSHIP);
    }

    private void account(Tenant tenant, String username, String name, Role role) {
        accounts.create(tenant.id(), username, name, DEMO_PASSWORD, null, Set.of(role), null);
    }
}
