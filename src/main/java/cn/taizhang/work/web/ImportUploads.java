package cn.taizhang.work.web;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * An uploaded ledger kept between the preview and the confirmation: the file in a temporary
 * directory, its name in the user's session. Not the session itself, because sessions are stored
 * in PostgreSQL and written back on every request: a workbook of megabytes there would travel with
 * every page. The file is removed once imported, when the same session uploads another one, and at
 * the latest after two hours (at the next upload of anyone).
 */
@Component
class ImportUploads {

    private static final String ATTRIBUTE = "ledgerxls.upload";
    private static final Duration KEPT = Duration.ofHours(2);

    private final Path directory;

    ImportUploads() {
        this.directory = Path.of(System.getProperty("java.io.tmpdir"), "taizhang-ledger-import");
    }

    /** What the session holds: the stored file's name, the original name and whose upload it is. */
    record Upload(String token, String fileName, long accountId) implements Serializable {
    }

    Upload keep(HttpSession session, long accountId, String fileName, InputStream content) throws IOException {
        Files.createDirectories(directory);
        sweep();
        discard(session);
        var upload = new Upload(UUID.randomUUID() + ".xlsx", fileName == null ? "ledger.xlsx" : fileName, accountId);
        Files.copy(content, directory.resolve(upload.token()));
        session.setAttribute(ATTRIBUTE, upload);
        return upload;
    }

    /** The session's upload if it is still there and the user's own; otherwise null. */
    Upload current(HttpSession session, long accountId) {
        if (!(session.getAttribute(ATTRIBUTE) instanceof Upload u) || u.accountId() != accountId
                || !Files.isRegularFile(directory.resolve(u.token()))) {
            return null;
        }
        return u;
    }

    InputStream open(Upload upload) throws IOException {
        return Files.newInputStream(directory.resolve(upload.token()));
    }

    void discard(HttpSession session) throws IOException {
        if (session.getAttribute(ATTRIBUTE) instanceof Upload u) {
            Files.deleteIfExists(directory.resolve(u.token()));
            session.removeAttribute(ATTRIBUTE);
        }
    }

    private void sweep() throws IOException {
        Instant before = Instant.now().minus(KEPT);
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).toInstant().isBefore(before);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
