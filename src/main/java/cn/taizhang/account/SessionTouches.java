package cn.taizhang.account;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Writes a session's last access to PostgreSQL at most once per interval instead of on every request.
 *
 * <p>Spring Session marks a session changed on every request only to move its last access time, so each
 * page cost an UPDATE and a commit of the session row (a third of the ledger page's database time,
 * found with thread dumps). The idle timeout only needs that time to the minute: with an interval of
 * one minute, a session idle for the 30-minute timeout expires at most one minute early. Attribute
 * changes (sign-in, CSRF token, language) are saved at once as before.
 */
final class SessionTouches implements FindByIndexNameSessionRepository<SessionTouches.Touched>, DisposableBean {

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
        Session found = sessions.findById(id);
        return found == null ? null : new Touched(found);
    }

    @Override
    public void deleteById(String id) {
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
