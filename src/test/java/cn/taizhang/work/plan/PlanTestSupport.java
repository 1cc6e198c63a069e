package cn.taizhang.work.plan;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.Tenants;
import cn.taizhang.support.SignedIn;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The demo township's units and people by code, and form posts as a signed-in user. */
final class PlanTestSupport {

    private PlanTestSupport() {
    }

    static Instant at(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    static long town(Tenants tenants) {
        return tenants.findByCode("demo-town").map(Tenant::id).orElseThrow();
    }

    static long unit(Organisation org, Tenants tenants, String code) {
        long t = town(tenants);
        return org.tree(DataScope.wholeTenant(t), t, true).stream().filter(u -> u.code().equals(code))
                .map(OrgUnit::id).findFirst().orElseThrow();
    }

    static long person(Organisation org, Tenants tenants, String code) {
        long t = town(tenants);
        return org.people(DataScope.wholeTenant(t), t, null, code, true).stream().filter(p -> p.code().equals(code))
                .map(Person::id).findFirst().orElseThrow();
    }

    /** A POST of a form as {@code user}, with CSRF; params are name, value, name, value... */
    static MockHttpServletRequestBuilder form(SignedIn signedIn, String user, String url, String... params) {
        var req = post(url).with(signedIn.as(user)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        return req;
    }

    static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000, 36);
    }
}
