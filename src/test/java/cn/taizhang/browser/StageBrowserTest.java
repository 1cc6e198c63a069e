package cn.taizhang.browser;

import static cn.taizhang.support.SignedIn.api;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenants;
import cn.taizhang.support.TaizhangTest;
import com.microsoft.playwright.Page;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * In Chromium: the ledger's light filter shows its whole label on a desktop; on an item, the assignee
 * reports a stage done and the supervision group rates the quarter against the method's standards.
 */
@TaizhangTest
class StageBrowserTest extends BrowserSupport {

    @Autowired MockMvc mvc;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired TenantMethods methods;
    @Autowired Clock clock;

    private long town() {
        return tenants.findByCode("demo-town").orElseThrow().id();
    }

    private long unitId(String code) {
        long t = town();
        return organisation.tree(DataScope.wholeTenant(t), t, false).stream()
                .filter(u -> u.code().equals(code)).findFirst().orElseThrow().id();
    }

    private long personId(String code) {
        long t = town();
        return organisation.people(DataScope.wholeTenant(t), t, null, code, false).stream()
                .filter(p -> p.code().equals(code)).findFirst().orElseThrow().id();
    }

    private String call(String user, String path, String json) throws Exception {
        return mvc.perform(post(path).with(api(user)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theLightFilterShowsItsWholeLabelOnADesktop() {
        Page page = signIn("shuji", 1280, 900);
        page.navigate(url("/work"));
        Object fits = page.evaluate("""
                () => {
                  const select = document.querySelector('#ledger-filter select[name=light]');
                  const probe = document.createElement('span');
                  probe.style.font = getComputedStyle(select).font;
                  probe.style.position = 'absolute';
                  probe.textContent = select.options[0].text;
                  document.body.appendChild(probe);
                  const style = getComputedStyle(select);
                  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                  return probe.offsetWidth <= room;
                }""");
        org.assertj.core.api.Assertions.assertThat(fits).isEqualTo(true);
        page.locator("#ledger-filter").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("ledger-light-filter.png")));
    }

    @Test
    void aStageIsReportedDoneAndTheQuarterIsRatedAgainstTheStandards() throws Exception {
        long t = town();
        methods.adoptPreset(t, "wusi");
        var draft = methods.copyForEditing(t, methods.active(t).orElseThrow().id());
        methods.saveDraft(t, draft.id(), draft.yaml().replace("\npractices:\n", """

                practices:
                  stageEvaluation:
                    standards:
                      - {code: operation, name: 工作运行好, checks: 是否按倒排的工期和阶段推进，偏离目标的做法是否及时纠正}
                      - {code: results, name: 工作业绩好, checks: 本季度目标任务的完成情况和成效}
                      - {code: response, name: 群众反映好, checks: 服务对象和群众对这项工作的反映}
                """), "browser test");
        methods.adopt(t, draft.id());
        try {
            LocalDate today = LocalDate.now(clock);
            String body = call("shuji", "/api/work", """
                    {"title": "老旧小区雨污分流改造", "categoryCode": "central", "source": "MEETING_DECISION",
                     "leadUnitId": %d, "responsiblePersonId": %d, "startDate": "%s", "deadline": "%s", "target": "雨污分流",
                     "leaderId": %d, "deputyIds": [%d, %d], "supervisorIndex": 0, "assign": true,
                     "stages": [{"name": "入户摸底", "workingDays": 3}, {"name": "管网施工", "workingDays": 20},
                                {"name": "竣工验收", "workingDays": 3}]}"""
                    .formatted(unitId("WS-CJ"), personId("P019"), today, today.plusDays(60), personId("P006"),
                            personId("P017"), personId("P018")));
            long id = Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1"));
            call("ganbu", "/api/work/" + id + "/acknowledge", "{}");
            call("ganbu", "/api/work/" + id + "/documents", "{\"kind\": \"WORK_PLAN\", \"body\": \"方案\"}");
            call("ganbu", "/api/work/" + id + "/documents", "{\"kind\": \"RISK_ASSESSMENT\", \"body\": \"评估\"}");
            call("ganbu", "/api/work/" + id + "/start", "{}");

            Page ganbu = signIn("ganbu", 1280, 900);
            ganbu.navigate(url("/work/" + id));
            ganbu.locator("#stages").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("stage-done-form.png")));
            ganbu.fill("#stage-1 input[name=text]", "已入户 128 户");
            ganbu.click("#stage-1 button");
            assertThat(ganbu.locator("#stage-1")).containsText("已完成");
            assertThat(ganbu.locator("#history")).containsText("阶段“入户摸底”");

            Page jiwei = signIn("jiwei", 1280, 900);
            jiwei.navigate(url("/work/" + id));
            jiwei.selectOption("#stage-standard-operation", "GOOD");
            jiwei.selectOption("#stage-standard-results", "FAIR");
            jiwei.fill("#stage-remark", "摸底按期完成，施工队伍尚未进场");
            jiwei.click("#stage-form button");
            assertThat(jiwei.locator("#stage-form")).containsText("请评定标准“群众反映好”（response）。");
            jiwei.selectOption("#stage-standard-operation", "GOOD");
            jiwei.selectOption("#stage-standard-results", "FAIR");
            jiwei.selectOption("#stage-standard-response", "GOOD");
            jiwei.locator("#stage-form").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("stage-evaluation-form.png")));
            jiwei.click("#stage-form button");
            assertThat(jiwei.locator("#history")).containsText("工作业绩好：较好");
            screenshot(jiwei, "stage-evaluation-standards");
        } finally {
            methods.adoptPreset(t, "wusi");
        }
    }

    @Test
    void aPlanLineNothingReliesOnOffersDeletion() throws Exception {
        String s = String.valueOf(System.nanoTime() % 100000);
        String plan = call("zuzhang", "/api/work/plans", """
                {"level": "GROUP_ANNUAL", "year": 2047, "unitId": %d, "title": "城建组2047年工作计划%s"}"""
                .formatted(unitId("WS-CJ"), s));
        long planId = Long.parseLong(plan.replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1"));
        String line = call("zuzhang", "/api/work/plans/" + planId + "/lines", """
                {"content": "重复录入的一条%s", "standard": "按期完成", "deadline": "2047-06-30", "responsibleUnitId": %d,
                 "responsiblePersonId": %d, "supervisingLeaderId": %d}"""
                .formatted(s, unitId("WS-CJ"), personId("P017"), personId("P006")));
        long lineId = Long.parseLong(line.replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1"));
        Page page = signIn("zuzhang", 1280, 900);
        page.navigate(url("/work/plans/lines/" + lineId));
        assertThat(page.locator("#delete-line")).containsText("删除这一条");
        screenshot(page, "plan-line-delete");
        page.fill("#delete-line input[name=reason]", "重复录入");
        page.click("#delete-line button");
        assertThat(page.locator("body")).containsText("已删除这一条目标任务");
    }
}
