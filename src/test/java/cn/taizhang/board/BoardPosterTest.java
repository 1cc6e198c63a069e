package cn.taizhang.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.board.internal.BoardFlow;
import cn.taizhang.board.internal.BoardIssue;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenants;
import cn.taizhang.support.MutableClock;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The printable posters: Chinese text that survives into the PDF, the code, the hash (BOARD-4). */
@TaizhangTest
class BoardPosterTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired TenantMethods methods;
    @Autowired BoardDrafts drafts;
    @Autowired BoardFlow flow;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService users;

    BoardTestSupport support;
    Instant startedAt;

    @BeforeEach
    void setUp() {
        support = new BoardTestSupport(tenants, organisation, methods, drafts, flow, clock, users);
        startedAt = clock.instant();
    }

    @AfterEach
    void putClockBack() {
        clock.set(startedAt);
    }

    @Test
    void aTwoHundredEntryA3PosterPrintsInChinese() throws Exception {
        long demoTown = tenants.findByCode("demo-town").orElseThrow().id();
        if (methods.active(demoTown).map(v -> !v.code().equals("wusi")).orElse(true)) {
            methods.adoptPreset(demoTown, "wusi");
        }
        List<BoardEntry> entries = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            entries.add(BoardEntry.unit("第" + i + "网格", "网格", "按期完成第" + i + "项秋季秸秆禁烧巡查任务，群众满意",
                    new BigDecimal(i % 7 + 1), null, "scoring", "poster-" + i));
        }
        Proposal p = drafts.propose(demoTown, "red", "2026-12-09", entries);
        BoardIssue issue = support.publish(support.account("shuji"), support.account("jiwei"), p.issueId());

        mvc.perform(get("/boards/issues/" + issue.id() + "/poster.pdf").param("size", "A3").with(signedIn.as("ganbu")))
                .andExpect(status().isOk()); // warm-up: fonts and templates
        long started = System.nanoTime();
        byte[] pdf = mvc.perform(get("/boards/issues/" + issue.id() + "/poster.pdf").param("size", "A3")
                        .with(signedIn.as("ganbu")))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("A3 poster with 200 entries: " + millis + " ms, " + pdf.length + " bytes");

        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("红榜", "示范县五四镇", "第200网格", "秋季秸秆禁烧巡查", issue.code(),
                    issue.contentHash().substring(0, 32));
            // A3 portrait: 297 × 420 mm
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isBetween(1185f, 1195f);
            Path out = Path.of("target/board-poster");
            Files.createDirectories(out);
            Files.write(out.resolve("poster-A3.pdf"), pdf);
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 60), "png", out.resolve("poster-A3.png").toFile());
        }
        mvc.perform(get("/boards/issues/" + issue.id() + "/poster.pdf").with(signedIn.as("ganbu")))
                .andExpect(status().isOk());

        // the upward report package: poster, Excel and manifest naming the method's recipients
        mvc.perform(get("/boards/issues/" + issue.id() + "/report.zip").with(signedIn.as("ganbu")))
                .andExpect(status().isForbidden());
        byte[] zip = mvc.perform(get("/boards/issues/" + issue.id() + "/report.zip").with(signedIn.as("jiwei")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        var names = new ArrayList<String>();
        String manifest = null;
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                if (e.getName().endsWith("README.txt")) {
                    manifest = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names).containsExactlyInAnyOrder(issue.code() + "/" + issue.code() + "-A4.pdf",
                issue.code() + "/" + issue.code() + ".xlsx", issue.code() + "/README.txt");
        assertThat(manifest).contains("县主管部门、县纪委、县委组织部", issue.contentHash(), issue.code());

        // the wall screen
        mvc.perform(get("/boards/wall").with(signedIn.as("ganbu")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("第200网格"),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("style=")))));
        Proposal again = drafts.propose(demoTown, "red", "2026-12-10", List.of(entries.get(0)));
        assertThat(again.issueId()).as("nothing new: no empty draft is made").isNull();
        assertThat(again.skipped()).isEqualTo(1);
        Proposal draft = drafts.propose(demoTown, "red", "2026-12-10", List.of(BoardEntry.unit("东岗村", "村",
                "完成冬季防火巡查", BigDecimal.ONE, null, "scoring", "poster-draft")));
        mvc.perform(get("/boards/issues/" + draft.issueId() + "/poster.pdf").with(signedIn.as("shuji")))
                .andExpect(status().isBadRequest());
    }
}
