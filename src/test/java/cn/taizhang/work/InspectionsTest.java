package cn.taizhang.work;

import static cn.taizhang.support.SignedIn.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenants;
import cn.taizhang.support.MutableClock;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Site inspections with optional photos, attachments and their downloads, the supervision group's
 * monthly round and its opinions to several items at once (LEDGER-4, LEDGER-5, LEDGER-6).
 */
@TaizhangTest
class InspectionsTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    long construction;
    long heYongqiang; // P017, no account
    long luoDan;      // P019, the staff account ganbu
    long jiwei;       // the discipline office's person, as inspector

    @BeforeEach
    void setUp() {
        clock.set(WorkTestSupport.at(2026, 9, 21, 9));
        construction = WorkTestSupport.unit(organisation, tenants, "WS-CJ");
        heYongqiang = WorkTestSupport.person(organisation, tenants, "P017");
        luoDan = WorkTestSupport.person(organisation, tenants, "P019");
        jiwei = WorkTestSupport.person(organisation, tenants, "P018");
    }

    @AfterEach
    void restoreClock() {
        clock.set(Instant.now());
    }

    /** A routine item of 城建组, assigned at once by the township head. */
    private long item(String title, String start, String deadline, long responsible) throws Exception {
        String body = mvc.perform(post("/api/work").with(api("shuji")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "%s", "categoryCode": "routine", "source": "ANNUAL_TARGET", "leadUnitId": %d,
                         "responsiblePersonId": %d, "startDate": "%s", "deadline": "%s", "target": "按期建成",
                         "reportFrequency": "MONTHLY", "assign": true}""".formatted(title, construction, responsible, start, deadline)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1"));
    }

    private static String unique(String title) {
        return title + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private MockMultipartHttpServletRequestBuilder inspection(long id, String day, String text, String... figures) {
        var req = multipart("/work/{id}/inspections", id);
        req.param("inspectedOn", day).param("inspectorIds", String.valueOf(jiwei)).param("text", text);
        for (int i = 0; i < figures.length; i += 3) {
            req.param("figures[" + i / 3 + "].name", figures[i]).param("figures[" + i / 3 + "].value", figures[i + 1])
                    .param("figures[" + i / 3 + "].unit", figures[i + 2]);
        }
        req.with(signedIn.as("jiwei")).with(csrf());
        return req;
    }

    private long count(String table, long itemId) {
        return jdbc.sql("select count(*) from " + table + " where item_id = :i").param("i", itemId).query(Long.class).single();
    }

    @Test
    void aPhotoThatIsNotAnImageIsRefusedByNameAndNothingIsStored_LEDGER5() throws Exception {
        long id = item(unique("滨江路改造"), "2026-09-01", "2026-12-31", heYongqiang);
        long ledger = count("work_ledger_entry", id);
        // a text file that calls itself a JPEG, with the browser saying so too
        var fake = new MockMultipartFile("photos", "工地.jpg", "image/jpeg", "not a picture at all".getBytes(StandardCharsets.UTF_8));
        mvc.perform(inspection(id, "2026-09-20", "路基完成一半").file(fake))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“工地.jpg”不是照片：只能上传 PNG、JPEG 或 WebP 图片")));
        assertThat(count("work_inspection", id)).isZero();
        assertThat(count("work_attachment", id)).isZero();
        assertThat(count("work_ledger_entry", id)).isEqualTo(ledger);
    }

    @Test
    void aPhotoOverTheSizeLimitIsRefused_LEDGER5() throws Exception {
        long id = item(unique("污水管网"), "2026-09-01", "2026-12-31", heYongqiang);
        byte[] big = Arrays.copyOf(PNG, 5 * 1024 * 1024 + 1);
        mvc.perform(inspection(id, "2026-09-20", "管网铺设中").file(new MockMultipartFile("photos", "big.png", "image/png", big))
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The photo &quot;big.png&quot; is 5.01 MB, over the limit of 5 MB")));
        assertThat(count("work_inspection", id)).isZero();
        assertThat(count("work_attachment", id)).isZero();
    }

    @Test
    void anInspectionWithoutPhotosIsAcceptedAndJoinsTheLedger_LEDGER5() throws Exception {
        long id = item(unique("文化广场"), "2026-09-01", "2026-12-31", heYongqiang);
        // an empty file input arrives as an empty part: it is no photo and no refusal
        // a suggested figure left without a value is left out
        mvc.perform(inspection(id, "2026-09-21", "主体完工，绿化未动", "形象进度", "60", "%")
                        .param("figures[1].name", "完成投资").param("figures[1].unit", "万元")
                        .file(new MockMultipartFile("photos", "", "application/octet-stream", new byte[0])))
                .andExpect(status().is3xxRedirection());
        assertThat(count("work_inspection", id)).isEqualTo(1);
        assertThat(jdbc.sql("select f.name || '=' || f.value from work_inspection_figure f"
                        + " join work_inspection i on i.id = f.inspection_id where i.item_id = :i")
                .param("i", id).query(String.class).list()).containsExactly("形象进度=60.00");
        assertThat(count("work_attachment", id)).isZero();
        assertThat(jdbc.sql("select kind from work_ledger_entry where item_id = :i order by occurred_at, id")
                .param("i", id).query(String.class).list()).containsExactly("CREATED", "ASSIGNED", "INSPECTION");
        mvc.perform(get("/work/{id}", id).with(signedIn.as("zuzhang"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("主体完工，绿化未动")))
                .andExpect(content().string(containsString("现场查看")));
        // and through the API, as JSON
        mvc.perform(post("/api/work/{id}/inspections", id).with(api("jiwei")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inspectedOn\": \"2026-09-21\", \"inspectorIds\": [%d], \"text\": \"复查\"}".formatted(jiwei)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.photos").isEmpty());
    }

    @Test
    void twoInspectionsTwoMonthsApartShowTheComparisonWithTheDifferences_LEDGER5() throws Exception {
        clock.set(WorkTestSupport.at(2026, 7, 1, 10));
        long id = item(unique("产业园道路"), "2026-06-15", "2026-12-31", heYongqiang);
        mvc.perform(inspection(id, "2026-07-01", "清表完成，路基开挖", "形象进度", "20", "%", "完成投资", "150", "万元")
                        .file(new MockMultipartFile("photos", "july.png", "image/png", PNG)))
                .andExpect(status().is3xxRedirection());
        clock.set(WorkTestSupport.at(2026, 9, 2, 10));
        mvc.perform(inspection(id, "2026-09-02", "路面摊铺过半", "形象进度", "45", "%", "完成投资", "380.5", "万元"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/work/{id}/inspections/comparison", id).with(api("shuji"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.cutoff").value("2026-07-02"))
                .andExpect(jsonPath("$.then.inspectedOn").value("2026-07-01"))
                .andExpect(jsonPath("$.now.inspectedOn").value("2026-09-02"))
                .andExpect(jsonPath("$.figures[0].name").value("形象进度"))
                .andExpect(jsonPath("$.figures[0].difference").value(25))
                .andExpect(jsonPath("$.figures[1].name").value("完成投资"))
                .andExpect(jsonPath("$.figures[1].difference").value(230.5));
        mvc.perform(get("/work/{id}", id).with(signedIn.as("shuji"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"compare-figures\"")))
                .andExpect(content().string(containsString("+25")))
                .andExpect(content().string(containsString("+230.5")))
                .andExpect(content().string(containsString("路面摊铺过半")))
                .andExpect(content().string(containsString("清表完成，路基开挖")));

        // one day earlier the July inspection is not yet two months old: nothing to compare with
        clock.set(WorkTestSupport.at(2026, 8, 31, 10));
        mvc.perform(get("/api/work/{id}/inspections/comparison", id).with(api("shuji")))
                .andExpect(jsonPath("$.then").doesNotExist())
                .andExpect(jsonPath("$.now.inspectedOn").value("2026-07-01"));
    }

    @Test
    void aFileIsStoredWithItsSniffedTypeAndDownloadedOnlyInsideTheDataScope() throws Exception {
        long id = item(unique("宅基地确权"), "2026-09-01", "2026-12-31", luoDan);
        mvc.perform(post("/work/{id}/acknowledge", id).with(signedIn.as("ganbu")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/work/{id}/start", id).with(signedIn.as("ganbu")).with(csrf())).andExpect(status().is3xxRedirection());
        // the browser calls it HTML; the bytes are a PDF
        mvc.perform(multipart("/work/{id}/report", id).file(new MockMultipartFile("files", "测绘成果.pdf", "text/html", PDF))
                        .param("percent", "40").param("text", "外业测绘完成").with(signedIn.as("ganbu")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        var row = jdbc.sql("select id, content_type, size_bytes, sha256, uploaded_by from work_attachment where item_id = :i")
                .param("i", id).query().singleRow();
        assertThat(row.get("content_type")).isEqualTo("application/pdf");
        assertThat(((Number) row.get("size_bytes")).intValue()).isEqualTo(PDF.length);
        assertThat(row.get("sha256")).asString().hasSize(64);
        long file = ((Number) row.get("id")).longValue();

        mvc.perform(get("/work/{id}/attachments/{a}", id, file).with(signedIn.as("ganbu"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().bytes(PDF));
        // the village cadre of 东岗村 does not see the item: the file does not exist for him, on pages and API
        mvc.perform(get("/work/{id}/attachments/{a}", id, file).with(signedIn.as("cunganbu"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/work/{id}/attachments/{a}", id, file).with(api("cunganbu"))).andExpect(status().isNotFound());
        // nor does a file of another item under this item's address
        long other = item(unique("另一个事项"), "2026-09-01", "2026-12-31", luoDan);
        mvc.perform(get("/work/{id}/attachments/{a}", other, file).with(signedIn.as("ganbu"))).andExpect(status().isNotFound());
        // an executable is refused for a report, by name, and the report is not stored either
        long reports = jdbc.sql("select count(*) from work_ledger_entry where item_id = :i and kind = 'REPORT'")
                .param("i", id).query(Long.class).single();
        mvc.perform(multipart("/work/{id}/report", id).file(new MockMultipartFile("files", "tool.exe", "application/pdf",
                                new byte[] {'M', 'Z', 0, 1, 2, 3}))
                        .param("percent", "50").param("text", "再报").with(signedIn.as("ganbu")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("文件“tool.exe”的类型不能上传")));
        assertThat(jdbc.sql("select count(*) from work_ledger_entry where item_id = :i and kind = 'REPORT'")
                .param("i", id).query(Long.class).single()).isEqualTo(reports);
    }

    @Test
    void theRoundListsARedItemAndNotAGreenOne_LEDGER4() throws Exception {
        // started seven weeks ago, nothing reported, due in nine days: far behind the plan, hence red
        String red = unique("安置房建设");
        item(red, "2026-08-01", "2026-09-30", heYongqiang);
        String green = unique("路灯维护");
        item(green, "2026-09-21", "2026-11-30", heYongqiang);
        mvc.perform(get("/work/round").with(signedIn.as("jiwei"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(red)))
                .andExpect(content().string(not(containsString(green))));
        // the leadership looks on; a group leader may not
        mvc.perform(get("/work/round").with(signedIn.as("shuji"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(red)))
                .andExpect(content().string(not(containsString("id=\"round-measures\""))));
        mvc.perform(get("/work/round").with(signedIn.as("zuzhang"))).andExpect(status().isForbidden());
    }

    @Test
    void anOpinionIssuedToTwoItemsIsOnBothLedgersAndInTheJournal_LEDGER4() throws Exception {
        long a = item(unique("农贸市场"), "2026-08-01", "2026-09-30", heYongqiang);
        long b = item(unique("河道清淤"), "2026-08-01", "2026-09-30", luoDan);
        mvc.perform(post("/work/round/opinions").with(signedIn.as("jiwei")).with(csrf())
                        .param("itemIds", String.valueOf(a), String.valueOf(b))
                        .param("measures", "每周两次现场调度，9月28日前完成主体").param("until", "2026-09-28"))
                .andExpect(status().is3xxRedirection());
        for (long id : new long[] {a, b}) {
            assertThat(jdbc.sql("select measures || '|' || deadline from work_ledger_entry where item_id = :i and kind = 'OPINION'")
                    .param("i", id).query(String.class).list()).containsExactly("每周两次现场调度，9月28日前完成主体|2026-09-28");
            assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'work_item' and entity_id = :i and action = 'work.opinion'")
                    .param("i", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        }
        // the responsible person answers the opinion with evidence; the round shows which is answered
        long opinion = jdbc.sql("select id from work_ledger_entry where item_id = :i and kind = 'OPINION'")
                .param("i", b).query(Long.class).single();
        mvc.perform(multipart("/work/{id}/answer", b).file(new MockMultipartFile("files", "清淤验收.pdf", "application/pdf", PDF))
                        .param("queryId", String.valueOf(opinion)).param("text", "已增派两台挖机，主体9月27日完成")
                        .with(signedIn.as("ganbu")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/work/round").with(signedIn.as("jiwei"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("每周两次现场调度")))
                .andExpect(content().string(containsString("待答复")))
                .andExpect(content().string(containsString("已答复")))
                .andExpect(content().string(containsString("已增派两台挖机，主体9月27日完成")))
                .andExpect(content().string(containsString("附件 1 个")));

        // a past deadline is refused for all: nothing issued, the message names the item
        long c = item(unique("垃圾中转站"), "2026-08-01", "2026-09-30", heYongqiang);
        mvc.perform(post("/work/round/opinions").with(signedIn.as("jiwei")).with(csrf())
                        .param("itemIds", String.valueOf(c)).param("measures", "加快").param("until", "2026-09-01"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("整改时限 2026-09-01 已经过去")));
        assertThat(jdbc.sql("select count(*) from work_ledger_entry where item_id = :i and kind = 'OPINION'")
                .param("i", c).query(Long.class).single()).isZero();
        // only the discipline office issues opinions
        mvc.perform(post("/work/round/opinions").with(signedIn.as("shuji")).with(csrf())
                        .param("itemIds", String.valueOf(c)).param("measures", "加快").param("until", "2026-09-28"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theSupervisionGroupEvaluatesAStageOnceAQuarter_LEDGER6() throws Exception {
        long id = item(unique("美丽乡村示范点"), "2026-09-01", "2026-12-31", heYongqiang);
        mvc.perform(post("/work/{id}/stage-evaluation", id).with(signedIn.as("jiwei")).with(csrf())
                .param("rating", "FAIR").param("remark", "节点基本按期，资金拨付偏慢")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/work/{id}/stage-evaluation", id).with(signedIn.as("jiwei")).with(csrf())
                        .param("rating", "GOOD").param("remark", "再评一次"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("2026 年第 3 季度已评估过这个事项")));
        assertThat(jdbc.sql("select rating from work_stage_evaluation where item_id = :i").param("i", id)
                .query(String.class).list()).containsExactly("FAIR");
        mvc.perform(get("/work/round").with(signedIn.as("shuji"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("节点基本按期，资金拨付偏慢")));
    }

    @Test
    void theApiTakesAnInspectionWithPhotosAndRefusesAFakeOneWithTheSameMessage_LEDGER5() throws Exception {
        long id = item(unique("码头扩建"), "2026-09-01", "2026-12-31", heYongqiang);
        var json = new MockMultipartFile("inspection", "", "application/json", """
                {"inspectedOn": "2026-09-21", "inspectorIds": [%d], "text": "桩基施工",
                 "figures": [{"name": "形象进度", "value": "30", "unit": "%%"}]}""".formatted(jiwei).getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/work/{id}/inspections", id).file(json)
                        .file(new MockMultipartFile("photos", "a.webp", "image/webp", "<html>".getBytes(StandardCharsets.UTF_8)))
                        .with(api("jiwei")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("inspection.file.notImage"))
                .andExpect(jsonPath("$.field").value("photos"))
                .andExpect(jsonPath("$.message").value(containsString("a.webp")));
        assertThat(count("work_inspection", id)).isZero();

        byte[] webp = {'R', 'I', 'F', 'F', 0x10, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};
        mvc.perform(multipart("/api/work/{id}/inspections", id).file(json)
                        .file(new MockMultipartFile("photos", "桩基.webp", "application/octet-stream", webp)).with(api("jiwei")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.photos[0].contentType").value("image/webp"))
                .andExpect(jsonPath("$.figures[0].value").value(30));
        mvc.perform(get("/api/work/{id}/attachments", id).with(api("shuji"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].fileName").value("桩基.webp"))
                .andExpect(jsonPath("$[0].sizeBytes").value(webp.length));
        // staff not named on the item do not see it: 404, not 403
        mvc.perform(post("/api/work/{id}/inspections", id).with(api("ganbu")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inspectedOn\": \"2026-09-21\", \"inspectorIds\": [%d], \"text\": \"x\"}".formatted(luoDan)))
                .andExpect(status().isNotFound());
    }
}
