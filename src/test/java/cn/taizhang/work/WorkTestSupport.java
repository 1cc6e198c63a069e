package cn.taizhang.work;

import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.Tenants;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;

/** Looks up the demo township's units and people by code. */
final class WorkTestSupport {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private WorkTestSupport() {
    }

    static Instant at(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).atZone(CHINA).toInstant();
    }

    static long town(Tenants tenants) {
        return tenants.findByCode("demo-town").map(Tenant::id).orElseThrow();
    }

    static long unit(Organisation org, Tenants tenants, String code) {
        long t = town(tenants);
        return org.tree(cn.taizhang.org.DataScope.wholeTenant(t), t, true).stream()
                .filter(u -> u.code().equals(code)).map(OrgUnit::id).findFirst().orElseThrow();
    }

    static long person(Organisation org, Tenants tenants, String code) {
        long t = town(tenants);
        return org.people(cn.taizhang.org.DataScope.wholeTenant(t), t, null, code, true).stream()
                .filter(p -> p.code().equals(code)).map(Person::id).findFirst().orElseThrow();
    }
}
