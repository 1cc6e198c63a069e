package cn.taizhang.work;

import static cn.taizhang.support.SignedIn.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.taizhang.org.Tenants;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.support.MutableClock;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import cn.taizhang.work.domain.LedgerImport;
import cn.taizhang.work.domain.LedgerSheet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two imports of ledgers carrying the same 编号 at the same time (issue 3, point 6): the one that
 * commits first wins; the other, which checked the code while it was still free, is refused with a
 * translated problem naming the code instead of a database error, and stores nothing at all.
 *
 * <p>The race is made deterministic: the winning import runs in a transaction held open on a latch,
 * the losing one (through the API, then through the page) is let go only once PostgreSQL shows it
 * waiting on the winner's row, then the winner commits.
 */
@TaizhangTest
class LedgerImportRaceTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired LedgerImport ledgerImport;
    @Autowired PlatformTransactionManager transactions;
    @Autowired UserDetailsService users;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    String suffix;

    @BeforeEach
    void setUp() {
        clock.set(WorkTestSupport.at(2026, 9, 1, 9));
        suffix = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        clock.set(Instant.now());
    }

    /** A township ledger with one row per code: the code, a title naming it, the fields an item needs. */
    private static byte[] ledger(List<String> codes, String suffix) throws Exception {
        List<String> headers = List.of("编号", "事项名称", "类别", "来源", "牵头单位", "责任人", "开始日期", "完成时限", "工作目标");
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("督办台账");
            var head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
            }
            int r = 1;
            for (String code : codes) {
                List<String> cells = List.of(code, "并发导入" + code + suffix, "routine", "SUPERIOR_ASSIGNMENT", "城建组",
                        "罗丹", "2026-09-01", "2026-10-30", "按时完成");
                var row = sheet.createRow(r++);
                for (int i = 0; i < cells.size(); i++) {
                    row.createCell(i).setCellValue(cells.get(i));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /**
     * Imports {@code first} in a transaction that stays open until {@code loser} waits on its row, then
     * commits it; answers what the loser got.
     */
    private MvcResult race(byte[] first, Callable<MvcResult> loser) throws Exception {
        UserDetails shuji = users.loadUserByUsername("shuji");
        CurrentUser me = ((CurrentUser.Holder) shuji).currentUser();
        LedgerSheet sheet = LedgerSheet.read(new ByteArrayInputStream(first));
        CountDownLatch stored = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<LedgerImport.Outcome> winner = threads.submit(() -> {
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(shuji, null, shuji.getAuthorities()));
            try {
                return new TransactionTemplate(transactions).execute(status -> {
                    LedgerImport.Outcome o = ledgerImport.store(me, sheet, sheet.proposedMapping(), "先到的台账.xlsx");
                    stored.countDown();
                    try {
                        commit.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return o;
                });
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        assertThat(stored.await(60, TimeUnit.SECONDS)).as("the first import stored its rows").isTrue();
        Future<MvcResult> second = threads.submit(loser);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (waitingOnTheCode() == 0) {
            assertThat(System.nanoTime()).as("the second import waits on the first one's 编号").isLessThan(deadline);
            assertThat(second.isDone()).as("the second import should wait, not finish").isFalse();
            Thread.sleep(50);
        }
        commit.countDown();
        assertThat(winner.get(60, TimeUnit.SECONDS).created()).isEqualTo(1);
        return second.get(60, TimeUnit.SECONDS);
    }

    /** Sessions of PostgreSQL blocked on a lock while setting a ledger code. */
    private long waitingOnTheCode() {
        return jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where wait_event_type = 'Lock' and query like 'update work_item set ledger_code%'""")
                .query(Long.class).single();
    }

    private long items(String code) {
        return jdbc.sql("select count(*) from work_item where ledger_code = :c").param("c", code).query(Long.class).single();
    }

    private long titled(String like) {
        return jdbc.sql("select count(*) from work_item where title like :t").param("t", like).query(Long.class).single();
    }

    @Test
    void theLosingApiImportIsRefusedNamingTheCodeAndStoresNothing() throws Exception {
        String raced = "RACE-A-" + suffix;
        String own = "RACE-B-" + suffix;
        MvcResult lost = race(ledger(List.of(raced), suffix), () -> mvc.perform(multipart("/api/work/import")
                .file(new MockMultipartFile("file", "后到的台账.xlsx", null, ledger(List.of(own, raced), suffix)))
                .with(api("shuji"))).andReturn());

        assertThat(lost.getResponse().getStatus()).isEqualTo(422);
        String body = lost.getResponse().getContentAsString();
        assertThat(body).contains("\"created\":0")
                .contains("编号“" + raced + "”刚被同时进行的另一次导入占用；本次导入没有保存任何内容")
                .contains("\"column\":\"A 编号\"");
        assertThat(items(raced)).isEqualTo(1);
        assertThat(items(own)).isZero();
        assertThat(titled("并发导入" + raced + suffix)).isEqualTo(1);
    }

    @Test
    void theLosingPageImportShowsTheRefusalNamingTheCodeAndStoresNothing() throws Exception {
        String raced = "RACE-C-" + suffix;
        String own = "RACE-D-" + suffix;
        // upload and check first (both codes are still free), confirm while the other import holds the code
        LedgerExcelTest.Visit visit = new LedgerExcelTest.Visit();
        var upload = mvc.perform(multipart("/work/import")
                .file(new MockMultipartFile("file", "后到的台账.xlsx", null, ledger(List.of(own, raced), suffix)))
                .with(visit).with(signedIn.as("shuji")).with(csrf())).andReturn();
        assertThat(upload.getResponse().getContentAsString()).contains("行检查通过");
        visit.cookie = upload.getResponse().getCookie("SESSION");
        var confirm = post("/work/import/confirm").with(visit).with(signedIn.as("shuji")).with(csrf());
        String[] fields = {"CODE", "TITLE", "CATEGORY", "SOURCE", "LEAD_UNIT", "RESPONSIBLE", "START_DATE", "DEADLINE", "TARGET"};
        for (int i = 0; i < fields.length; i++) {
            confirm.param("col." + fields[i], String.valueOf(i));
        }
        MvcResult lost = race(ledger(List.of(raced), suffix), () -> mvc.perform(confirm).andReturn());

        assertThat(lost.getResponse().getStatus()).isEqualTo(200);
        assertThat(lost.getResponse().getContentAsString())
                .contains("编号“" + raced + "”刚被同时进行的另一次导入占用；本次导入没有保存任何内容")
                .contains("整份文件不会导入");
        assertThat(items(raced)).isEqualTo(1);
        assertThat(items(own)).isZero();
    }
}
