package cn.taizhang.org;

import static cn.taizhang.support.SignedIn.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Excel import of the org tree and people: all or nothing, every bad cell reported (REPORT-3). */
@TaizhangTest
class OrgWorkbookTest {

    @Autowired OrgWorkbook workbook;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;

    long town;
    DataScope leadership;

    @BeforeEach
    void setUp() {
        town = tenants.findByCode("demo-town").orElseThrow().id();
        leadership = DataScope.wholeTenant(town);
    }

    @Test
    void exportedWorkbookImportsBackWithoutChange_REPORT3() throws Exception {
        byte[] exported = export();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            assertThat(wb.getSheet("单位").getLastRowNum()).isEqualTo(organisation.tree(leadership, town, true).size());
            assertThat(wb.getSheet("人员").getRow(1).getCell(4).getStringCellValue()).isEqualTo("党委书记");
        }
        long journalBefore = count("audit_entry");
        var result = workbook.importWorkbook(leadership, town, new ByteArrayInputStream(exported));
        assertThat(result.problems()).isEmpty();
        assertThat(List.of(result.unitsCreated(), result.unitsUpdated(), result.peopleCreated(), result.peopleUpdated()))
                .containsOnly(0);
        assertThat(count("audit_entry")).isEqualTo(journalBefore);
    }

    @Test
    void workbookWithErrorsStoresNothingAndReportsEveryBadCell_REPORT3() throws Exception {
        long unitsBefore = count("org_unit");
        long peopleBefore = count("person");
        byte[] file = workbook(
                new String[][] {
                        {"WS-NEW1", "新建的好组", "组", "WS", "1", ""},      // row 2: fine on its own
                        {"WS-NEW2", "没有类别", "小队", "WS", "", ""},         // row 3: unknown kind
                        {"WS-NEW3", "上级不存在", "组", "NOPE", "", ""},        // row 4: unknown parent
                        {"WS-NEW1", "重复编码", "组", "WS", "", ""},           // row 5: duplicate code
                        {"", "没有编码", "组", "WS", "", ""},                 // row 6: missing code
                },
                new String[][] {
                        {"P900", "新来的", "男", "WS-NEW1", "干部职工", "", "科员", "", "", ""},   // row 2: fine
                        {"P901", "职务不对", "女", "WS-CJ", "局长", "", "", "", "", ""},          // row 3: unknown position
                        {"P902", "单位不对", "男", "NOPE", "干部职工", "", "", "", "", ""},       // row 4: unknown unit
                        {"P903", "B岗不对", "男", "WS-CJ", "干部职工", "", "", "12x", "P999", ""}, // row 5: phone, backup
                });
        var result = workbook.importWorkbook(leadership, town, new ByteArrayInputStream(file));

        assertThat(result.accepted()).isFalse();
        assertThat(result.problems()).extracting(ImportProblem::sheet, ImportProblem::row, ImportProblem::column,
                        ImportProblem::messageKey)
                .containsExactlyInAnyOrder(
                        tuple("单位", 3, "类别", "import.unknownValue"),
                        tuple("单位", 4, "上级编码", "import.unknownUnit"),
                        tuple("单位", 5, "编码", "import.duplicateCode"),
                        tuple("单位", 6, "编码", "import.required"),
                        tuple("人员", 3, "职务", "import.unknownValue"),
                        tuple("人员", 4, "单位编码", "import.unknownUnit"),
                        tuple("人员", 5, "电话", "form.phone.invalid"),
                        tuple("人员", 5, "B岗编号", "import.unknownPerson"));
        assertThat(count("org_unit")).isEqualTo(unitsBefore);
        assertThat(count("person")).isEqualTo(peopleBefore);
    }

    @Test
    void validWorkbookCreatesUpdatesAndMovesInOneGo_REPORT3() throws Exception {
        byte[] file = workbook(
                new String[][] {
                        {"WS-AQ", "安全生产办公室", "二级机构/办公室", "WS", "30", ""},
                        {"WS-AQ-1", "安全检查小组", "组", "WS-AQ", "1", ""},
                },
                new String[][] {
                        {"P950", "安全员甲", "男", "WS-AQ-1", "干部职工", "安监员", "科员", "13900000950", "P951", ""},
                        {"P951", "安全员乙", "女", "WS-AQ-1", "干部职工", "安监员", "科员", "", "", ""},
                        {"P021", "宋佳", "女", "WS-AQ", "干部职工", "安监站长", "科员", "13900000021", "", ""},
                });
        var result = workbook.importWorkbook(leadership, town, new ByteArrayInputStream(file));

        assertThat(result.problems()).isEmpty();
        assertThat(result.unitsCreated()).isEqualTo(2);
        assertThat(result.peopleCreated()).isEqualTo(2);
        assertThat(result.peopleUpdated()).isEqualTo(1);
        Person moved = organisation.people(leadership, town, null, "P021", false).get(0);
        OrgUnit office = organisation.tree(leadership, town, false).stream()
                .filter(u -> u.code().equals("WS-AQ")).findFirst().orElseThrow();
        assertThat(moved.unitId()).isEqualTo(office.id());
        assertThat(moved.title()).isEqualTo("安监站长");
        Person a = organisation.people(leadership, town, null, "P950", false).get(0);
        Person b = organisation.people(leadership, town, null, "P951", false).get(0);
        assertThat(a.backupPersonId()).isEqualTo(b.id());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'person.moved' and entity_id = :id")
                .param("id", String.valueOf(moved.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void importPageListsProblemsInChinese() throws Exception {
        byte[] file = workbook(new String[][] {{"WS-X", "", "组", "WS", "", ""}}, new String[0][]);
        mvc.perform(multipart("/org/excel/import").file(new MockMultipartFile("file", "org.xlsx", null, file))
                        .param("tenant", String.valueOf(town)).with(signedIn.as("shuji")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("本次导入没有保存任何内容")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("此项必填")));
        mvc.perform(multipart("/org/excel/import").file(new MockMultipartFile("file", "org.xlsx", null, file))
                        .with(signedIn.as("jiwei")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    private byte[] export() throws Exception {
        var out = new ByteArrayOutputStream();
        workbook.export(leadership, town, out);
        return out.toByteArray();
    }

    private static byte[] workbook(String[][] units, String[][] people) throws Exception {
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            fill(wb.createSheet("单位"), OrgWorkbook.UNIT_COLUMNS, units);
            fill(wb.createSheet("人员"), OrgWorkbook.PEOPLE_COLUMNS, people);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void fill(Sheet sheet, List<String> header, String[][] rows) {
        Row h = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            h.createCell(i).setCellValue(header.get(i));
        }
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < rows[r].length; c++) {
                row.createCell(c).setCellValue(rows[r][c]);
            }
        }
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
