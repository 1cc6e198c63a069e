package cn.taizhang.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes a session's last access to PostgreSQL at most once per interval instead of on every request.
 *
 * <p>Spring Session marks a session changed on every request only to move its last access time, so each
 * page cost an UPDATE and a commit of the session row (a third of the ledger page's database time,
 * found with thread dumps). The idle timeout only needs that time to the minute: with an interval of
 * one minute, a session idle for the 30-minute timeout expires at most one minute early. Attribute
 * changes (sign-in, CSRF token, language) are saved at once as before.
 *
 * <p>Within one request a session is also read only once: Spring Session's filter looks it up again
 * when it commits (one more query and deserialisation per page). {@link OneReadPerRequest} bounds
 * that memory to the request.
 */
final class SessionTouches implements FindByIndexNameSessionRepository<SessionTouches.Touched>, DisposableBean {

    /** Sessions read during the current request on this thread; null outside a request. */
    private static final ThreadLocal<Map<String, Touched>> READ_IN_THIS_REQUEST = new ThreadLocal<>();

    /** Boot's repository, seen through its interface: its session class is not public. */
    private final FindByIndexNameSessionRepository<Session> sessions;
    private final DisposableBean cleanupJob;
    private final Duration interval;

    SessionTouches(FindByIndexNameSessionRepository<Session> sessions, DisposableBean cleanupJob, Duration interval) {
        this.sessions = sessions;
        this.cleanupJob = cleanupJob;
        this.interval = interval;
    }

    /** Wraps Boot's JDBC session repository once it is configured (its cleanup job included). */
    static BeanPostProcessor wrapping(Duration interval) {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository jdbc
                        ? new SessionTouches((FindByIndexNameSessionRepository) jdbc, jdbc, interval) : bean;
            }
        };
    }

    @Override
    public Touched createSession() {
        return new Touched(sessions.createSession());
    }

    @Override
    public void save(Touched session) {
        sessions.save(session.stored);
    }

    @Override
    public Touched findById(String id) {
        Map<String, Touched> request = READ_IN_THIS_REQUEST.get();
        Touched known = request == null ? null : request.get(id);
        if (known != null) {
            return known;
        }
        Session found = sessions.findById(id);
        if (found == null) {
            return null;
        }
        Touched touched = new Touched(found);
        if (request != null) {
            request.put(id, touched);
        }
        return touched;
    }

    @Override
    public void deleteById(String id) {
        Map<String, Touched> request = READ_IN_THIS_REQUEST.get();
        if (request != null) {
            request.remove(id);
        }
        sessions.deleteById(id);
    }

    @Override
    public Map<String, Touched> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Touched> found = new LinkedHashMap<>();
        sessions.findByIndexNameAndIndexValue(indexName, indexValue).forEach((id, s) -> found.put(id, new Touched(s)));
        return found;
    }

    @Override
    public void destroy() throws Exception {
        cleanupJob.destroy();
    }

    /**
     * Runs just outside Spring Session's filter and gives each request its own memory of the sessions
     * read, forgotten when the request ends, so nothing read in one request serves another.
     */
    static final class OneReadPerRequest extends OncePerRequestFilter {

        /** Just before {@link SessionRepositoryFilter}, so the memory spans its whole request. */
        static final int ORDER = SessionRepositoryFilter.DEFAULT_ORDER - 1;

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            READ_IN_THIS_REQUEST.set(new HashMap<>());
            try {
                chain.doFilter(request, response);
            } finally {
                READ_IN_THIS_REQUEST.remove();
            }
        }
    }

    /** A stored session whose last access moves only when it is at least the interval old. */
    final class Touched implements Session {

        private final Session stored;

        private Touched(Session stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant at) {
            if (Duration.between(stored.getLastAccessedTime(), at).compareTo(interval) >= 0) {
                stored.setLastAccessedTime(at);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return stored.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            stored.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            stored.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
