package cn.taizhang.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.account.Accounts;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.TenantKind;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.shared.Role;
import cn.taizhang.support.MutableClock;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The ledger in Excel, both ways (issue 3, point 6): a township's ledger of 500+ rows imports through
 * the pages (upload, proposed mapping, confirm) and exports back cell for cell; a file with bad rows
 * is reported row by row and stores nothing; import and export respect role, data scope and tenant.
 */
@TaizhangTest
class LedgerExcelTest {

    /** The headers a township's ledger has, in its own words (some differ from the export's). */
    static final List<String> HEADERS = List.of("编号", "事项名称", "类别", "来源", "牵头单位", "协办单位", "责任人",
            "分管领导", "领导小组组长", "领导小组副组长", "督考副组长", "开始日期", "完成时限", "工作目标", "工作措施",
            "报送频次", "状态");
    /** The field each of those headers should be proposed for, in the same order. */
    static final List<String> FIELDS = List.of("CODE", "TITLE", "CATEGORY", "SOURCE", "LEAD_UNIT", "ASSIST_UNITS",
            "RESPONSIBLE", "SUPERVISING_LEADER", "LEADER", "DEPUTIES", "SUPERVISOR_DEPUTY", "START_DATE", "DEADLINE",
            "TARGET", "MEASURES", "REPORT_FREQUENCY", "STATE");

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired TenantMethods methods;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    long town;
    String suffix;

    @BeforeEach
    void setUp() {
        clock.set(WorkTestSupport.at(2026, 9, 1, 9));
        town = WorkTestSupport.town(tenants);
        suffix = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void restoreClock() {
        clock.set(Instant.now());
    }

    // ------------------------------------------------------------------ the round trip

    @Test
    void aTownshipLedgerOf520RowsImportsAndExportsBackCellForCell() throws Exception {
        List<Map<String, Object>> rows = township(520, new Random(2026), LocalDate.of(2026, 9, 1));
        long before = itemsInTown();
        Visit session = new Visit();

        String page = upload("shuji", session, workbook(rows, true))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("全部 520 行检查通过")))
                .andReturn().getResponse().getContentAsString();
        assertThat(proposedMapping(page)).isEqualTo(expectedMapping());
        assertThat(page).contains("表头在第 2 行"); // the title line above the header is skipped
        assertThat(itemsInTown()).as("nothing stored before the confirmation").isEqualTo(before);

        mvc.perform(withMapping(post("/work/import/confirm"), expectedMapping()).with(session)
                        .with(signedIn.as("shuji")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/work?sort=NEWEST"));
        assertThat(itemsInTown()).isEqualTo(before + 520);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'work.created' and summary like :s")
                .param("s", "%" + suffix + "%").query(Long.class).single()).as("each item journalled").isEqualTo(520);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'work.ledgerImported' and after_state ->> 'created' = '520'")
                .query(Long.class).single()).isPositive();

