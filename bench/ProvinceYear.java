import cn.taizhang.TaizhangApplication;
import cn.taizhang.scoring.Assessments;
import cn.taizhang.scoring.Results.Ranking;
import cn.taizhang.scoring.Results.Row;
import cn.taizhang.scoring.Results.SubjectResult;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.Role;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The product side of the province benchmark (bench/scoring-province.sh): starts the application
 * on the benchmark database (on a free port; Flyway and the demo seed run as at any start)
 * and calls {@code Assessments.ranking} — the service method behind {@code GET
 * /api/scoring/rankings/{target}/{cycle}}, with its read-only repeatable-read transaction — for
 * every township tenant, as that township's leadership would. No HTTP, no password check, no
 * JSON: the computation only.
 *
 * <pre>
 *   java -cp target/classes:DEPENDENCIES bench/ProvinceYear.java migrate
 *   java -cp ... bench/ProvinceYear.java measure      # env: CYCLE TARGETS TENANTS WARMUP THREADS
 * </pre>
 * It prints, per pass, the wall time, each tenant's time (median, p95, max), the garbage
 * collectors' time and a SHA-256 digest of every rank, score, flag and veto, so that two runs (or
 * two versions of the engine) can be compared for identical results.
 */
public class ProvinceYear {

    record Job(long tenantId, String code, List<String> targets) {
    }

    record Done(String digestLine, int rows, long nanos) {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "measure" : args[0];
        SpringApplication app = new SpringApplication(TaizhangApplication.class);
        // the web server is needed by some beans (the boards' pages); a free port, nobody calls it
        app.setDefaultProperties(Map.of("server.port", "0"));
        try (ConfigurableApplicationContext ctx = app.run()) {
            if (mode.equals("migrate")) {
                System.out.println("migrated and seeded");
                return;
            }
            measure(ctx);
        }
    }

    static void measure(ConfigurableApplicationContext ctx) throws Exception {
        Assessments assessments = ctx.getBean(Assessments.class);
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        String cycle = env("CYCLE", "2026");
        String like = env("TENANTS", "PV-C%-T%");
        int warmup = Integer.parseInt(env("WARMUP", "40"));
        List<Integer> threads = Arrays.stream(env("THREADS", "1,2").split(",")).map(String::trim).map(Integer::parseInt)
                .toList();

        List<Job> jobs = new ArrayList<>();
        for (Map<String, Object> t : jdbc.sql("""
                select t.id, t.code from tenant t
                where t.kind = 'TOWNSHIP' and t.code like :like
                  and exists (select 1 from method_version m where m.tenant_id = t.id and m.status = 'ADOPTED')
                order by t.id""").param("like", like).query().listOfRows()) {
            long id = ((Number) t.get("id")).longValue();
            // every composite of the method that runs per year (wusi: total), unless TARGETS names them
            List<String> targets = System.getenv("TARGETS") != null
                    ? Arrays.stream(System.getenv("TARGETS").split(",")).map(String::trim).toList()
                    : assessments.targets(id).stream()
                            .filter(x -> x.composite() && x.periods().stream().anyMatch(p -> p.name().equals("YEAR")))
                            .map(Assessments.TargetInfo::code).toList();
            jobs.add(new Job(id, (String) t.get("code"), targets));
        }
        System.out.printf("product: %d township tenants, targets %s, cycle %s (Assessments.ranking, no HTTP)%n",
                jobs.size(), jobs.isEmpty() ? "-" : jobs.get(0).targets(), cycle);

        long w0 = System.nanoTime();
        for (Job j : jobs.subList(0, Math.min(warmup, jobs.size()))) {
            run(assessments, j, cycle);
        }
        System.out.printf("  warm-up: %d tenants in %.1f s%n", Math.min(warmup, jobs.size()), (System.nanoTime() - w0) / 1e9);

        for (int n : threads) {
            long gc0 = gcMillis();
            long t0 = System.nanoTime();
            List<Done> done = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                List<Future<Done>> futures = new ArrayList<>();
                for (Job j : jobs) {
                    futures.add(pool.submit(() -> run(assessments, j, cycle)));
                }
                for (Future<Done> f : futures) {
                    done.add(f.get());
                }
            } finally {
                pool.shutdown();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            int rows = 0;
            for (Done d : done) {
                sha.update(d.digestLine().getBytes(StandardCharsets.UTF_8));
                rows += d.rows();
            }
            double[] each = done.stream().mapToDouble(d -> d.nanos() / 1e9).sorted().toArray();
            System.out.printf("  threads %d: wall %.1f s for %d tenants, %d ranked rows; per tenant median %.3f p95 %.3f"
                            + " max %.3f s; GC %.1f s; digest %s%n", n, wall, done.size(), rows, pct(each, 50),
                    pct(each, 95), each.length == 0 ? 0 : each[each.length - 1], (gcMillis() - gc0) / 1e3,
                    HexFormat.of().formatHex(sha.digest()).substring(0, 16));
        }
    }

    static Done run(Assessments assessments, Job j, String cycle) {
        CurrentUser leader = new CurrentUser(0, "province-bench", "省级基准", j.tenantId(), null, Set.of(Role.LEADERSHIP),
                null);
        long t0 = System.nanoTime();
        StringBuilder line = new StringBuilder(j.code());
        int rows = 0;
        for (String target : j.targets()) {
            Ranking r = assessments.ranking(leader, target, cycle);
            line.append('|').append(target);
            for (Row row : r.rows()) {
                SubjectResult s = row.result();
                line.append(';').append(s.subject().key()).append(':').append(row.rank()).append(':').append(s.score())
                        .append(':').append(s.beforeAdjustments()).append(':').append(s.flagged() ? 'F' : '-')
                        .append(s.vetoed() ? 'V' : '-');
                rows++;
            }
            r.notAssessed().forEach(s -> line.append(";n/a ").append(s.subject().key()));
        }
        return new Done(line.append('\n').toString(), rows, System.nanoTime() - t0);
    }

    static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, b.getCollectionTime());
        }
        return sum;
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
