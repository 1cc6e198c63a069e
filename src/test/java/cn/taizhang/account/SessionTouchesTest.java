package cn.taizhang.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.Session;

/**
 * A session's last access is moved (and so written) at most once a minute; attributes always; and
 * within one request the session is read once.
 */
class SessionTouchesTest {

    private final Stored stored = new Stored();
    private final SessionTouches sessions = new SessionTouches(stored, () -> { }, Duration.ofMinutes(1));
    private final Instant signedIn = Instant.parse("2026-12-02T01:00:00Z");

    @Test
    void aRequestWithinTheIntervalLeavesTheLastAccessAlone() {
        MapSession kept = signIn();

        sessions.findById(kept.getId()).setLastAccessedTime(signedIn.plusSeconds(59));

        assertThat(kept.getLastAccessedTime()).isEqualTo(signedIn);
    }

    @Test
    void aRequestAfterTheIntervalMovesIt() {
        MapSession kept = signIn();

        sessions.findById(kept.getId()).setLastAccessedTime(signedIn.plusSeconds(60));

        assertThat(kept.getLastAccessedTime()).isEqualTo(signedIn.plusSeconds(60));
    }

    @Test
    void attributesAndSavesGoThroughUnchanged() {
        MapSession kept = signIn();
        var session = sessions.findById(kept.getId());

        session.setAttribute("lang", "en");
        sessions.save(session);

        assertThat((String) kept.getAttribute("lang")).isEqualTo("en");
        assertThat(stored.saved).isSameAs(kept);
    }

    @Test
    void withinOneRequestTheSessionIsReadOnce_andNotRememberedAfterIt() throws Exception {
        MapSession kept = signIn();
        var filter = new SessionTouches.OneReadPerRequest();

        filter.doFilter(new MockHttpServletRequest("GET", "/work"), new MockHttpServletResponse(), (req, res) -> {
            assertThat(sessions.findById(kept.getId())).isSameAs(sessions.findById(kept.getId()));
        });
        assertThat(stored.reads).isEqualTo(1);

        sessions.findById(kept.getId());
        assertThat(stored.reads).as("outside a request every read goes to the database").isEqualTo(2);
    }

    @Test
    void aSessionDeletedInTheRequestIsNotFoundAgain() throws Exception {
        MapSession kept = signIn();
        new SessionTouches.OneReadPerRequest().doFilter(new MockHttpServletRequest("POST", "/logout"),
                new MockHttpServletResponse(), (req, res) -> {
                    sessions.findById(kept.getId());
                    sessions.deleteById(kept.getId());
                    assertThat(sessions.findById(kept.getId())).isNull();
                });
    }

    @Test
    void anUnknownSessionStaysUnknown() {
        assertThat(sessions.findById("nobody")).isNull();
    }

    private MapSession signIn() {
        MapSession session = new MapSession();
        session.setLastAccessedTime(signedIn);
        stored.byId.put(session.getId(), session);
        return session;
    }

    /** The JDBC repository's part that matters here, in memory. */
    private static final class Stored implements FindByIndexNameSessionRepository<Session> {
        final Map<String, Session> byId = new HashMap<>();
        Session saved;
        int reads;

        @Override
        public Session createSession() {
            return new MapSession();
        }

        @Override
        public void save(Session session) {
            saved = session;
        }

        @Override
        public Session findById(String id) {
            reads++;
            return byId.get(id);
        }

        @Override
        public void deleteById(String id) {
            byId.remove(id);
        }

        @Override
        public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }
}
