package cn.taizhang.board;

import static cn.taizhang.board.BoardTestSupport.penalty;
import static cn.taizhang.board.BoardTestSupport.reward;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.board.BoardTestSupport.Town;
import cn.taizhang.board.internal.BoardFlow;
import cn.taizhang.board.internal.BoardIssue;
import cn.taizhang.method.MethodCompliance;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenants;
import cn.taizhang.support.MutableClock;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/** The board pages, the public page without sign-in, the verification page and the JSON API. */
@TaizhangTest
class BoardPagesTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired TenantMethods methods;
    @Autowired BoardDrafts drafts;
    @Autowired BoardFlow flow;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired MethodCompliance compliance;
    @Autowired TransactionTemplate tx;

    BoardTestSupport support;
    Instant startedAt;
    long demoTown;

    @BeforeEach
    void setUp() {
        support = new BoardTestSupport(tenants, organisation, methods, drafts, flow, clock, users);
        startedAt = clock.instant();
        demoTown = tenants.findByCode("demo-town").orElseThrow().id();
        if (methods.active(demoTown).map(v -> !v.code().equals("wusi")).orElse(true)) {
            methods.adoptPreset(demoTown, "wusi");
        }
    }

    @AfterEach
    void putClockBack() {
        clock.set(startedAt);
    }

    @Test
    void theDemoTownshipPublishesItsRedBoardInAFewClicksAndResidentsReadItWithoutSigningIn_BOARD4() throws Exception {
        long luoDan = support.account("ganbu").personId();
        Proposal p = drafts.propose(demoTown, "red", "2026-12-01",
                List.of(BoardEntry.person(luoDan, "罗丹", "国土规划员", "提前完成宅基地确权登记任务", new java.math.BigDecimal("5"),
                        null, "scoring", "web-1")));
        String issue = "/boards/issues/" + p.issueId();

        // staff do not see drafts
        mvc.perform(get(issue).with(signedIn.as("ganbu"))).andExpect(status().isNotFound());
        mvc.perform(post(issue + "/submit").with(signedIn.as("shuji")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "已提交审核。"));
        mvc.perform(post(issue + "/publish").with(signedIn.as("jiwei")).with(csrf()))
                .andExpect(flash().attribute("boardError", containsString("当前的状态不允许")));
        mvc.perform(post(issue + "/notice").with(signedIn.as("jiwei")).with(csrf()))
                .andExpect(flash().attribute("boardError", containsString("只有乡镇领导")));
        mvc.perform(post(issue + "/notice").with(signedIn.as("shuji")).with(csrf()))
                .andExpect(flash().attribute("flash", containsString("公示期开始")));

        // the person named is told and may object on the page
        mvc.perform(get("/boards").with(signedIn.as("ganbu")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("公示中提到您的榜示")));
        mvc.perform(get(issue).with(signedIn.as("ganbu")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("对涉及本人的条目提出异议")));
        long entryId = flow.entries(demoTown, p.issueId()).get(0).id();
        mvc.perform(post(issue + "/objections").with(signedIn.as("ganbu")).with(csrf())
                        .param("entryId", String.valueOf(entryId)).param("text", "完成时间应为11月28日"))
                .andExpect(flash().attribute("flash", containsString("异议已提交")));
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        mvc.perform(post(issue + "/publish").with(signedIn.as("jiwei")).with(csrf()))
                .andExpect(flash().attribute("boardError", "还有 1 条异议未处理，处理完毕后方可发布。"));
        long objectionId = flow.objections(demoTown, p.issueId()).get(0).id();
        mvc.perform(post(issue + "/objections/" + objectionId + "/resolve").with(signedIn.as("jiwei")).with(csrf())
                        .param("outcome", "DISMISSED").param("resolution", "完成时间以验收单为准，不影响加分"))
                .andExpect(flash().attribute("flash", containsString("异议已处理")));
        mvc.perform(post(issue + "/publish").with(signedIn.as("shuji")).with(csrf()))
                .andExpect(flash().attribute("boardError", containsString("只有镇纪委可以发布")));
        mvc.perform(post(issue + "/publish").with(signedIn.as("jiwei")).with(csrf()))
                .andExpect(flash().attribute("flash", containsString("已发布并封存")));
        BoardIssue published = flow.issue(demoTown, p.issueId());
        assertThat(published.isPublished()).isTrue();

        mvc.perform(get(issue).with(signedIn.as("ganbu")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(published.contentHash()), containsString("完成时间以验收单为准"))));

        // residents: no sign-in, no navigation, name, post and fact but no phone number
        mvc.perform(get("/public/demo-town"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("示范县五四镇 榜示公开"), containsString("罗丹"),
                        containsString("国土规划员"), containsString("提前完成宅基地确权登记任务"), containsString("+5 分"),
                        containsString(published.code()), containsString("/public/qr?code=" + published.code()))))
                .andExpect(content().string(allOf(not(containsString("139 0000")), not(containsString("1390000")),
                        not(containsString("退出")), not(containsString("style=")), not(containsString("<script>")))));
        mvc.perform(get("/public/verify").param("code", published.code()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("完好"), containsString(published.contentHash()),
                        containsString("提前完成宅基地确权登记任务"))));
        mvc.perform(get("/public/qr").param("code", published.code()))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.IMAGE_PNG));
        mvc.perform(get("/api/public/demo-town/boards"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenantName").value("示范县五四镇"))
                .andExpect(jsonPath("$.issues[?(@.code == '" + published.code() + "')].entries[0].name").value("罗丹"))
                .andExpect(content().string(allOf(not(containsString("personId")), not(containsString("phone")))));
    }

    @Test
    void theVerificationPageReportsATamperedIssueAndAnUnknownCode_BOARD6() throws Exception {
        Town town = support.newTown();
        BoardIssue issue = support.publishNew(town, "red", "2026-12-02", List.of(reward(town.person().id(), "钱小明", "W1")));
        mvc.perform(get("/api/public/verify").param("code", issue.code()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("INTACT"))
                .andExpect(jsonPath("$.chainSeq").value(1));
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("update board_entry set subject_name = '钱大明' where tenant_id = :t and issue_id = :i")
                    .param("t", town.id()).param("i", issue.id()).update();
        });
        mvc.perform(get("/public/verify").param("code", issue.code()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已被改动")));
        mvc.perform(get("/api/public/verify").param("code", issue.code()).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("ALTERED"))
                .andExpect(jsonPath("$.intact").value(false));
        mvc.perform(get("/public/verify").param("code", "NOPE"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("没有找到")));
        mvc.perform(get("/api/public/verify").param("code", "ZZZZZ-ZZZZZ"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("UNKNOWN"));
        mvc.perform(get("/public/qr").param("code", "ZZZZZ-ZZZZZ")).andExpect(status().isNotFound());
        mvc.perform(get("/public/no-such-town")).andExpect(status().isNotFound());
    }

    @Test
    void anotherTownshipsIssueByGuessedIdIsNotFound() throws Exception {
        Town town = support.newTown();
        BoardIssue issue = support.publishNew(town, "red", "2026-12-03", List.of(reward(town.person().id(), "钱小明", "G1")));
        mvc.perform(get("/boards/issues/" + issue.id()).with(signedIn.as("shuji"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/boards/issues/" + issue.id()).with(SignedIn.api("shuji"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/boards/issues/" + issue.id() + "/publish").with(SignedIn.api("jiwei")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/boards").with(signedIn.as("shuji")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(issue.code()))));
        // the other township's public page shows it, the demo's does not
        mvc.perform(get("/public/" + town.tenant().code())).andExpect(content().string(containsString(issue.code())));
        mvc.perform(get("/public/demo-town")).andExpect(content().string(not(containsString(issue.code()))));
    }

    /** The public page is served from memory, but never stale: it follows publications, retention and bases. */
    @Test
    void thePublicPageFollowsEveryChangeAndAnswersAnUnchangedPageWith304() throws Exception {
        Town town = support.newTown();
        String path = "/public/" + town.tenant().code();
        BoardIssue red = support.publishNew(town, "red", "2026-11", List.of(reward(town.person().id(), "钱小明", "C1")));
        MvcResult first = mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().string(containsString(red.code()))).andReturn();
        String etag = first.getResponse().getHeader("ETag");
        assertThat(etag).isNotBlank();
        mvc.perform(get(path).header("If-None-Match", etag)).andExpect(status().isNotModified());
        mvc.perform(get(path).param("lang", "en").header("If-None-Match", etag)).andExpect(status().isOk())
                .andExpect(content().string(containsString("public boards")));

        BoardIssue black = support.publishNew(town, "black", "2026-12", List.of(penalty(town.person().id(), "钱小明", "C2")));
        String afterBlack = mvc.perform(get(path).header("If-None-Match", etag)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(black.code())))).andReturn().getResponse().getHeader("ETag");
        assertThat(afterBlack).as("a publication changes the page's version").isNotEqualTo(etag);

        compliance.recordApproval(town.id(), "PUBLIC_BLACK_BOARD:black", "测政〔2026〕9号", "测试镇党委",
                LocalDate.now(support.clock).minusDays(1));
        mvc.perform(get(path).header("If-None-Match", afterBlack)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(black.code()), containsString("周一例会无故缺席"))));

        support.clock.advance(Duration.ofDays(200)); // past the black board's 180 days, within the red board's 365
        mvc.perform(get(path)).andExpect(content().string(allOf(containsString(red.code()),
                not(containsString(black.code())))));
    }

    @Test
    void theBlackBoardStaysOffThePublicPageWithoutABasis_BOARD5() throws Exception {
        Town town = support.newTown();
        BoardIssue black = support.publishNew(town, "black", "2026-12", List.of(penalty(town.person().id(), "钱小明", "B1")));
        mvc.perform(get("/public/" + town.tenant().code()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(not(containsString(black.code())),
                        not(containsString("周一例会无故缺席")))));
        mvc.perform(get("/api/public/" + town.tenant().code() + "/boards"))
                .andExpect(jsonPath("$.issues").isEmpty());
        mvc.perform(get("/public/verify").param("code", black.code()))
                .andExpect(content().string(allOf(containsString("完好"), not(containsString("周一例会无故缺席")),
                        containsString("内容不在公开页上"))));
    }

    @Test
    void theApiDraftsPublishesAndCorrects() throws Exception {
        long luoDan = support.account("ganbu").personId();
        String body = """
                {"boardCode":"red","period":"2026-12-04","entries":[{"subject":"PERSON","name":"罗丹","post":"国土规划员",
                 "fact":"完成林地巡查","points":2,"sourceModule":"scoring","sourceId":"api-1","personId":%d}]}
                """.formatted(luoDan);
        mvc.perform(post("/api/boards/drafts").with(SignedIn.api("ganbu")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("board.edit.notDesignated"));
        String phone = body.replace("完成林地巡查", "完成林地巡查，电话13912345678");
        mvc.perform(post("/api/boards/drafts").with(SignedIn.api("jiwei")).contentType(MediaType.APPLICATION_JSON).content(phone))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("board.entry.personalNumber"));
        String created = mvc.perform(post("/api/boards/drafts").with(SignedIn.api("jiwei"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.noticeDays").value(3))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+),.*$", "$1").trim());
        mvc.perform(post("/api/boards/issues/" + id + "/submit").with(SignedIn.api("jiwei"))).andExpect(status().isOk());
        mvc.perform(post("/api/boards/issues/" + id + "/notice").with(SignedIn.api("zhenzhang")))
                .andExpect(jsonPath("$.status").value("NOTICE"));
        mvc.perform(post("/api/boards/issues/" + id + "/publish").with(SignedIn.api("jiwei")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("board.publish.noticeRunning"));
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        mvc.perform(post("/api/boards/issues/" + id + "/publish").with(SignedIn.api("zhenzhang")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("board.publish.notDesignated"));
        String code = flow.issue(demoTown, id).code();
        mvc.perform(post("/api/boards/issues/" + id + "/publish").with(SignedIn.api("jiwei")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.hash").isString());

        mvc.perform(post("/api/boards/corrections").with(SignedIn.api("jiwei")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"分值有误\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("board.correction.targetRequired"));
        mvc.perform(post("/api/boards/corrections").with(SignedIn.api("jiwei")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"corrects\":\"" + code + "\",\"reason\":\"分值应为1分\",\"entries\":[{\"subject\":\"PERSON\","
                                + "\"name\":\"罗丹\",\"post\":\"国土规划员\",\"fact\":\"完成林地巡查\",\"points\":1,"
                                + "\"sourceModule\":\"scoring\",\"sourceId\":\"api-1\",\"personId\":" + luoDan + "}]}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.corrects").value(code))
                .andExpect(jsonPath("$.entries[?(@.withdrawn == false)].points").value(1.0));
    }
}
