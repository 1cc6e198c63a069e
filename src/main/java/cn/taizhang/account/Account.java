package cn.taizhang.account;

import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.Role;
import java.time.Instant;
import java.util.Set;

/** An account that signs in (账号). Its roles and scope say what it may see and change. */
record Account(long id, long tenantId, String username, String displayName, String passwordHash, Long personId,
               Set<Role> roles, Long scopeUnitId, boolean enabled, int failedAttempts, Instant lockedUntil,
               boolean passwordMustChange) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(id, username, displayName, tenantId, personId, roles, scopeUnitId);
    }
}
