package cn.taizhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenants;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.support.TaizhangTest;
import cn.taizhang.work.plan.PlanLevel;
import cn.taizhang.work.plan.PlanLine;
import cn.taizhang.work.plan.Plans;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A group leader corrects a line his group's plan already carries out, giving the reason, in Chromium. */
@TaizhangTest
class PlanLineBrowserTest extends BrowserSupport {

    @Autowired Plans plans;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired UserDetailsService users;

    @Test
    void aLineIsCorrectedWithAReasonAndItsHistoryShows() {
        long town = tenants.findByCode("demo-town").orElseThrow().id();
        long construction = organisation.tree(DataScope.wholeTenant(town), town, true).stream()
                .filter(u -> u.code().equals("WS-CJ")).map(OrgUnit::id).findFirst().orElseThrow();
        long he = organisation.people(DataScope.wholeTenant(town), town, null, "P017", true).stream()
                .filter(p -> p.code().equals("P017")).map(Person::id).findFirst().orElseThrow();
        CurrentUser zuzhang = ((CurrentUser.Holder) users.loadUserByUsername("zuzhang")).currentUser();
        String s = Long.toString(System.nanoTime() % 1_000_000, 36);
        var plan = plans.create(zuzhang, new Plans.NewPlan(PlanLevel.GROUP_ANNUAL, 2045, null, construction, null,
                "城建组2045年工作计划" + s));
        PlanLine line = plans.addLine(zuzhang, plan.id(), new Plans.NewLine("危房改造" + s, "验收合格率100%",
                LocalDate.of(2045, 6, 30), construction, he, zuzhang.personId(), null));
        plans.createItem(zuzhang, line.id(), "routine");

        Page page = signIn("zuzhang", 1280, 900);
        page.navigate(url("/work/plans/" + plan.id()));
        page.click("#line-" + line.id() + " >> text=修改");
        page.fill("#deadline", "2045-08-31");
        page.click("#revise-form button[type=submit]");
        assertThat(page.locator("#revise-form")).containsText("修改须写明原因");
        page.fill("#reason", "县里调整了验收时间");
        page.click("#revise-form button[type=submit]");
        assertThat(page.locator(".alert-success")).containsText("期限和责任人不随之改变");
        page.click("#line-" + line.id() + " >> text=已修改 1 次");
        assertThat(page.locator("#revisions")).containsText("县里调整了验收时间");
        assertThat(page.locator("#revisions")).containsText("2045-08-31");
        screenshot(page, "plan-line-revised");
        page.setViewportSize(390, 844);
        screenshot(page, "plan-line-revised-phone");
        page.context().close();
    }
}
