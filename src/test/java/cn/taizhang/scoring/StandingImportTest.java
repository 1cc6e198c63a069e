package cn.taizhang.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.account.Accounts;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.Role;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * FUND-2: the district's published ranking imported as superior standings from Excel, all or
 * nothing, every bad row named by row, column and reason (huaqiao, seed 002).
 */
@TaizhangTest
class StandingImportTest {

    @Autowired StandingWorkbook workbook;
    @Autowired SuperiorStandings standings;
    @Autowired ConsequenceProposals proposals;
    @Autowired Tenants tenants;
    @Autowired TenantMethods methods;
    @Autowired Organisation organisation;
    @Autowired ScoreEvents events;
    @Autowired RatingSheets sheets;
    @Autowired Assessments assessments;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Clock clock;

    Township t;
    OrgUnit births;
    OrgUnit urban;
    OrgUnit village;
    String leader;
    String now;
    String before;

    @BeforeEach
    void setUp() {
        t = new Township("huaqiao", tenants, methods, organisation, events, sheets, assessments);
        births = t.unit(UnitKind.GROUP, "计生组");
        urban = t.unit(UnitKind.GROUP, "城建组");
        village = t.unit(UnitKind.VILLAGE, "东村");
        leader = "standingleader" + t.n;
        accounts.create(t.id, leader, "花桥书记", SignedIn.DEMO_PASSWORD, null, Set.of(Role.LEADERSHIP), null);
        int y = LocalDate.now(clock).getYear() - 1;
        now = String.valueOf(y);
        before = String.valueOf(y - 1);
    }

    @Test
    void aGoodListIsRecordedWholeAndTheRiseRewardFollows_FUND2() throws Exception {
        byte[] file = xlsx(
                new String[] {"ranking-rise", before, "GROUP", births.code(), "", "12", "区卫计委2014年通报"},
                new String[] {"ranking-rise", now, "GROUP", "", "计生组", "6", "区卫计委年终通报"},
                new String[] {"ranking-rise", before, "group", urban.code(), "城建组", "8", "区通报"},
                new String[] {"ranking-rise", now, "GROUP", urban.code(), "", "5", "区通报"},
                new String[] {"", "", "", "", "", "", ""},
                new String[] {"class-rise", now, "GROUP", births.code(), "", "2", "区考核二类"});
        var result = workbook.importWorkbook(t.leader, new ByteArrayInputStream(file));
        assertThat(result.problems()).isEmpty();
        assertThat(result.stored()).isEqualTo(5);
        assertThat(standings.of(t.leader, "ranking-rise", now).pairs())
                .extracting(p -> p.name() + " " + p.previous() + "→" + p.standing())
                .containsExactly("城建组 8→5", "计生组 12→6");
        assertThat(jdbc.sql("select count(*) from audit_entry where tenant_id = :t and action = 'superior.standing'")
                .param("t", t.id).query(Long.class).single()).isEqualTo(5);
        var g = proposals.generate(t.leader, "ranking-rise", now);
        assertThat(g.stored()).isEqualTo(1);
        assertThat(proposals.ofCycle(t.leader, now).get(0).subjectName()).isEqualTo("计生组");
    }

    @Test
    void aCodeWithTheNameTwoGroupsShareIsAccepted_FUND2() throws Exception {
        OrgUnit first = t.unit(UnitKind.GROUP, "党建组");
        t.unit(UnitKind.GROUP, "党建组");
        var result = workbook.importWorkbook(t.leader, new ByteArrayInputStream(xlsx(
                new String[] {"ranking-rise", now, "GROUP", first.code(), "党建组", "4", "区通报"})));
        assertThat(result.problems()).isEmpty();
        assertThat(result.stored()).isEqualTo(1);
    }

