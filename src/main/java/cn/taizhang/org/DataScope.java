package cn.taizhang.org;

import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.Role;
import java.util.Set;

/**
 * What part of the organisation a user may see and change (ORG-5). The county administrator has
 * the county and its townships; the township leadership and the discipline office the township
 * (the discipline office reads across it but does not change the organisation); a group leader or
 * village cadre the subtree of his unit; staff only themselves; administrators no business data.
 *
 * @param tenantIds     the tenants within reach
 * @param subtreePath   when not null, only units whose path starts with it (and their people)
 * @param selfPersonId  when not null, only this person
 * @param mayEditUnits  may create, change, move and deactivate units
 * @param mayEditPeople may create, change, move and deactivate people within the scope
 * @param viewerPersonId the person the user is, who is always visible to himself (a group leader
 *                      may sit in the leadership team, outside the group he manages)
 */
public record DataScope(Set<Long> tenantIds, String subtreePath, Long selfPersonId, boolean mayEditUnits,
                        boolean mayEditPeople, Long viewerPersonId) {

    public static DataScope none() {
        return new DataScope(Set.of(), null, null, false, false, null);
    }

    /** Everything in one tenant, changes allowed: for the system's own work such as the demo township. */
    public static DataScope wholeTenant(long tenantId) {
        return new DataScope(Set.of(tenantId), null, null, true, true, null);
    }

    public boolean isEmpty() {
        return tenantIds.isEmpty();
    }

    public boolean covers(OrgUnit unit) {
        return tenantIds.contains(unit.tenantId()) && selfPersonId == null
                && (subtreePath == null || unit.path().startsWith(subtreePath));
    }

    public boolean covers(Person person, OrgUnit unitOfPerson) {
        if (!tenantIds.contains(person.tenantId())) {
            return false;
        }
        if (viewerPersonId != null && viewerPersonId == person.id()) {
            return true;
        }
        if (selfPersonId != null) {
            return selfPersonId == person.id();
        }
        return subtreePath == null || unitOfPerson.path().startsWith(subtreePath);
    }

    /** Builds a user's scope; {@code scopeUnitPath} is the path of the user's scope unit, if any. */
    static DataScope of(CurrentUser user, Set<Long> reachableTenants, String scopeUnitPath) {
        if (user.hasAny(Role.COUNTY_ADMIN, Role.LEADERSHIP)) {
            return new DataScope(reachableTenants, null, null, true, true, user.personId());
        }
        if (user.has(Role.DISCIPLINE)) {
            return new DataScope(Set.of(user.tenantId()), null, null, false, false, user.personId());
        }
        if (user.hasAny(Role.GROUP_LEADER, Role.VILLAGE_CADRE) && scopeUnitPath != null) {
            return new DataScope(Set.of(user.tenantId()), scopeUnitPath, null, false, true, user.personId());
        }
        if (user.has(Role.STAFF) && user.personId() != null) {
            return new DataScope(Set.of(user.tenantId()), null, user.personId(), false, false, user.personId());
        }
        return none();
    }
}
