package cn.taizhang.shared;

import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user as every module sees it.
 *
 * @param accountId   the account
 * @param username    the sign-in name
 * @param displayName the name shown on pages and in the journal
 * @param tenantId    the tenant (county, township or department) the account belongs to
 * @param personId    the person the account belongs to, if any (administrators may have none)
 * @param roles       what the account may do
 * @param scopeUnitId for a group leader or village cadre: the unit whose subtree the account manages
 */
public record CurrentUser(long accountId, String username, String displayName, long tenantId, Long personId,
                          Set<Role> roles, Long scopeUnitId) implements java.io.Serializable {

    /** Implemented by the security principal, so that modules need not know the account module. */
    public interface Holder {
        CurrentUser currentUser();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the account works with a township's business data (every role but the three
     * administrators). The menu asks this instead of a security expression per entry, which Spring
     * Security parsed anew on every page.
     */
    public boolean seesBusinessData() {
        for (Role r : roles) {
            if (!r.isAdministrator()) {
                return true;
            }
        }
        return false;
    }

    public static Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Holder holder) {
            return Optional.of(holder.currentUser());
        }
        return Optional.empty();
    }

    /** The signed-in user; a request without one never reaches code that calls this. */
    public static CurrentUser require() {
        return find().orElseThrow(() -> new DomainException("error.notSignedIn"));
    }
}
