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
 */
public record DataScope(Set<Long> tenantIds, String subtreePath, Long selfPersonId, boolean mayEditUnits,
                        boolean mayEditPeople) {

    public static DataScope none() {
        return new DataScope(Set.of(), null, null, false, false);
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
        if (selfPersonId != null) {
            return selfPersonId == person.id();
        }
        return subtreePath == null || unitOfPerson.path().startsWith(subtreePath);
    }

    /** Builds a user's scope; {@code scopeUnitPath} is the path of the user's scope unit, if any. */
    static DataScope of(CurrentUser user, Set<Long> reachableTenants, String scopeUnitPath) {
        if (user.hasAny(Role.COUNTY_ADMIN, Role.LEADERSHIP)) {
            return new DataScope(reachableTenants, null, null, true, true);
        }
        if (user.has(Role.DISCIPLINE)) {
            return new DataScope(Set.of(user.tenantId()), null, null, false, false);
        }
        if (user.hasAny(Role.GROUP_LEADER, Role.VILLAGE_CADRE) && scopeUnitPath != null) {
            return new DataScope(Set.of(user.tenantId()), scopeUnitPath, null, false, true);
        }
        if (user.has(Role.STAFF) && user.personId() != null) {
            return new DataScope(Set.of(user.tenantId()), null, user.personId(), false, false);
        }
        return none();
    }
}
