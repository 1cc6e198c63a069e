package cn.taizhang.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.taizhang.account.Accounts;
import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.TenantKind;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.scoring.ScoreEvents;
import cn.taizhang.scoring.SubjectRef;
import cn.taizhang.scoring.SuperiorStandings;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.Role;
import cn.taizhang.support.TaizhangTest;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A huaqiao township's secretary shares April's working funds by score and records the district
 * ranking behind a rise reward (FUND-1, FUND-2); the county administrator reads the township's
 * ranking (ORG-5), in Chromium.
 */
@TaizhangTest
class FundsBrowserTest extends BrowserSupport {

    @Autowired Tenants tenants;
    @Autowired TenantMethods methods;
    @Autowired Organisation organisation;
    @Autowired ScoreEvents events;
    @Autowired SuperiorStandings standings;
    @Autowired Accounts accounts;
    @Autowired Clock clock;
    @Autowired cn.taizhang.scoring.Assessments assessments;

    /** The district's list as it might be typed up: one good row, one with a rank in words. */
    private static byte[] standingsList(int y, String birthsCode) {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             var out = new java.io.ByteArrayOutputStream()) {
            var s = wb.createSheet(cn.taizhang.scoring.StandingWorkbook.SHEET);
            String[][] rows = {cn.taizhang.scoring.StandingWorkbook.COLUMNS.toArray(String[]::new),
                    {"class-rise", String.valueOf(y), "GROUP", birthsCode, "", "2", "区考核通报"},
                    {"class-rise", String.valueOf(y - 1), "GROUP", "", "计生组", "第五", "区考核通报"}};
            for (int r = 0; r < rows.length; r++) {
                var row = s.createRow(r);
                for (int i = 0; i < rows[r].length; i++) {
                    row.createCell(i).setCellValue(rows[r][i]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theSecretarySharesTheFundsAndRecordsTheDistrictRankingAndTheCountyReadsTheRanking() {
        long stamp = System.nanoTime() % 100000;
        Tenant county = tenants.create(TenantKind.COUNTY, "fb-county-" + stamp, "示例区", null);
        long town = tenants.create(TenantKind.TOWNSHIP, "fb-town-" + stamp, "花桥街镇", county.id()).id();
        methods.adoptPreset(town, "huaqiao");
        OrgUnit root = organisation.createRoot(town, UnitKind.TOWNSHIP, "HQ" + stamp, "花桥街镇");
        DataScope all = DataScope.wholeTenant(town);
        OrgUnit urban = organisation.createUnit(all, root.id(), UnitKind.GROUP, "HQ" + stamp + "-1", "城建组", 0);
        OrgUnit births = organisation.createUnit(all, root.id(), UnitKind.GROUP, "HQ" + stamp + "-2", "计生组", 0);
        organisation.createUnit(all, root.id(), UnitKind.GROUP, "HQ" + stamp + "-3", "政法组", 0);
        String leader = "hqshuji" + stamp;
        String admin = "fbcounty" + stamp;
        accounts.create(town, leader, "花桥书记", "Taizhang@2026", null, Set.of(Role.LEADERSHIP), null);
        accounts.create(county.id(), admin, "区委组织部", "Taizhang@2026", null, Set.of(Role.COUNTY_ADMIN), null);
        CurrentUser me = new CurrentUser(0, leader, "花桥书记", town, null, Set.of(Role.LEADERSHIP), null);
        int y = LocalDate.now(clock).getYear() - 1;
        String april = y + "-04";
        events.special(me, List.of(new SubjectRef(SubjectKind.GROUP, urban.id())), new BigDecimal("30"),
                LocalDate.of(y, 4, 10), "四月目标全部完成", null, null);
        events.special(me, List.of(new SubjectRef(SubjectKind.GROUP, births.id())), new BigDecimal("10"),
                LocalDate.of(y, 4, 12), "完成三项目标", null, null);
        standings.enter(me, new SuperiorStandings.Entry("ranking-rise", String.valueOf(y - 1),
                new SubjectRef(SubjectKind.GROUP, births.id()), 12, "区卫计委 " + (y - 1) + " 年终通报"));

        Page page = signIn(leader, 1280, 900);
        page.navigate(url("/scoring/consequences?cycle=" + april));
        page.fill("input[name=fundPool]", "12000.01");
        page.click(".funds-form button");
        assertThat(page.locator(".alert-success")).containsText("工作经费总额 12000.01 元已全部分配");
        assertThat(page.locator("#proposals")).containsText("9000.01 元");
        assertThat(page.locator("#proposals")).containsText("3000.00 元");
        screenshot(page, "consequences-group-funds");

        page.navigate(url("/scoring/consequences?cycle=" + y));
        page.selectOption("#st-subject-ranking-rise", "GROUP:" + births.id());
        page.fill("#st-standing-ranking-rise", "6");
        page.fill("#st-reason-ranking-rise", "区卫计委 " + y + " 年终通报");
        page.click("#rise-ranking-rise button");
        assertThat(page.locator(".alert-success")).containsText("已登记");
        assertThat(page.locator("#rise-ranking-rise")).containsText("↑ 6");
        page.selectOption("#consequence", "ranking-rise");
        page.click("text=生成 " + y + " 的提议");
        assertThat(page.locator("#proposals")).containsText("上级排名第 12 名 → 第 6 名");
        assertThat(page.locator("#proposals")).containsText("10000.00 元");
        screenshot(page, "consequences-rise-reward");

        // the preview takes the pool and shows each amount, nothing stored
        page.navigate(url("/scoring/consequences?cycle=" + april));
        page.fill("#preview-pool-group-funds", "1000.01");
        page.click(".funds-preview button");
        assertThat(page.locator("#funds-preview")).containsText("750.01 元");
        assertThat(page.locator("#funds-preview-total")).hasText("1000.01 元");
        screenshot(page, "consequences-funds-preview");

        // the district's list from Excel: a bad row is named, nothing stored
        page.navigate(url("/scoring/consequences?cycle=" + y));
        page.click("#standing-import");
        page.setInputFiles("input[type=file]", new com.microsoft.playwright.options.FilePayload("区排名.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", standingsList(y, births.code())));
        page.click("main form button");
        assertThat(page.locator("#import-problems")).containsText("名次或类别“第五”不是整数。");
        screenshot(page, "standing-import-problems");
        page.context().close();
        long run = assessments.run(me, "group-monthly", april).id();

        Page county2 = signIn(admin, 1280, 900);
        county2.navigate(url("/scoring/rankings?target=group-monthly&cycle=" + april));
        assertThat(county2.locator("h1")).containsText("花桥街镇");
        assertThat(county2.locator("#ranking")).containsText("城建组");
        screenshot(county2, "county-reads-township-ranking");
        county2.click("#ranking >> text=城建组");
        assertThat(county2.locator("main")).containsText("四月目标全部完成");
        screenshot(county2, "county-reads-township-explanation");
        county2.navigate(url("/scoring/consequences?cycle=" + april + "&preview=group-funds&month=" + april
                + "&pool=12000.01"));
        assertThat(county2.locator("#county-read-only")).isVisible();
        assertThat(county2.locator("#proposals")).containsText("9000.01 元");
        assertThat(county2.locator("#funds-preview-total")).hasText("12000.01 元");
        screenshot(county2, "county-reads-township-consequences");
        county2.navigate(url("/scoring/rankings?target=group-monthly&cycle=" + april));
        county2.click("#stored-runs a");
        assertThat(county2.locator("#run-rows")).containsText("城建组");
        screenshot(county2, "county-reads-stored-run");
        county2.navigate(url("/scoring/what-if?tenant=" + town + "&target=group-monthly&cycle=" + april));
        county2.click("#what-if-form button");
        assertThat(county2.locator("#what-if")).containsText("城建组");
        screenshot(county2, "county-what-if");
        county2.context().close();
    }
}
