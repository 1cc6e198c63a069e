package cn.taizhang.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.org.ImportProblem;
import cn.taizhang.org.Tenants;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.Role;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 4 point 3: rating sheets imported from Excel, all or nothing, every bad row named. */
@TaizhangTest
class SheetImportTest {

    private static final AtomicInteger YEARS = new AtomicInteger();

    @Autowired RatingSheetWorkbook workbook;
    @Autowired RatingSheets sheets;
    @Autowired Tenants tenants;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Clock clock;

    long town;
    CurrentUser leader;
    String year;
    String ballot;

    @BeforeEach
    void setUp() {
        town = tenants.findByCode("demo-town").orElseThrow().id();
        leader = new CurrentUser(0, "shuji", "书记", town, null, Set.of(Role.LEADERSHIP), null);
        year = String.valueOf(LocalDate.now(clock).getYear() - 10 - YEARS.getAndIncrement());
        ballot = "x" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aWorkbookWithABadRowStoresNothingAndNamesEveryBadRow() throws Exception {
        byte[] file = xlsx(
                new String[] {"ordinary", "evaluation", year, "representatives", "BALLOT", ballot + "-1", "PERSON", "P019", "86", ""},
                // attendees rate the monthly meeting, not the evaluation
                new String[] {"ordinary", "evaluation", year, "attendees", "BALLOT", ballot + "-2", "PERSON", "P019", "80", ""},
                new String[] {"ordinary", "evaluation", year, "heads", "BALLOT", ballot + "-3", "PERSON", "P019", "120", ""},
                new String[] {"ordinary", "evaluation", year, "heads", "PERSON", "P999", "PERSON", "P019", "90", ""});
        var result = workbook.importWorkbook(leader, new ByteArrayInputStream(file));
        assertThat(result.accepted()).isFalse();
        assertThat(result.problems()).extracting(p -> p.row() + " " + p.column() + " " + p.messageKey())
                .containsExactly("3 评分组 scoring.sheet.raterNotInGroup", "4 分数 scoring.sheet.scoreOutOfRange",
                        "5 评分人 assessment.import.personUnknown");
        assertThat(stored()).isZero();

        // the same page shows the row, the column and the reason, and stores nothing either
        mvc.perform(multipart("/scoring/sheets/import").file(new MockMultipartFile("file", "sheets.xlsx", null, file))
                        .with(signedIn.as("shuji")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("发现 3 处问题")))
                .andExpect(content().string(containsString("<td>4</td><td>分数</td>")));
        assertThat(stored()).isZero();
    }

    @Test
    void aCleanWorkbookIsStoredWholeAndADuplicateOrAClosedCycleIsRefused() throws Exception {
        byte[] ok = xlsx(
                new String[] {"ordinary", "evaluation", year, "representatives", "BALLOT", ballot + "-1", "PERSON", "P019", "86", "好"},
                new String[] {"ordinary", "evaluation", year, "leadership", "PERSON", "P006", "PERSON", "P019", "90", ""});
        var result = workbook.importWorkbook(leader, new ByteArrayInputStream(ok));
        assertThat(result.problems()).isEmpty();
        assertThat(result.stored()).isEqualTo(2);
        assertThat(stored()).isEqualTo(2);

        // one rater rates one ratee once per cycle: the same sheet again is refused, and the new row with it
        byte[] again = xlsx(
                new String[] {"ordinary", "evaluation", year, "heads", "BALLOT", ballot + "-9", "PERSON", "P019", "70", ""},
                new String[] {"ordinary", "evaluation", year, "leadership", "PERSON", "P006", "PERSON", "P019", "95", ""});
        var dup = workbook.importWorkbook(leader, new ByteArrayInputStream(again));
        assertThat(dup.problems()).extracting(ImportProblem::row, ImportProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "scoring.sheet.duplicate"));
        assertThat(stored()).isEqualTo(2);

        sheets.close(leader, "ordinary", year);
        var closed = workbook.importWorkbook(leader, new ByteArrayInputStream(xlsx(
                new String[] {"ordinary", "evaluation", year, "heads", "BALLOT", ballot + "-8", "PERSON", "P019", "70", ""})));
        assertThat(closed.problems()).extracting(p -> p.row() + " " + p.column() + " " + p.messageKey())
                .containsExactly("2 周期 scoring.sheet.cycleClosed");
    }

