package cn.taizhang.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.account.Accounts;
import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.TenantKind;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.shared.Role;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * ORG-5, "the county its townships": the county administrator reads the rankings and explanations
 * of each township of the county, read-only; another county's township is not found.
 */
@TaizhangTest
class CountyReadingTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final MediaType JSON = MediaType.APPLICATION_JSON;

    @Autowired Tenants tenants;
    @Autowired TenantMethods methods;
    @Autowired Organisation organisation;
    @Autowired ScoreEvents events;
    @Autowired RatingSheets sheets;
    @Autowired Assessments assessments;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;

    String admin;
    Township first;
    Township second;
    Township elsewhere;
    OrgUnit urban;
    OrgUnit secondGroup;
    OrgUnit foreignGroup;
    String april;

    @BeforeEach
    void setUp() {
        int n = SEQ.incrementAndGet();
        Tenant county = tenants.create(TenantKind.COUNTY, "sf-county-" + n + "-" + System.nanoTime() % 100000,
                "读县" + n, null);
        admin = "countyreader" + county.id();
        accounts.create(county.id(), admin, "县委组织部管理员", SignedIn.DEMO_PASSWORD, null, Set.of(Role.COUNTY_ADMIN), null);
        first = new Township("huaqiao", county.id(), tenants, methods, organisation, events, sheets, assessments);
        second = new Township("huaqiao", county.id(), tenants, methods, organisation, events, sheets, assessments);
        elsewhere = new Township("huaqiao", tenants, methods, organisation, events, sheets, assessments);
        urban = first.unit(UnitKind.GROUP, "城建组");
        OrgUnit births = first.unit(UnitKind.GROUP, "计生组");
        secondGroup = second.unit(UnitKind.GROUP, "二镇综治组");
        foreignGroup = elsewhere.unit(UnitKind.GROUP, "邻县城建组");
        int y = LocalDate.now(clock).getYear() - 1;
        april = y + "-04";
        events.special(first.leader, List.of(Township.of(SubjectKind.GROUP, urban)), new BigDecimal("30"),
                LocalDate.of(y, 4, 10), "四月目标全部完成", null, null);
        events.special(first.leader, List.of(Township.of(SubjectKind.GROUP, births)), new BigDecimal("10"),
                LocalDate.of(y, 4, 12), "完成三项目标", null, null);
        events.special(second.leader, List.of(Township.of(SubjectKind.GROUP, secondGroup)), new BigDecimal("5"),
                LocalDate.of(y, 4, 15), "综治宣传月", null, null);
    }

    @Test
    void theApiAnswersEachTownshipsRankingAndExplanationToTheCountyAndNotAnotherCountys_ORG5() throws Exception {
        String explanation = "/api/scoring/explanations/group-monthly/" + april + "/GROUP/" + urban.id() + "?tenant="
                + first.id;
        mvc.perform(get("/api/scoring/targets").param("tenant", String.valueOf(first.id)).with(SignedIn.api(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'group-monthly')]").exists());
        mvc.perform(get("/api/scoring/rankings/group-monthly/" + april).param("tenant", String.valueOf(first.id))
                        .with(SignedIn.api(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].name").value("城建组"))
                .andExpect(jsonPath("$.rows[0].score").value("30.00"))
                .andExpect(jsonPath("$.rows[1].name").value("计生组"))
                .andExpect(jsonPath("$.rows[0].explanation").value(endsWith(explanation)));
        mvc.perform(get(explanation).with(SignedIn.api(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("城建组"))
                .andExpect(content().string(containsString("四月目标全部完成")));
        mvc.perform(get("/api/scoring/rankings/group-monthly/" + april).param("tenant", String.valueOf(second.id))
                        .with(SignedIn.api(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].name").value("二镇综治组"));

        // the second township's group is not the first township's: not found there
        mvc.perform(get("/api/scoring/explanations/group-monthly/" + april + "/GROUP/" + secondGroup.id())
                        .param("tenant", String.valueOf(first.id)).with(SignedIn.api(admin)))
                .andExpect(status().isNotFound());
        // another county's township: not found, with or without a subject of its own
        mvc.perform(get("/api/scoring/rankings/group-monthly/" + april).param("tenant", String.valueOf(elsewhere.id))
                        .with(SignedIn.api(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/scoring/explanations/group-monthly/" + april + "/GROUP/" + foreignGroup.id())
                        .param("tenant", String.valueOf(elsewhere.id)).with(SignedIn.api(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/scoring/targets").param("tenant", String.valueOf(elsewhere.id)).with(SignedIn.api(admin)))
                .andExpect(status().isNotFound());
        // a township's leadership does not reach a township of another county either
        mvc.perform(get("/api/scoring/rankings/group-monthly/" + april).param("tenant", String.valueOf(first.id))
                        .with(SignedIn.api("shuji")))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePagesLetTheCountyPickATownshipAndReadItsRankingAndExplanations_ORG5() throws Exception {
        // the county has no method of its own: the first township is shown, and both can be picked
        mvc.perform(get("/scoring/rankings").param("target", "group-monthly").param("cycle", april)
                        .with(signedIn.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"h4\"><span>测试镇" + first.n + "</span> · ")))
                .andExpect(content().string(containsString("<option value=\"" + second.id + "\">测试镇" + second.n)))
                .andExpect(content().string(containsString("城建组")))
                .andExpect(content().string(containsString("/scoring/explanations/group-monthly/" + april + "/GROUP/"
                        + urban.id() + "?tenant=" + first.id)));
        mvc.perform(get("/scoring/rankings").param("tenant", String.valueOf(second.id)).param("target", "group-monthly")
                        .param("cycle", april).with(signedIn.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("二镇综治组")))
                .andExpect(content().string(not(containsString("城建组"))));
        mvc.perform(get("/scoring/explanations/group-monthly/" + april + "/GROUP/" + urban.id())
                        .param("tenant", String.valueOf(first.id)).with(signedIn.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("四月目标全部完成")))
                // the events open in their township only: named here, not linked
                .andExpect(content().string(not(containsString("href=\"/scoring/events/"))));
        mvc.perform(get("/scoring/rankings").param("tenant", String.valueOf(elsewhere.id)).with(signedIn.as(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/scoring/explanations/group-monthly/" + april + "/GROUP/" + foreignGroup.id())
                        .param("tenant", String.valueOf(elsewhere.id)).with(signedIn.as(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/scoring").param("lang", "en").with(signedIn.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/scoring/rankings\"")))
                .andExpect(content().string(not(containsString("href=\"/scoring/events/new\""))))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/scoring/rankings").param("lang", "en").param("target", "group-monthly").param("cycle", april)
                        .with(signedIn.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("read-only")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void theCountyAdministratorWritesNothingInScoring_ORG5() throws Exception {
        long before = writes();
        ScoreEvent pending = events.propose(first.leader, new ScoreEvents.Proposal("village-target",
                List.of(Township.of(SubjectKind.VILLAGE, first.unit(UnitKind.VILLAGE, "东村"))), false, new BigDecimal("3"),
                false, null, LocalDate.now(clock), "村务公开及时", null, null, null));
        String[][] writes = {
                {"/api/scoring/events", "{\"itemCode\":\"village-target\",\"reason\":\"x\"}"},
                {"/api/scoring/events/" + pending.id() + "/confirm", "{}"},
                {"/api/scoring/events/" + pending.id() + "/reject", "{\"reason\":\"x\"}"},
                {"/api/scoring/special", "{\"points\":5,\"reason\":\"x\"}"},
                {"/api/scoring/sheets", "{\"assessmentCode\":\"group-monthly\"}"},
                {"/api/scoring/inputs", "{\"compositeCode\":\"total\",\"reason\":\"x\"}"},
                {"/api/scoring/runs?tenant=" + first.id, "{\"target\":\"group-monthly\",\"cycle\":\"" + april + "\"}"},
                {"/api/scoring/proposals", "{\"consequence\":\"group-funds\",\"cycle\":\"" + april + "\",\"fundPool\":100}"},
                {"/api/scoring/standings", "{\"consequence\":\"ranking-rise\",\"cycle\":\"2025\",\"standing\":1}"},
                {"/api/scoring/what-if", "{\"target\":\"group-monthly\",\"cycle\":\"" + april + "\"}"},
                {"/api/scoring/regulations", "{\"code\":\"R1\",\"title\":\"x\"}"}};
        for (String[] w : writes) {
            mvc.perform(post(w[0]).with(SignedIn.api(admin)).contentType(JSON).content(w[1]))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(multipart("/api/scoring/sheets/import")
                        .file(new MockMultipartFile("file", "sheets.xlsx", null, new byte[] {1, 2, 3}))
                        .with(SignedIn.api(admin)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/scoring/consequences/generate").with(signedIn.as(admin)).with(csrf())
                        .param("consequence", "group-funds").param("cycle", april).param("fundPool", "100"))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/scoring/sheets/import")
                        .file(new MockMultipartFile("file", "sheets.xlsx", null, new byte[] {1, 2, 3}))
                        .with(signedIn.as(admin)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/scoring/sheets/new").with(signedIn.as(admin))).andExpect(status().isForbidden());
        assertThat(writes()).isEqualTo(before + 1); // the one proposal above, nothing from the county administrator
        assertThat(events.visible(first.discipline, pending.id()).state()).isEqualTo(ScoreEvent.State.PROPOSED);
    }

    /** Rows any scoring write would add, in the county's townships. */
    private long writes() {
        return jdbc.sql("""
                select (select count(*) from score_event where tenant_id in (:a, :b))
                     + (select count(*) from rating_sheet where tenant_id in (:a, :b))
                     + (select count(*) from consequence_proposal where tenant_id in (:a, :b))
                     + (select count(*) from superior_standing where tenant_id in (:a, :b))
                     + (select count(*) from assessment_run where tenant_id in (:a, :b))
                """).param("a", first.id).param("b", second.id).query(Long.class).single();
    }
}
