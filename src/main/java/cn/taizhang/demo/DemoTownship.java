package cn.taizhang.demo;

import cn.taizhang.account.Accounts;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.ContactKind;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.GroupRole;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Organisation.PersonDetails;
import cn.taizhang.org.Person;
import cn.taizhang.org.Position;
import cn.taizhang.org.Rank;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.TenantKind;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.shared.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start of an empty database, creates a demo county with one township on the wusi
 * preset: a leadership team, offices, six groups, town-level and stationed units, eight villages
 * and a community, about sixty people, external raters, and one account per role (README).
 * The data is in {@code resources/demo/*.txt}, one row a line.
 */
@Component
class DemoTownship implements SmartLifecycle {

    /** The password of every demo account; it satisfies the password rules. */
    static final String DEMO_PASSWORD = "Taizhang@2026";

    private static final Logger log = LoggerFactory.getLogger(DemoTownship.class);

    private final Tenants tenants;
    private final Organisation organisation;
    private final Accounts accounts;
    private final TenantMethods methods;
    private final TransactionTemplate tx;
    private final boolean enabled;

    DemoTownship(Tenants tenants, Organisation organisation, Accounts accounts, TenantMethods methods,
                 TransactionTemplate tx, @Value("${taizhang.demo.enabled:true}") boolean enabled) {
        this.tenants = tenants;
        this.organisation = organisation;
        this.accounts = accounts;
        this.methods = methods;
        this.tx = tx;
        this.enabled = enabled;
    }

    private volatile boolean running;

    /**
     * Runs before the web server opens (its lifecycle phase is later), so that nobody signing in
     * during the first seconds is told a demo account does not exist.
     */
    @Override
    public void start() {
        createOnFirstStart();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }

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
        DataScope builder = DataScope.wholeTenant(town.id());
        methods.adoptPreset(town.id(), "wusi");

        Map<String, OrgUnit> units = new HashMap<>();
        for (String[] row : rows("demo/units.txt")) {
            UnitKind kind = UnitKind.valueOf(row[1]);
            OrgUnit unit = kind.isRoot()
                    ? organisation.createRoot(town.id(), kind, row[0], row[2])
                    : organisation.createUnit(builder, units.get(row[3]).id(), kind, row[0], row[2], units.size());
            units.put(row[0], unit);
        }

        Map<String, Person> people = new HashMap<>();
        Person previousStaff = null;
        for (String[] row : rows("demo/people.txt")) {
            OrgUnit unit = units.get(row[3]);
            Position position = Position.valueOf(row[4]);
            // AB岗: consecutive staff of one unit back each other up
            Long backup = previousStaff != null && previousStaff.unitId() == unit.id() && position == Position.STAFF
                    ? previousStaff.id() : null;
            Person p = organisation.createPerson(builder, new PersonDetails(unit.id(), row[0], row[1], row[2],
                    position, row[5], Rank.valueOf(row[6]), phoneOf(row[0]), backup));
            people.put(row[0], p);
            previousStaff = position == Position.STAFF ? p : null;
            if (row.length > 7 && !row[7].isBlank()) {
                for (String membership : row[7].split(",")) {
                    String[] m = membership.trim().split(":");
                    organisation.addMember(builder, units.get(m[0]).id(), p.id(), GroupRole.valueOf(m[1]),
                            "APPOINTED", null, null);
                }
            }
        }

        for (String[] row : rows("demo/contacts.txt")) {
            organisation.addContact(builder, units.get(row[0]).id(), ContactKind.valueOf(row[1]), row[2], row[3], null);
        }

        account(county, "sysadmin", "系统管理员", null, Role.SYSTEM_ADMIN, null);
        account(county, "secadmin", "安全管理员", null, Role.SECURITY_ADMIN, null);
        account(county, "auditadmin", "安全审计员", null, Role.AUDIT_ADMIN, null);
        account(county, "county", "县委组织部管理员", null, Role.COUNTY_ADMIN, null);
        account(town, "shuji", "张建国", people.get("P001"), Role.LEADERSHIP, null);
        account(town, "zhenzhang", "李卫东", people.get("P002"), Role.LEADERSHIP, null);
        account(town, "jiwei", "赵志刚", people.get("P004"), Role.DISCIPLINE, null);
        account(town, "zuzhang", "陈明", people.get("P006"), Role.GROUP_LEADER, units.get("WS-CJ"));
        account(town, "ganbu", "罗丹", people.get("P019"), Role.STAFF, null);
        account(town, "cunganbu", "杜长海", people.get("P045"), Role.VILLAGE_CADRE, units.get("WS-DG"));
    }

    private void account(Tenant tenant, String username, String name, Person person, Role role, OrgUnit scope) {
        accounts.create(tenant.id(), username, name, DEMO_PASSWORD, person == null ? null : person.id(), Set.of(role),
                scope == null ? null : scope.id());
    }

    /** A made-up mobile number in the 139 0000 range, so the demo shows no real person's number. */
    private static String phoneOf(String code) {
        return "13900000" + code.substring(1);
    }

    private static List<String[]> rows(String resource) {
        try {
            String text = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> {
                        String[] cells = l.split("\\|", -1);
                        for (int i = 0; i < cells.length; i++) {
                            cells[i] = cells[i].trim();
                        }
                        return cells;
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
