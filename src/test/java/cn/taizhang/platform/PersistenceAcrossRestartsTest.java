package cn.taizhang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Runs Taizhang as a user does, in its own process on the embedded PostgreSQL with a data
 * directory of its own, and checks that what was committed survives a normal restart and a
 * {@code kill -9}.
 */
class PersistenceAcrossRestartsTest {

    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("shuji:Taizhang@2026".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path dataDir;
    private Process app;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor();
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    @Test
    void committedDataSurvivesARestartAndAKillMinus9() throws Exception {
        dataDir = Files.createTempDirectory("taizhang-persist");
        start();
        String rootId = json(get("/api/org/units")).replaceAll("(?s)^\\[\\{\"id\":(\\d+).*", "$1");
        HttpResponse<String> created = post("/api/org/units",
                "{\"parentId\":" + rootId + ",\"kind\":\"GROUP\",\"code\":\"PERSIST-1\",\"name\":\"重启后仍在的组\"}");
        assertThat(created.statusCode()).isEqualTo(201);

        app.destroy(); // SIGTERM: a normal stop
        app.waitFor();
        start();
        assertThat(json(get("/api/org/units"))).contains("重启后仍在的组");

        HttpResponse<String> second = post("/api/org/units",
                "{\"parentId\":" + rootId + ",\"kind\":\"GROUP\",\"code\":\"PERSIST-2\",\"name\":\"强杀前提交的组\"}");
        assertThat(second.statusCode()).isEqualTo(201);
        app.destroyForcibly(); // SIGKILL: no shutdown hook runs, PostgreSQL is left running on its own
        app.waitFor();
        start();
        String units = json(get("/api/org/units"));
        assertThat(units).contains("重启后仍在的组").contains("强杀前提交的组");
        // the demo township was created once, not again on each start
        assertThat(units.split("\"code\":\"WS\"", -1)).hasSize(2);
    }

    private void start() throws Exception {
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "cn.taizhang.TaizhangApplication"))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("app-" + Instant.now().toEpochMilli() + ".log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_DATASOURCE"));
        builder.environment().put("TAIZHANG_DATA_DIR", dataDir.toString());
        builder.environment().put("PORT", String.valueOf(port));
        app = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            assertThat(app.isAlive()).as("Taizhang exited while starting; see the logs in " + dataDir).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("UP")
                        && get("/api/org/units").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Taizhang did not become healthy within 2 minutes; see " + dataDir);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", AUTH).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", AUTH)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String json(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
