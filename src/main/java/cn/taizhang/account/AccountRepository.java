package cn.taizhang.account;

import cn.taizhang.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private static final String COLUMNS = """
            id, tenant_id, username, display_name, password_hash, person_id, roles, scope_unit_id, enabled,
            failed_attempts, locked_until, password_must_change""";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from account where username = :u")
                .param("u", username).query(AccountRepository::map).optional();
    }

    Optional<Account> findInTenants(long id, Set<Long> tenants) {
        return jdbc.sql("select " + COLUMNS + " from account where id = :id and tenant_id in (:tenants)")
                .param("id", id).param("tenants", tenants).query(AccountRepository::map).optional();
    }

    List<Account> listInTenants(Set<Long> tenants) {
        return jdbc.sql("select " + COLUMNS + " from account where tenant_id in (:tenants) order by tenant_id, username")
                .param("tenants", tenants).query(AccountRepository::map).list();
    }

    long insert(long tenantId, String username, String displayName, String hash, Long personId, Set<Role> roles,
                Long scopeUnitId) {
        return jdbc.sql("""
                insert into account (tenant_id, username, display_name, password_hash, person_id, roles, scope_unit_id)
                values (:t, :u, :d, :h, :p, :r, :s) returning id""")
                .param("t", tenantId).param("u", username).param("d", displayName).param("h", hash)
                .param("p", personId).param("r", encode(roles)).param("s", scopeUnitId)
                .query(Long.class).single();
    }

    /** Counts a failed sign-in; the attempt that reaches the limit locks the account until {@code until}. */
    void recordFailure(String username, int maxAttempts, Instant until) {
        jdbc.sql("""
                update account set failed_attempts = failed_attempts + 1,
                       locked_until = case when failed_attempts + 1 >= :max then :until else locked_until end
                where username = :u""")
                .param("u", username).param("max", maxAttempts)
                .param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC)).update();
    }

    void resetFailures(String username) {
        jdbc.sql("update account set failed_attempts = 0, locked_until = null where username = :u and (failed_attempts > 0 or locked_until is not null)")
                .param("u", username).update();
    }

    void unlock(long id) {
        jdbc.sql("update account set failed_attempts = 0, locked_until = null where id = :id").param("id", id).update();
    }

    /** Sets the password the user chose; the temporary-password flag goes. */
    void changePassword(long id, String hash) {
        jdbc.sql("""
                update account set password_hash = :h, password_changed_at = now(), password_must_change = false
                where id = :id""")
                .param("h", hash).param("id", id).update();
    }

    /** Sets a temporary password the user must change at the next sign-in; also releases a lock. */
    void resetPassword(long id, String hash) {
        jdbc.sql("""
                update account set password_hash = :h, password_changed_at = now(), password_must_change = true,
                       failed_attempts = 0, locked_until = null
                where id = :id""")
                .param("h", hash).param("id", id).update();
    }

    void changeRoles(long id, Set<Role> roles, Long personId, Long scopeUnitId) {
        jdbc.sql("update account set roles = :r, person_id = :p, scope_unit_id = :s where id = :id")
                .param("r", encode(roles)).param("p", personId).param("s", scopeUnitId).param("id", id).update();
    }

    /** What a signed-in session needs to know on each request: still enabled, must change the password. */
    /** What every signed-in request checks, in one round trip: the account and its tenant still active. */
    Optional<SessionState> sessionState(long id, long tenantId) {
        return jdbc.sql("""
                select a.enabled, a.password_must_change,
                       coalesce((select t.active from tenant t where t.id = :t), false)
                from account a where a.id = :id""").param("id", id).param("t", tenantId)
                .query((rs, row) -> new SessionState(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3))).optional();
    }

    record SessionState(boolean enabled, boolean passwordMustChange, boolean tenantActive) {
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("update account set enabled = :e where id = :id").param("e", enabled).param("id", id).update();
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from account where username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    static String encode(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Account(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("username"),
                rs.getString("display_name"), rs.getString("password_hash"), (Long) rs.getObject("person_id"),
                Set.copyOf(roles), (Long) rs.getObject("scope_unit_id"), rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant(), rs.getBoolean("password_must_change"));
    }
}