        Map<String, Map<String, Object>> exported = byCode(export("shuji", "/work/export?sort=NEWEST"));
        for (Map<String, Object> r : rows) {
            Map<String, Object> e = exported.get((String) r.get("编号"));
            assertThat(e).as("row " + r.get("编号") + " exported").isNotNull();
            for (String h : List.of("编号", "事项名称", "类别", "来源", "牵头单位", "协办单位", "责任人", "分管领导",
                    "领导小组组长", "领导小组副组长", "督考副组长", "开始日期", "工作目标", "工作措施", "报送频次")) {
                assertThat(e.get(h)).as(r.get("编号") + " " + h).isEqualTo(r.get(h));
            }
            assertThat(e.get("当前期限")).as(r.get("编号") + " 当前期限").isEqualTo(r.get("完成时限"));
            assertThat(e.get("原定期限")).as(r.get("编号") + " 原定期限").isEqualTo(r.get("完成时限"));
            assertThat(e.get("状态")).isEqualTo("草稿".equals(r.get("状态")) ? "草稿" : "已交办");
            assertThat(e.get("延期次数")).isEqualTo("0");
        }
    }

    // ------------------------------------------------------------------ bad rows

    @Test
    void aFileWithBadRowsListsEveryRowsReasonsAndStoresNothing() throws Exception {
        List<Map<String, Object>> rows = township(8, new Random(7), LocalDate.of(2026, 9, 1));
        rows.get(1).put("类别", "招商引资");                        // row 4
        rows.get(2).put("牵头单位", "不存在的办公室");               // row 5
        rows.get(3).put("责任人", "查无此人");                       // row 6
        rows.get(4).put("开始日期", LocalDate.of(2026, 12, 1));     // row 7: deadline before start
        rows.get(4).put("完成时限", LocalDate.of(2026, 11, 1));
        rows.get(5).put("事项名称", "");                             // row 8
        rows.get(5).put("完成时限", "2026年13月45日");
        rows.get(6).put("状态", "已销号");                           // row 9
        rows.get(7).put("编号", rows.get(0).get("编号"));            // row 10: number twice in the file
        long before = itemsInTown();
        Visit session = new Visit();

        String page = upload("shuji", session, workbook(rows, true)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<List<String>> problems = problems(page);
        assertThat(problems).contains(
                List.of("4", "C 类别", "没有名为“招商引资”的事项类别（按本镇采用的工作法）。"),
                List.of("5", "E 牵头单位", "本镇没有名为“不存在的办公室”的在用单位。"),
                List.of("6", "G 责任人", "本镇没有名为“查无此人”的在用人员。"),
                List.of("8", "B 事项名称", "“事项名称”不能为空。"),
                List.of("8", "M 完成时限", "“2026年13月45日”不是日期（如 2026-09-01 或 2026年9月1日）。"),
                List.of("9", "Q 状态", "状态“已销号”不能导入：只能导入草稿或已交办的事项，其后的办理须在系统中进行。"),
                List.of("10", "A 编号", "编号“" + rows.get(0).get("编号") + "”已有事项使用（在本文件或已有台账中）。"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("7", "M 完成时限"));
        assertThat(problems).extracting(p -> p.get(0)).doesNotContain("3");
        assertThat(page).contains("整份文件不会导入");

        // confirming anyway stores nothing either; and in English the reasons are English
        mvc.perform(withMapping(post("/work/import/confirm"), expectedMapping()).param("lang", "en").with(session)
                        .with(signedIn.as("shuji")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is no category named &quot;招商引资&quot;")));
        // the API answers the same problems, and stores nothing either
        mvc.perform(multipart("/api/work/import").file(new MockMultipartFile("file", "台账.xlsx", null, workbook(rows, true)))
                        .with(SignedIn.api("shuji")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                        "$.problems[?(@.row == 6 && @.column == 'G 责任人')].message").value("本镇没有名为“查无此人”的在用人员。"));
        assertThat(itemsInTown()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from work_item where title like :s").param("s", "%" + suffix + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aMappingWithoutARequiredFieldIsRefusedAndCanBeCorrected() throws Exception {
        List<Map<String, Object>> rows = township(3, new Random(3), LocalDate.of(2026, 9, 1));
        Visit session = new Visit();
        upload("shuji", session, workbook(rows, false)).andExpect(status().isOk());
        Map<String, String> mapping = expectedMapping();
        mapping.remove("TARGET");
        mvc.perform(withMapping(post("/work/import/check"), mapping).with(session).with(signedIn.as("shuji")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("必须指定“工作目标”对应哪一列。")));
        mvc.perform(withMapping(post("/work/import/check"), expectedMapping()).with(session).with(signedIn.as("shuji")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("全部 3 行检查通过")));
    }

    // ------------------------------------------------------------------ who may

    @Test
    void staffCannotImportAndAGroupLeaderOnlyIntoHisGroup() throws Exception {
        byte[] file = workbook(township(2, new Random(5), LocalDate.of(2026, 9, 1)), false);
        mvc.perform(get("/work/import").with(signedIn.as("ganbu"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/work/import").file(new MockMultipartFile("file", "台账.xlsx", null, file))
                .with(signedIn.as("ganbu")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/work/import").file(new MockMultipartFile("file", "台账.xlsx", null, file))
                .with(SignedIn.api("ganbu"))).andExpect(status().isForbidden());
        mvc.perform(get("/work").with(signedIn.as("ganbu"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/work/import"))));

        // zuzhang leads 城建组: a unit outside his group cannot lead what he imports
        List<Map<String, Object>> rows = township(1, new Random(9), LocalDate.of(2026, 9, 1));
        rows.get(0).put("类别", "常规工作");
        rows.get(0).put("牵头单位", "计生组");
        rows.get(0).put("领导小组组长", "");
        rows.get(0).put("领导小组副组长", "");
        rows.get(0).put("督考副组长", "");
        String page = upload("zuzhang", new Visit(), workbook(rows, false)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(problems(page)).contains(List.of("2", "E 牵头单位", "单位“计生组”不在您的管理范围内，不能由您交办。"));
    }

    @Test
    void theExportShowsOnlyWhatTheUserSeesAndNeverAnotherTownship() throws Exception {
        // three routine items, one of them with 罗丹 (ganbu, P019) responsible
        List<Map<String, Object>> rows = township(3, new Random(11), LocalDate.of(2026, 9, 1));
        for (Map<String, Object> r : rows) {
            r.put("类别", "常规工作");
            r.put("牵头单位", "经济发展组");
            r.put("责任人", "邓涛");
            r.put("分管领导", "张建国");
            r.put("协办单位", "");
            r.put("领导小组组长", "");
            r.put("领导小组副组长", "");
            r.put("督考副组长", "");
        }
        rows.get(0).put("牵头单位", "城建组");
        rows.get(0).put("责任人", "罗丹");
        importAll("shuji", rows);

        Set<String> ganbu = byCode(export("ganbu", "/work/export")).keySet();
        assertThat(ganbu).contains((String) rows.get(0).get("编号"))
                .doesNotContain((String) rows.get(1).get("编号"), (String) rows.get(2).get("编号"));
        for (Map<String, Object> e : export("ganbu", "/work/export")) {
            assertThat(List.of(e.get("责任人"), e.get("分管领导"), e.get("领导小组组长"), e.get("领导小组副组长")).toString())
                    .contains("罗丹");
        }
        Set<String> zuzhang = byCode(export("zuzhang", "/work/export")).keySet();
        assertThat(zuzhang).contains((String) rows.get(0).get("编号")).doesNotContain((String) rows.get(1).get("编号"));

        if (tenants.findByCode("xls-other-town").isEmpty()) {
            Tenant county = tenants.create(TenantKind.COUNTY, "xls-other-county", "邻县", null);
            Tenant other = tenants.create(TenantKind.TOWNSHIP, "xls-other-town", "邻县某镇", county.id());
            organisation.createRoot(other.id(), UnitKind.TOWNSHIP, "XOT", "邻县某镇");
            methods.adoptPreset(other.id(), "wusi");
            accounts.create(other.id(), "xlsother", "邻镇书记", SignedIn.DEMO_PASSWORD, null, Set.of(Role.LEADERSHIP), null);
        }
        assertThat(export("xlsother", "/work/export")).isEmpty();
        String page = upload("xlsother", new Visit(), workbook(rows.subList(1, 2), false))
                .andReturn().getResponse().getContentAsString();
        assertThat(problems(page)).contains(List.of("2", "E 牵头单位", "本镇没有名为“经济发展组”的在用单位。"),
                List.of("2", "G 责任人", "本镇没有名为“邓涛”的在用人员。"));
    }

    // ------------------------------------------------------------------ filters

    @Test
    void theFilteredExportHasTheFilteredPagesItemsInItsOrder() throws Exception {
        List<Map<String, Object>> rows = township(40, new Random(13), LocalDate.of(2028, 3, 1));
        rows.get(0).put("状态", "草稿");
        rows.get(1).put("状态", "草稿");
        rows.get(2).put("牵头单位", "城建组");
        rows.get(2).put("责任人", "罗丹");
        importAll("shuji", rows);
        long construction = WorkTestSupport.unit(organisation, tenants, "WS-CJ");
        for (String filter : List.of("unit=" + construction + "&dueFrom=2028-03-01&dueTo=2028-12-31&sort=DEADLINE_DESC",
                "category=central&dueFrom=2028-03-01&dueTo=2028-12-31&sort=DEADLINE_ASC",
                "state=DRAFT&dueFrom=2028-03-01&dueTo=2028-12-31&sort=NEWEST")) {
            String page = mvc.perform(get("/work?" + filter).with(signedIn.as("shuji"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            List<String> shown = new ArrayList<>();
            Matcher m = Pattern.compile("<a href=\"/work/(\\d+)\">").matcher(page);
            while (m.find()) {
                shown.add(m.group(1));
            }
            assertThat(page).as(filter).doesNotContain("id=\"next-page\"");
            assertThat(shown).as(filter).isNotEmpty();
            Matcher button = Pattern.compile("id=\"ledger-export\"\\s+href=\"([^\"]+)\"").matcher(page);
            assertThat(button.find()).as("the export button").isTrue();
            List<String> exported = export("shuji", unescape(button.group(1))).stream()
                    .map(e -> (String) e.get("系统编号")).toList();
            assertThat(exported).as(filter).isEqualTo(shown);
        }
    }

    // ------------------------------------------------------------------ helpers

    private long itemsInTown() {
        return jdbc.sql("select count(*) from work_item where tenant_id = :t").param("t", town).query(Long.class).single();
    }

    /**
     * A township's ledger: Chinese titles, the demo township's units and people, a mix of categories
     * (the three with a lead group get one), assisting units on about a third, dates as date cells or
     * as text the way clerks type them.
     */
    private List<Map<String, Object>> township(int n, Random random, LocalDate from) {
        DataScope all = DataScope.wholeTenant(town);
        List<OrgUnit> units = organisation.tree(all, town, false).stream().filter(u -> u.parentId() != null).toList();
        List<Person> people = organisation.people(all, town, null, null, false);
        Set<String> uniqueUnitNames = unique(units, OrgUnit::name);
        Set<String> uniquePeople = unique(people, Person::name);
        Map<Long, List<Person>> byUnit = people.stream().filter(p -> uniquePeople.contains(p.name()))
                .collect(Collectors.groupingBy(Person::unitId));
        List<OrgUnit> leads = units.stream().filter(u -> uniqueUnitNames.contains(u.name()))
                .filter(u -> byUnit.getOrDefault(u.id(), List.of()).size() >= 2)
                .filter(u -> !u.name().equals("镇领导班子")).toList();
        List<Person> leaders = people.stream().filter(p -> uniquePeople.contains(p.name()))
                .filter(p -> units.stream().anyMatch(u -> u.id() == p.unitId() && u.name().equals("镇领导班子"))).toList();
        String[] verbs = {"推进", "开展", "落实", "完成", "整治", "排查"};
        String[] things = {"农村人居环境整治", "秸秆禁烧巡查", "防汛物资储备", "安全生产大检查", "信访积案化解",
                "高标准农田建设", "义务教育控辍保学", "城乡居民医保征缴", "道路交通安全隐患", "村级集体经济增收",
                "森林防火宣传", "河长制巡河", "人口普查数据核对", "危房改造验收", "扫黑除恶线索核查"};
        String[][] categories = {{"常规工作", "no"}, {"中心工作", "yes"}, {"专项工作", "yes"}, {"应急工作（集体活动）", "yes"}};
        String[] sources = {"上级交办", "领导批示", "会议决定", "年度目标", "群众诉求"};
        String[] frequencies = {"每周", "每月", "每季度"};
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OrgUnit lead = leads.get(random.nextInt(leads.size()));
            List<Person> staff = byUnit.get(lead.id());
            Person responsible = staff.get(random.nextInt(staff.size()));
            Person supervising = leaders.get(random.nextInt(leaders.size()));
            String[] category = categories[random.nextDouble() < 0.55 ? 0 : 1 + random.nextInt(3)];
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("编号", "WS-" + suffix + "-" + String.format("%03d", i + 1));
            r.put("事项名称", verbs[random.nextInt(verbs.length)] + things[random.nextInt(things.length)]
                    + "（第" + (i + 1) + "项）" + suffix);
            r.put("类别", category[0]);
            r.put("来源", sources[random.nextInt(sources.length)]);
            r.put("牵头单位", lead.name());
            List<OrgUnit> assists = new ArrayList<>();
            if (random.nextDouble() < 0.33) {
                for (int k = 0; k < 1 + random.nextInt(2); k++) {
                    OrgUnit a = leads.get(random.nextInt(leads.size()));
                    if (a.id() != lead.id() && !assists.contains(a)) {
                        assists.add(a);
                    }
                }
            }
            r.put("协办单位", assists.stream().sorted(Comparator.comparingLong(OrgUnit::id)).map(OrgUnit::name)
                    .collect(Collectors.joining("、")));
            r.put("责任人", responsible.name());
            r.put("分管领导", supervising.name());
            if (category[1].equals("yes")) {
                List<Person> deputies = new ArrayList<>(staff.stream().filter(p -> p.id() != supervising.id()).toList());
                java.util.Collections.shuffle(deputies, random);
                deputies = deputies.subList(0, 2).stream().sorted(Comparator.comparingLong(Person::id)).toList();
                r.put("领导小组组长", supervising.name());
                r.put("领导小组副组长", deputies.get(0).name() + "、" + deputies.get(1).name());
                r.put("督考副组长", deputies.get(1).name());
            } else {
                r.put("领导小组组长", "");
                r.put("领导小组副组长", "");
                r.put("督考副组长", "");
            }
            LocalDate start = from.plusDays(random.nextInt(30));
            r.put("开始日期", start);
            r.put("完成时限", start.plusDays(20 + random.nextInt(180)));
            r.put("工作目标", "按期完成" + things[random.nextInt(things.length)] + "，群众满意率达到90%以上");
            r.put("工作措施", random.nextBoolean() ? "" : "分片包干，周查月评，问题清单化管理");
            r.put("报送频次", frequencies[random.nextInt(frequencies.length)]);
            r.put("状态", random.nextDouble() < 0.1 ? "草稿" : random.nextBoolean() ? "已交办" : "");
            rows.add(r);
        }
        return rows;
    }

    private static <T> Set<String> unique(List<T> all, Function<T, String> name) {
        Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(name, Collectors.counting()));
        return counts.entrySet().stream().filter(e -> e.getValue() == 1).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** The rows as a township keeps them: a title line, the header, dates partly typed as text. */
    private static byte[] workbook(List<Map<String, Object>> rows, boolean titleLine) throws Exception {
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("督办台账");
            CreationHelper helper = wb.getCreationHelper();
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(helper.createDataFormat().getFormat("yyyy/m/d"));
            int r = 0;
            if (titleLine) {
                sheet.createRow(r++).createCell(0).setCellValue("五四镇2026年重点工作督办台账");
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
            }
            Row head = sheet.createRow(r++);
            for (int i = 0; i < HEADERS.size(); i++) {
                head.createCell(i).setCellValue(HEADERS.get(i));
            }
            int n = 0;
            for (Map<String, Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < HEADERS.size(); i++) {
                    Object v = values.get(HEADERS.get(i));
                    Cell cell = row.createCell(i);
                    if (v instanceof LocalDate d) {
                        if (n % 3 == 0) {
                            cell.setCellValue(d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日");
                        } else {
                            cell.setCellValue(d);
                            cell.setCellStyle(dateStyle);
                        }
                    } else if (v != null && !v.toString().isEmpty()) {
                        cell.setCellValue(v.toString());
                    }
                }
                n++;
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /**
     * One user's visit: sessions live in PostgreSQL (Spring Session), so the upload kept between the
     * steps is found through the SESSION cookie, as in a browser.
     */
    static final class Visit implements org.springframework.test.web.servlet.request.RequestPostProcessor {
        jakarta.servlet.http.Cookie cookie;

        @Override
        public org.springframework.mock.web.MockHttpServletRequest postProcessRequest(
                org.springframework.mock.web.MockHttpServletRequest request) {
            if (cookie != null) {
                request.setCookies(cookie);
            }
            return request;
        }
    }

    private org.springframework.test.web.servlet.ResultActions upload(String user, Visit session, byte[] file)
            throws Exception {
        var result = mvc.perform(multipart("/work/import").file(new MockMultipartFile("file", "五四镇督办台账.xlsx", null, file))
                .with(session).with(signedIn.as(user)).with(csrf()));
        jakarta.servlet.http.Cookie c = result.andReturn().getResponse().getCookie("SESSION");
        if (c != null) {
            session.cookie = c;
        }
        return result;
    }

    private void importAll(String user, List<Map<String, Object>> rows) throws Exception {
        Visit session = new Visit();
        upload(user, session, workbook(rows, false)).andExpect(status().isOk())
                .andExpect(content().string(containsString("行检查通过")));
        mvc.perform(withMapping(post("/work/import/confirm"), expectedMapping()).with(session)
                .with(signedIn.as(user)).with(csrf())).andExpect(status().is3xxRedirection());
    }

    private static Map<String, String> expectedMapping() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            m.put(FIELDS.get(i), String.valueOf(i));
        }
        return m;
    }

    private static MockHttpServletRequestBuilder withMapping(MockHttpServletRequestBuilder request, Map<String, String> mapping) {
        mapping.forEach((field, column) -> request.param("col." + field, column));
        return request;
    }

    /** The mapping the page proposes: each select's chosen column. */
    private static Map<String, String> proposedMapping(String page) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher select = Pattern.compile("(?s)name=\"col\\.(\\w+)\">(.*?)</select>").matcher(page);
        while (select.find()) {
            Matcher chosen = Pattern.compile("value=\"(\\d+)\" selected=\"selected\"").matcher(select.group(2));
            if (chosen.find()) {
                m.put(select.group(1), chosen.group(1));
            }
        }
        return m;
    }

    /** The problems table: row, column, reason. */
    private static List<List<String>> problems(String page) {
        List<List<String>> problems = new ArrayList<>();
        Matcher m = Pattern.compile("<tr><td>(\\d+)</td><td>([^<]*)</td><td>([^<]*)</td></tr>").matcher(page);
        while (m.find()) {
            problems.add(List.of(m.group(1), unescape(m.group(2)), unescape(m.group(3))));
        }
        return problems;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#39;", "'");
    }

    /** The export's rows as header → value: dates as LocalDate, numbers and text as text, empty cells as "". */
    private List<Map<String, Object>> export(String user, String url) throws Exception {
        byte[] file = mvc.perform(get(url).with(signedIn.as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        List<Map<String, Object>> rows = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            Row head = sheet.getRow(0);
            List<String> headers = new ArrayList<>();
            head.forEach(c -> headers.add(c.getStringCellValue()));
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, Object> values = new HashMap<>();
                for (int i = 0; i < headers.size(); i++) {
                    Cell c = row.getCell(i);
                    Object v = c == null ? "" : c.getCellType() == CellType.NUMERIC
                            && org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(c)
                            ? c.getLocalDateTimeCellValue().toLocalDate() : text.formatCellValue(c);
                    values.put(headers.get(i), v);
                }
                rows.add(values);
            }
        }
        return rows;
    }

    private static Map<String, Map<String, Object>> byCode(List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        rows.stream().filter(r -> !"".equals(r.get("编号"))).forEach(r -> m.put((String) r.get("编号"), r));
        return m;
    }
}
