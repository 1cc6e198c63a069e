package cn.taizhang.account;

import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.Role;
import java.util.Set;

/**
 * Which roles may go together. The system, security and audit administrators are three separate
 * people (三员分立): an account holds at most one of them and no business role beside it. A group
 * leader or village cadre needs the unit he or she manages.
 */
final class RoleAssignmentPolicy {

    private RoleAssignmentPolicy() {
    }

    static void check(Set<Role> roles, Long personId, Long scopeUnitId) {
        if (roles == null || roles.isEmpty()) {
            throw DomainException.atField("roles", "account.noRole");
        }
        long admins = roles.stream().filter(Role::isAdministrator).count();
        if (admins > 1 || (admins == 1 && roles.size() > 1)) {
            throw DomainException.atField("roles", "account.adminRolesApart");
        }
        if ((roles.contains(Role.GROUP_LEADER) || roles.contains(Role.VILLAGE_CADRE)) && scopeUnitId == null) {
            throw DomainException.atField("scopeUnitId", "account.scopeUnitRequired");
        }
        if (roles.contains(Role.STAFF) && personId == null) {
            throw DomainException.atField("personId", "account.personRequired");
        }
    }
}
