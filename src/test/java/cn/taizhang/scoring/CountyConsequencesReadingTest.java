package cn.taizhang.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * ORG-5, "the county its townships", beyond rankings and explanations: the county administrator
 * reads a township's consequence proposals, superior standings, stored runs and the group-funds
 * preview, and computes a what-if on a copy of its method — storing and adopting nothing; every
 * write stays the township's (403); another county's township is not found (404).
 */
@TaizhangTest
class CountyConsequencesReadingTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final MediaType JSON = MediaType.APPLICATION_JSON;

    @Autowired Tenants tenants;
    @Autowired TenantMethods methods;
    @Autowired Organisation organisation;
    @Autowired ScoreEvents events;
    @Autowired RatingSheets sheets;
    @Autowired Assessments assessments;
    @Autowired ConsequenceProposals proposals;
    @Autowired SuperiorStandings standings;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;

    String admin;
    Township first;
    Township second;
    Township elsewhere;
    OrgUnit urban;
    String april;
    String year;
    long proposalId;
    long runId;
    long foreignRunId;
    long foreignProposalId;

    @BeforeEach
    void setUp() {
        int n = SEQ.incrementAndGet();
        Tenant county = tenants.create(TenantKind.COUNTY, "cc-county-" + n + "-" + System.nanoTime() % 100000,
                "结果县" + n, null);
        admin = "countyconseq" + county.id();
        accounts.create(county.id(), admin, "县委组织部管理员", SignedIn.DEMO_PASSWORD, null, Set.of(Role.COUNTY_ADMIN), null);
        first = new Township("huaqiao", county.id(), tenants, methods, organisation, events, sheets, assessments);
        second = new Township("huaqiao", county.id(), tenants, methods, organisation, events, sheets, assessments);
        elsewhere = new Township("huaqiao", tenants, methods, organisation, events, sheets, assessments);
        urban = first.unit(UnitKind.GROUP, "城建组");
        OrgUnit births = first.unit(UnitKind.GROUP, "计生组");
        first.unit(UnitKind.GROUP, "政法组");
        OrgUnit foreignGroup = elsewhere.unit(UnitKind.GROUP, "邻县城建组");
        int y = LocalDate.now(clock).getYear() - 1;
        april = y + "-04";
        year = String.valueOf(y);
        events.special(first.leader, List.of(Township.of(SubjectKind.GROUP, urban)), new BigDecimal("30"),
                LocalDate.of(y, 4, 10), "四月目标全部完成", null, null);
        events.special(first.leader, List.of(Township.of(SubjectKind.GROUP, births)), new BigDecimal("10"),
                LocalDate.of(y, 4, 12), "完成三项目标", null, null);
        events.special(elsewhere.leader, List.of(Township.of(SubjectKind.GROUP, foreignGroup)), new BigDecimal("5"),
                LocalDate.of(y, 4, 12), "邻县", null, null);
        proposals.generate(first.discipline, "group-funds", april, new BigDecimal("1000.01"));
        proposalId = proposals.ofCycle(first.leader, april).get(0).id();
        proposals.generate(elsewhere.discipline, "group-funds", april, new BigDecimal("100"));
        foreignProposalId = proposals.ofCycle(elsewhere.leader, april).get(0).id();
        standings.enter(first.leader, new SuperiorStandings.Entry("ranking-rise", String.valueOf(y - 1),
                Township.of(SubjectKind.GROUP, births), 12, "区卫计委通报"));
        standings.enter(first.leader, new SuperiorStandings.Entry("ranking-rise", year,
                Township.of(SubjectKind.GROUP, births), 6, "区卫计委年终通报"));
        runId = assessments.run(first.leader, "group-monthly", april).id();
        foreignRunId = assessments.run(elsewhere.leader, "group-monthly", april).id();
    }

    @Test
    void theApiAnswersATownshipsProposalsStandingsRunsAndPreviewToTheCounty_ORG5() throws Exception {
        String t = "?tenant=" + first.id;
        mvc.perform(get("/api/scoring/proposals/cycles/" + april + t).with(SignedIn.api(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].subjectName").value("城建组"))
                .andExpect(jsonPath("$[0].amount.fen").value(75001))
                .andExpect(jsonPath("$[0].fundPool.fen").value(100001))
                .andExpect(jsonPath("$.length()").value(3));
        mvc.perform(get("/api/scoring/proposals/" + proposalId + t).with(SignedIn.api(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PROPOSED"));
        mvc.perform(get("/api/scoring/standings/ranking-rise/" + year + t).with(SignedIn.api(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pairs[0].name").value("计生组"))
                .andExpect(jsonPath("$.pairs[0].previous").value(12))
                .andExpect(jsonPath("$.pairs[0].standing").value(6));
        mvc.perform(get("/api/scoring/runs").param("tenant", String.valueOf(first.id)).param("target", "group-monthly")
                        .param("cycle", april).with(SignedIn.api(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(runId))
                .andExpect(jsonPath("$[0].runBy").value(first.leader.username()))
                .andExpect(jsonPath("$[0].subjects").value(3));
        mvc.perform(get("/api/scoring/runs/" + runId + t).with(SignedIn.api(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.run.cycleKey").value(april))
                .andExpect(jsonPath("$.rows[0].name").value("城建组"))
                .andExpect(jsonPath("$.rows[0].score").value("30.00"));
        mvc.perform(get("/api/scoring/consequences/group-funds/" + april + t + "&pool=1000.01").with(SignedIn.api(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].amount.fen").value(75001))
                .andExpect(jsonPath("$[1].amount.fen").value(25000))
                .andExpect(jsonPath("$[2].amount.fen").value(0));

        // what-if on a copy of the township's method: computed, nothing stored, nothing adopted
        long before = writes();
        var adopted = methods.active(first.id).orElseThrow();
        mvc.perform(post("/api/scoring/what-if" + t).with(SignedIn.api(admin)).contentType(JSON)
                        .content(json.writeValueAsString(java.util.Map.of("yaml", adopted.yaml(), "target",
                                "group-monthly", "cycle", april))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changes[0].name").value("城建组"))
                .andExpect(jsonPath("$.changes[0].rankAfter").value(1));
        assertThat(writes()).isEqualTo(before);
        assertThat(methods.active(first.id).orElseThrow().id()).isEqualTo(adopted.id());

        // a township's record read under the other township is not found there
        mvc.perform(get("/api/scoring/proposals/" + proposalId + "?tenant=" + second.id).with(SignedIn.api(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/scoring/runs/" + runId + "?tenant=" + second.id).with(SignedIn.api(admin)))
                .andExpect(status().isNotFound());
        // the county's own tenant has none of these (and no role for them)
        mvc.perform(get("/api/scoring/proposals/cycles/" + april).with(SignedIn.api(admin)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anotherCountysTownshipIsNotFoundForEveryRead_ORG5() throws Exception {
        String t = "?tenant=" + elsewhere.id;
        for (String path : new String[] {"/api/scoring/proposals/cycles/" + april + t,
                "/api/scoring/proposals/" + foreignProposalId + t, "/api/scoring/standings/ranking-rise/" + year + t,
                "/api/scoring/runs" + t, "/api/scoring/runs/" + foreignRunId + t,
                "/api/scoring/consequences/group-funds/" + april + t + "&pool=100"}) {
            mvc.perform(get(path).with(SignedIn.api(admin))).andExpect(status().isNotFound());
        }
        mvc.perform(post("/api/scoring/what-if" + t).with(SignedIn.api(admin)).contentType(JSON)
                        .content("{\"yaml\":\"code: x\",\"target\":\"group-monthly\",\"cycle\":\"" + april + "\"}"))
                .andExpect(status().isNotFound());
        for (String path : new String[] {"/scoring/consequences" + t, "/scoring/what-if" + t,
                "/scoring/runs/" + foreignRunId + t, "/scoring/consequences" + t + "&preview=group-funds&month="
                + april + "&pool=100"}) {
            mvc.perform(get(path).with(signedIn.as(admin))).andExpect(status().isNotFound());
        }
        mvc.perform(post("/scoring/what-if").with(signedIn.as(admin)).with(csrf()).param("tenant",
                String.valueOf(elsewhere.id)).param("target", "group-monthly").param("cycle", april))
                .andExpect(status().isNotFound());
        // a township's own leadership does not reach a neighbour's proposals or runs either
        mvc.perform(get("/api/scoring/proposals/cycles/" + april + "?tenant=" + first.id).with(SignedIn.api("shuji")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/scoring/runs/" + runId + "?tenant=" + first.id).with(SignedIn.api("shuji")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theCountyAdministratorDecidesRecordsAndImportsNothing_ORG5() throws Exception {
        long before = writes();
        String[][] writes = {
                {"/api/scoring/proposals/" + proposalId + "/confirm", "{\"reason\":\"同意\"}"},
                {"/api/scoring/proposals/" + proposalId + "/reject", "{\"reason\":\"不同意\"}"},
                {"/api/scoring/proposals?tenant=" + first.id, "{\"consequence\":\"group-funds\",\"cycle\":\"" + april
                        + "\",\"fundPool\":100}"},
                {"/api/scoring/standings?tenant=" + first.id, "{\"consequence\":\"ranking-rise\",\"cycle\":\"" + year
                        + "\",\"subject\":{\"kind\":\"GROUP\",\"id\":" + urban.id() + "},\"standing\":1,\"reason\":\"x\"}"},
                {"/api/scoring/runs?tenant=" + first.id, "{\"target\":\"group-monthly\",\"cycle\":\"" + april + "\"}"}};
        for (String[] w : writes) {
            mvc.perform(post(w[0]).with(SignedIn.api(admin)).contentType(JSON).content(w[1]))
                    .andExpect(status().isForbidden());
        }
        MockMultipartFile file = new MockMultipartFile("file", "standings.xlsx", null, new byte[] {1, 2, 3});
        mvc.perform(multipart("/api/scoring/standings/import").file(file).with(SignedIn.api(admin)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/scoring/standings/import/template").with(SignedIn.api(admin)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/scoring/consequences/" + proposalId + "/decide").with(signedIn.as(admin)).with(csrf())
                        .param("decision", "confirm").param("reason", "同意").param("cycle", april))
                .andExpect(status().isForbidden());
        mvc.perform(post("/scoring/consequences/standings").with(signedIn.as(admin)).with(csrf())
                        .param("consequence", "ranking-rise").param("standingCycle", year)
                        .param("subject", "GROUP:" + urban.id()).param("standing", "1").param("reason", "x")
                        .param("cycle", year))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/scoring/consequences/standings/import").file(file).with(signedIn.as(admin)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/scoring/consequences/standings/import").with(signedIn.as(admin)))
                .andExpect(status().isForbidden());
        assertThat(writes()).isEqualTo(before);
        assertThat(proposals.one(first.leader, proposalId).state()).isEqualTo(ConsequenceProposals.State.PROPOSED);
    }

    @Test
    void thePagesShowATownshipsProposalsPreviewRunsAndWhatIfReadOnly_ORG5() throws Exception {
        // the county has no method of its own: the first township is shown
        mvc.perform(get("/scoring/consequences").param("cycle", april).with(signedIn.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>测试镇" + first.n + "</span> · ")))
                .andExpect(content().string(containsString("id=\"county-read-only\"")))
                .andExpect(content().string(containsString("750.01 元")))
                .andExpect(content().string(containsString("工作经费总额 1000.01 元")))
                .andExpect(content().string(containsString("<option value=\"" + second.id + "\">测试镇" + second.n)))
                .andExpect(content().string(not(containsString("action=\"/scoring/consequences/generate\""))))
                .andExpect(content().string(not(containsString("/decide\""))))
                .andExpect(content().string(not(containsString("action=\"/scoring/consequences/standings\""))))
                .andExpect(content().string(not(containsString("/scoring/consequences/standings/import"))));
        // the rise card shows the standings, read-only
        mvc.perform(get("/scoring/consequences").param("tenant", String.valueOf(first.id)).param("cycle", year)
                        .with(signedIn.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>↑ 6</td>")));
        // the preview with a pool, nothing stored
        long before = writes();
        mvc.perform(get("/scoring/consequences").param("tenant", String.valueOf(first.id)).param("cycle", april)
                        .param("preview", "group-funds").param("month", april).param("pool", "1000.01")
                        .with(signedIn.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"funds-preview\"")))
                .andExpect(content().string(containsString("<th id=\"funds-preview-total\">1000.01 元</th>")));
        assertThat(writes()).isEqualTo(before);
        // the stored runs: listed under the ranking, each readable as stored
        mvc.perform(get("/scoring/rankings").param("tenant", String.valueOf(first.id)).param("target", "group-monthly")
                        .param("cycle", april).with(signedIn.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/scoring/runs/" + runId + "?tenant=" + first.id + "\"")));
        mvc.perform(get("/scoring/runs/" + runId).param("tenant", String.valueOf(first.id)).with(signedIn.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("城建组")))
                .andExpect(content().string(containsString("30.00")))
                .andExpect(content().string(containsString(first.leader.username())));
        // what-if on the township's copy: computed, read-only note, nothing stored
        mvc.perform(get("/scoring/what-if").param("tenant", String.valueOf(first.id)).with(signedIn.as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"county-read-only\"")))
                .andExpect(content().string(containsString("name=\"tenant\" value=\"" + first.id + "\"")));
        mvc.perform(post("/scoring/what-if").with(signedIn.as(admin)).with(csrf())
                        .param("tenant", String.valueOf(first.id)).param("target", "group-monthly").param("cycle", april)
                        .param("component.group-monthly.group-events", "100"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"what-if\"")))
                .andExpect(content().string(containsString("城建组")));
        assertThat(writes()).isEqualTo(before);
        // the index offers the county administrator these pages, and in English nothing is missing
        mvc.perform(get("/scoring").with(signedIn.as(admin)))
                .andExpect(content().string(containsString("href=\"/scoring/consequences\"")))
                .andExpect(content().string(containsString("href=\"/scoring/what-if\"")));
        for (String path : new String[] {"/scoring/consequences?cycle=" + april + "&preview=group-funds&pool=5",
                "/scoring/what-if?tenant=" + first.id, "/scoring/runs/" + runId + "?tenant=" + first.id}) {
            mvc.perform(get(path + (path.contains("?") ? "&" : "?") + "lang=en").with(signedIn.as(admin)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("??"))));
        }
    }

    /** Rows any scoring write would add, in the county's townships. */
    private long writes() {
        return jdbc.sql("""
                select (select count(*) from score_event where tenant_id in (:a, :b))
                     + (select count(*) from rating_sheet where tenant_id in (:a, :b))
                     + (select count(*) from consequence_proposal where tenant_id in (:a, :b))
                     + (select count(*) from superior_standing where tenant_id in (:a, :b))
                     + (select count(*) from assessment_run where tenant_id in (:a, :b))
                     + (select count(*) from method_version where tenant_id in (:a, :b))
                     + (select count(*) from audit_entry where tenant_id in (:a, :b))
                """).param("a", first.id).param("b", second.id).query(Long.class).single();
    }
}