    @Test
    void theTemplateIsAWorkbookWithTheColumnsAndTheMethodsCodes() throws Exception {
        byte[] body = mvc.perform(get("/scoring/sheets/import/template").with(signedIn.as("jiwei")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Row header = wb.getSheet(RatingSheetWorkbook.SHEETS).getRow(0);
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("评分组");
            assertThat(wb.getSheet("说明").getRow(2).getCell(0).getStringCellValue()).isEqualTo("ordinary");
        }
        mvc.perform(get("/scoring/sheets/import").with(signedIn.as("ganbu"))).andExpect(status().isForbidden());
        mvc.perform(get("/scoring/sheets/import").param("lang", "en").with(signedIn.as("jiwei")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Download the template")));
    }

    @Test
    void theApiStoresAWholeWorkbookOrListsEveryBadRowTranslatedAndStoresNothing() throws Exception {
        byte[] ok = xlsx(
                new String[] {"ordinary", "evaluation", year, "representatives", "BALLOT", ballot + "-1", "PERSON", "P019", "86", ""},
                new String[] {"ordinary", "evaluation", year, "leadership", "PERSON", "P006", "PERSON", "P019", "90", ""});
        mvc.perform(multipart("/api/scoring/sheets/import").file(new MockMultipartFile("file", "sheets.xlsx", null, ok))
                        .with(SignedIn.api("jiwei")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stored").value(2))
                .andExpect(jsonPath("$.problems").isEmpty());
        assertThat(stored()).isEqualTo(2);

        byte[] bad = xlsx(
                new String[] {"ordinary", "evaluation", year, "heads", "BALLOT", ballot + "-2", "PERSON", "P019", "70", ""},
                new String[] {"ordinary", "evaluation", year, "heads", "BALLOT", ballot + "-3", "PERSON", "P019", "120", ""},
                new String[] {"ordinary", "evaluation", year, "heads", "PERSON", "P999", "PERSON", "P019", "90", ""});
        mvc.perform(multipart("/api/scoring/sheets/import").file(new MockMultipartFile("file", "sheets.xlsx", null, bad))
                        .header("Accept-Language", "en").with(SignedIn.api("shuji")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.stored").value(0))
                .andExpect(jsonPath("$.problems.length()").value(2))
                .andExpect(jsonPath("$.problems[0].sheet").value(RatingSheetWorkbook.SHEETS))
                .andExpect(jsonPath("$.problems[0].row").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("分数"))
                .andExpect(jsonPath("$.problems[0].code").value("scoring.sheet.scoreOutOfRange"))
                .andExpect(jsonPath("$.problems[0].message").value("Score 120 is not between 0 and 100."))
                .andExpect(jsonPath("$.problems[1].row").value(4))
                .andExpect(jsonPath("$.problems[1].column").value("评分人"))
                .andExpect(jsonPath("$.problems[1].code").value("assessment.import.personUnknown"));
        // the good first row went with the bad ones: all or nothing
        assertThat(stored()).isEqualTo(2);
        // in Chinese without the header
        mvc.perform(multipart("/api/scoring/sheets/import").file(new MockMultipartFile("file", "sheets.xlsx", null, bad))
                        .with(SignedIn.api("shuji")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[1].message").value("找不到编码为“P999”的人员。"));
        // not a workbook at all
        mvc.perform(multipart("/api/scoring/sheets/import")
                        .file(new MockMultipartFile("file", "sheets.xlsx", null, "no".getBytes()))
                        .with(SignedIn.api("shuji")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("import.notAWorkbook"));
    }

    @Test
    void staffMayNeitherImportNorFetchTheTemplateThroughTheApi() throws Exception {
        byte[] ok = xlsx(
                new String[] {"ordinary", "evaluation", year, "representatives", "BALLOT", ballot + "-1", "PERSON", "P019", "86", ""});
        mvc.perform(multipart("/api/scoring/sheets/import").file(new MockMultipartFile("file", "sheets.xlsx", null, ok))
                        .with(SignedIn.api("ganbu")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("error.accessDenied"));
        mvc.perform(get("/api/scoring/sheets/import/template").with(SignedIn.api("ganbu")))
                .andExpect(status().isForbidden());
        assertThat(stored()).isZero();

        byte[] body = mvc.perform(get("/api/scoring/sheets/import/template").with(SignedIn.api("shuji")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(wb.getSheet(RatingSheetWorkbook.SHEETS).getRow(0).getCell(8).getStringCellValue()).isEqualTo("分数");
        }
    }

    private long stored() {
        return jdbc.sql("select count(*) from rating_sheet where tenant_id = :t and cycle_key = :k")
                .param("t", town).param("k", year).query(Long.class).single();
    }

    private static byte[] xlsx(String[]... rows) throws IOException {
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet(RatingSheetWorkbook.SHEETS);
            Row h = s.createRow(0);
            for (int i = 0; i < RatingSheetWorkbook.COLUMNS.size(); i++) {
                h.createCell(i).setCellValue(RatingSheetWorkbook.COLUMNS.get(i));
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