    @Test
    void aListWithBadRowsStoresNothingAndNamesEveryBadRow_FUND2() throws Exception {
        OrgUnit twin = t.unit(UnitKind.GROUP, "综治组");
        t.unit(UnitKind.GROUP, "综治组");
        byte[] file = xlsx(
                new String[] {"ranking-rise", now, "GROUP", births.code(), "", "6", "区通报"},
                new String[] {"group-funds", now, "GROUP", births.code(), "", "6", "区通报"},
                new String[] {"ranking-rise", "2015年", "GROUP", births.code(), "", "6", "区通报"},
                new String[] {"ranking-rise", now, "VILLAGE", village.code(), "", "3", "区通报"},
                new String[] {"ranking-rise", now, "GROUP", "NOPE", "", "3", "区通报"},
                new String[] {"ranking-rise", now, "GROUP", "", "综治组", "3", "区通报"},
                new String[] {"ranking-rise", now, "GROUP", urban.code(), "计生组", "3", "区通报"},
                new String[] {"ranking-rise", now, "GROUP", urban.code(), "", "第三", "区通报"},
                new String[] {"ranking-rise", now, "GROUP", urban.code(), "", "0", "区通报"},
                new String[] {"ranking-rise", now, "GROUP", urban.code(), "", "3", ""},
                new String[] {"ranking-rise", now, "GROUP", births.code(), "", "7", "区通报重复"},
                new String[] {"ranking-rise", now, "TEAM", twin.code(), "", "3", "区通报"});
        var result = workbook.importWorkbook(t.leader, new ByteArrayInputStream(file));
        assertThat(result.accepted()).isFalse();
        assertThat(result.problems()).extracting(p -> p.row() + " " + p.column() + " " + p.messageKey()).containsExactly(
                "3 结果运用编码 assessment.standing.notARise",
                "4 周期 scoring.cycle.badKey",
                "5 对象类型 assessment.standing.wrongKind",
                "6 对象编码 assessment.standingImport.subjectUnknown",
                "7 对象名称 assessment.standingImport.nameAmbiguous",
                "8 对象名称 assessment.standingImport.nameMismatch",
                "9 名次或类别 assessment.standingImport.standingNumber",
                "10 名次或类别 assessment.standing.rankRequired",
                "11 来源 scoring.reason.required",
                "12 对象类型 assessment.standingImport.duplicate",
                "13 对象类型 assessment.import.rateeKind");
        assertThat(stored()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where tenant_id = :t and action = 'superior.standing'")
                .param("t", t.id).query(Long.class).single()).isZero();

        // the page shows each problem, translated, and stores nothing either
        mvc.perform(multipart("/scoring/consequences/standings/import")
                        .file(new MockMultipartFile("file", "standings.xlsx", null, file))
                        .with(signedIn.as(leader)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-problems\"")))
                .andExpect(content().string(containsString("同一结果运用、周期和对象已在第 2 行登记")))
                .andExpect(content().string(containsString("名次或类别“第三”不是整数。")));
        // the API answers 422 with every problem, in the caller's language
        mvc.perform(multipart("/api/scoring/standings/import")
                        .file(new MockMultipartFile("file", "standings.xlsx", null, file))
                        .header("Accept-Language", "en").with(SignedIn.api(leader)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.stored").value(0))
                .andExpect(jsonPath("$.problems.length()").value(11))
                .andExpect(jsonPath("$.problems[6].row").value(9))
                .andExpect(jsonPath("$.problems[6].column").value("名次或类别"))
                .andExpect(jsonPath("$.problems[6].message").value("The rank or class “第三” is not a whole number."));
        assertThat(stored()).isZero();
    }

    @Test
    void thePageAndTheApiImportAndGiveTheTemplateToTheLeadershipOnly_FUND2() throws Exception {
        byte[] file = xlsx(new String[] {"class-rise", now, "GROUP", births.code(), "", "1", "区考核一类"});
        mvc.perform(multipart("/scoring/consequences/standings/import")
                        .file(new MockMultipartFile("file", "standings.xlsx", null, file))
                        .with(signedIn.as(leader)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "导入完成：登记上级排名 1 条。"));
        byte[] again = xlsx(new String[] {"class-rise", before, "GROUP", births.code(), "", "2", "区考核二类"});
        mvc.perform(multipart("/api/scoring/standings/import")
                        .file(new MockMultipartFile("file", "standings.xlsx", null, again)).with(SignedIn.api(leader)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stored").value(1))
                .andExpect(jsonPath("$.problems").isEmpty());
        assertThat(stored()).isEqualTo(2);
        // not a workbook, an empty one: refused with the reason
        mvc.perform(multipart("/api/scoring/standings/import")
                        .file(new MockMultipartFile("file", "x.xlsx", null, new byte[] {1, 2, 3})).with(SignedIn.api(leader)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("import.notAWorkbook"));
        mvc.perform(multipart("/api/scoring/standings/import")
                        .file(new MockMultipartFile("file", "x.xlsx", null, xlsx())).with(SignedIn.api(leader)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("assessment.standingImport.empty"));

        // the template: the header, and the rise rewards and subjects of this township
        byte[] template = mvc.perform(get("/scoring/consequences/standings/import/template").with(signedIn.as(leader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Row header = wb.getSheet(StandingWorkbook.SHEET).getRow(0);
            for (int i = 0; i < StandingWorkbook.COLUMNS.size(); i++) {
                assertThat(header.getCell(i).getStringCellValue()).isEqualTo(StandingWorkbook.COLUMNS.get(i));
            }
            StringBuilder help = new StringBuilder();
            wb.getSheet("说明").forEach(r -> r.forEach(c -> help.append(c.getStringCellValue()).append('|')));
            assertThat(help).contains("ranking-rise|计划生育全区排名前进五位奖励|名次|GROUP")
                    .contains("class-rise").contains("GROUP|" + births.code() + "|计生组");
        }
        mvc.perform(get("/api/scoring/standings/import/template").with(SignedIn.api(leader)))
                .andExpect(status().isOk());
        // the page links the import from the consequences page
        mvc.perform(get("/scoring/consequences").param("cycle", now).with(signedIn.as(leader)))
                .andExpect(content().string(containsString("href=\"/scoring/consequences/standings/import\"")));
        mvc.perform(get("/scoring/consequences/standings/import").param("lang", "en").with(signedIn.as(leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Import superior standings")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("??"))));

        // the discipline office and staff record no standing, hence import none
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> workbook.importWorkbook(t.discipline,
                new ByteArrayInputStream(file))).isInstanceOf(AccessDeniedException.class);
        for (String who : new String[] {"jiwei", "ganbu"}) {
            mvc.perform(multipart("/api/scoring/standings/import")
                            .file(new MockMultipartFile("file", "standings.xlsx", null, file)).with(SignedIn.api(who)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/scoring/consequences/standings/import").with(signedIn.as(who)))
                    .andExpect(status().isForbidden());
        }
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void anotherTownshipsGroupIsNotInTheList_FUND2() throws Exception {
        Township other = new Township("huaqiao", tenants, methods, organisation, events, sheets, assessments);
        OrgUnit foreign = other.unit(UnitKind.GROUP, "外镇计生组");
        byte[] file = xlsx(new String[] {"ranking-rise", now, "GROUP", foreign.code(), "", "3", "区通报"},
                new String[] {"ranking-rise", now, "GROUP", "", "外镇计生组", "3", "区通报"});
        var result = workbook.importWorkbook(t.leader, new ByteArrayInputStream(file));
        assertThat(result.problems()).extracting(p -> p.row() + " " + p.messageKey()).containsExactly(
                "2 assessment.standingImport.subjectUnknown", "3 assessment.standingImport.nameUnknown");
        assertThat(stored()).isZero();
        assertThat(jdbc.sql("select count(*) from superior_standing where tenant_id = :t").param("t", other.id)
                .query(Long.class).single()).isZero();
    }

    private long stored() {
        return jdbc.sql("select count(*) from superior_standing where tenant_id = :t").param("t", t.id)
                .query(Long.class).single();
    }

    private static byte[] xlsx(String[]... rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet(StandingWorkbook.SHEET);
            Row h = s.createRow(0);
            for (int i = 0; i < StandingWorkbook.COLUMNS.size(); i++) {
                h.createCell(i).setCellValue(StandingWorkbook.COLUMNS.get(i));
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    if (rows[r][i].matches("\\d+") && i == 5) {
                        row.createCell(i).setCellValue(Integer.parseInt(rows[r][i])); // a number cell, as Excel stores it
                    } else {
                        row.createCell(i).setCellValue(rows[r][i]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
