package cn.taizhang.account;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.TenantKind;
import cn.taizhang.org.Tenants;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.shared.Role;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: created for the demo township and by the security administrator, who also unlocks them,
 * resets their passwords, changes their roles and disables them; and each user's own password.
 * Every change is journalled (without any password).
 */
@Service
public class Accounts {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "@#!?";
    private static final int TEMPORARY_PASSWORD_LENGTH = 12;

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditJournal journal;
    private final Tenants tenants;
    private final Organisation organisation;
    private final SecureRandom random = new SecureRandom();

    Accounts(AccountRepository accounts, PasswordEncoder encoder, AuditJournal journal, Tenants tenants,
             Organisation organisation) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.journal = journal;
        this.tenants = tenants;
        this.organisation = organisation;
    }

    /**
     * Creates an account after checking the tenant, the role combination, that the person and the
     * scope unit belong to the tenant, and the password rules.
     *
     * @return the new account's id
     */
    @Transactional
    public long create(long tenantId, String username, String displayName, String password, Long personId,
                       Set<Role> roles, Long scopeUnitId) {
        Tenant tenant = tenants.find(tenantId)
                .orElseThrow(() -> DomainException.atField("tenantId", "account.tenantUnknown", tenantId));
        if (!tenant.active()) {
            throw DomainException.atField("tenantId", "account.tenantInactive", tenant.name());
        }
        String name = username == null ? "" : username.trim();
        if (name.isEmpty()) {
            throw DomainException.atField("username", "account.usernameRequired");
        }
        RoleAssignmentPolicy.check(roles, personId, scopeUnitId);
        checkPersonAndUnit(tenantId, personId, scopeUnitId);
        PasswordPolicy.check(password, name).throwIfRejected("password");
        if (accounts.exists(name)) {
            throw DomainException.atField("username", "account.usernameTaken", name);
        }
        long id = accounts.insert(tenantId, name, displayName.trim(), encoder.encode(password), personId, roles,
                scopeUnitId);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("username", name);
        after.put("displayName", displayName.trim());
        after.put("roles", AccountRepository.encode(roles));
        after.put("personId", personId);
        after.put("scopeUnitId", scopeUnitId);
        journal.record(tenantId, "account.created", "account", id, "创建账号 " + name, null, after, null);
        return id;
    }

    // ------------------------------------------------------------------ the security administrator

    /**
     * The tenants whose accounts a security administrator manages: the own tenant and, for a county,
     * its townships and departments.
     */
    Set<Long> reachOf(CurrentUser admin) {
        requireSecurityAdmin(admin);
        Set<Long> reach = new LinkedHashSet<>();
        reach.add(admin.tenantId());
        tenants.find(admin.tenantId()).filter(t -> t.kind() == TenantKind.COUNTY)
                .ifPresent(county -> tenants.children(county.id()).forEach(t -> reach.add(t.id())));
        return reach;
    }

    /** The tenants in reach, in the order they are listed (county first). */
    List<Tenant> tenantsInReach(CurrentUser admin) {
        List<Tenant> list = new ArrayList<>();
        for (long id : reachOf(admin)) {
            tenants.find(id).ifPresent(list::add);
        }
        return list;
    }

    List<Account> listFor(CurrentUser admin) {
        return accounts.listInTenants(reachOf(admin));
    }

    /** The account, if it lies in the administrator's reach; otherwise "not found". */
    Account requireInReach(CurrentUser admin, long accountId) {
        return accounts.findInTenants(accountId, reachOf(admin))
                .orElseThrow(() -> new NotFoundException("account", accountId));
    }

    @Transactional
    long createBy(CurrentUser admin, long tenantId, String username, String displayName, String password,
                  Long personId, Set<Role> roles, Long scopeUnitId) {
        if (!reachOf(admin).contains(tenantId)) {
            throw DomainException.atField("tenantId", "account.tenantUnknown", tenantId);
        }
        return create(tenantId, username, displayName, password, personId, roles, scopeUnitId);
    }

    /** Releases a locked account before its lockout ends. */
    @Transactional
    void unlock(CurrentUser admin, long accountId, String reason) {
        Account a = requireInReach(admin, accountId);
        requireReason(reason);
        accounts.unlock(accountId);
        journal.record(a.tenantId(), "account.unlocked", "account", accountId, "解除账号锁定 " + a.username(),
                Map.of("failedAttempts", a.failedAttempts(), "lockedUntil", String.valueOf(a.lockedUntil())),
                Map.of("failedAttempts", 0), reason.trim());
    }

    /**
     * Gives the account a random temporary password that it must change at the next sign-in, and
     * releases a lock.
     *
     * @return the temporary password, to be told to the user (it is stored only as a hash)
     */
    @Transactional
    String resetPassword(CurrentUser admin, long accountId, String reason) {
        Account a = requireInReach(admin, accountId);
        requireReason(reason);
        String temporary = temporaryPassword(a.username());
        accounts.resetPassword(accountId, encoder.encode(temporary));
        journal.record(a.tenantId(), "account.passwordReset", "account", accountId, "重置密码 " + a.username(),
                Map.of("passwordMustChange", a.passwordMustChange()), Map.of("passwordMustChange", true),
                reason.trim());
        return temporary;
    }

    @Transactional
    void setEnabled(CurrentUser admin, long accountId, boolean enabled, String reason) {
        Account a = requireInReach(admin, accountId);
        requireReason(reason);
        if (a.id() == admin.accountId()) {
            throw new DomainException("account.cannotDisableSelf");
        }
        if (a.enabled() == enabled) {
            throw new DomainException(enabled ? "account.alreadyEnabled" : "account.alreadyDisabled", a.username());
        }
        accounts.setEnabled(accountId, enabled);
        journal.record(a.tenantId(), enabled ? "account.enabled" : "account.disabled", "account", accountId,
                (enabled ? "启用账号 " : "停用账号 ") + a.username(), Map.of("enabled", a.enabled()),
                Map.of("enabled", enabled), reason.trim());
    }

    /** Changes roles, person and scope unit of another account (never one's own). */
    @Transactional
    void changeRoles(CurrentUser admin, long accountId, Set<Role> roles, Long personId, Long scopeUnitId,
                     String reason) {
        Account a = requireInReach(admin, accountId);
        if (a.id() == admin.accountId()) {
            throw DomainException.atField("roles", "account.cannotEditOwnRoles");
        }
        requireReason(reason);
        RoleAssignmentPolicy.check(roles, personId, scopeUnitId);
        checkPersonAndUnit(a.tenantId(), personId, scopeUnitId);
        accounts.changeRoles(accountId, roles, personId, scopeUnitId);
        journal.record(a.tenantId(), "account.rolesChanged", "account", accountId, "修改账号角色 " + a.username(),
                roleState(a.roles(), a.personId(), a.scopeUnitId()), roleState(roles, personId, scopeUnitId),
                reason.trim());
    }

    // ------------------------------------------------------------------ every user

    /** The signed-in user changes the own password; the temporary-password flag goes. */
    @Transactional
    void changeOwnPassword(CurrentUser me, String currentPassword, String newPassword) {
        Account a = accounts.findInTenants(me.accountId(), Set.of(me.tenantId()))
                .orElseThrow(() -> new NotFoundException("account", me.accountId()));
        if (currentPassword == null || !encoder.matches(currentPassword, a.passwordHash())) {
            throw DomainException.atField("currentPassword", "password.currentWrong");
        }
        PasswordPolicy.check(newPassword, a.username()).throwIfRejected("newPassword");
        if (encoder.matches(newPassword, a.passwordHash())) {
            throw DomainException.atField("newPassword", "password.sameAsCurrent");
        }
        accounts.changePassword(a.id(), encoder.encode(newPassword));
        journal.record(a.tenantId(), "account.passwordChanged", "account", a.id(), "修改本人密码 " + a.username(),
                Map.of("passwordMustChange", a.passwordMustChange()), Map.of("passwordMustChange", false), null);
    }

    public long count() {
        return accounts.count();
    }

    // ------------------------------------------------------------------ helpers

    private void checkPersonAndUnit(long tenantId, Long personId, Long scopeUnitId) {
        if (personId != null && organisation.findPersonInTenant(tenantId, personId).isEmpty()) {
            throw DomainException.atField("personId", "account.personUnknown", personId);
        }
        if (scopeUnitId != null && organisation.findUnitInTenant(tenantId, scopeUnitId).isEmpty()) {
            throw DomainException.atField("scopeUnitId", "account.unitUnknown", scopeUnitId);
        }
    }

    private static void requireSecurityAdmin(CurrentUser admin) {
        if (admin == null || !admin.has(Role.SECURITY_ADMIN)) {
            throw new AccessDeniedException();
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.atField("reason", "error.required.reason");
        }
    }

    private static Map<String, Object> roleState(Set<Role> roles, Long personId, Long scopeUnitId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("roles", AccountRepository.encode(roles));
        m.put("personId", personId);
        m.put("scopeUnitId", scopeUnitId);
        return m;
    }

    /** Twelve characters with each kind at least once, none that are easily confused (0/O, 1/l/I). */
    String temporaryPassword(String username) {
        while (true) {
            List<Character> chars = new ArrayList<>();
            String all = UPPER + LOWER + DIGITS + SYMBOLS;
            for (String kind : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
                chars.add(kind.charAt(random.nextInt(kind.length())));
            }
            while (chars.size() < TEMPORARY_PASSWORD_LENGTH) {
                chars.add(all.charAt(random.nextInt(all.length())));
            }
            Collections.shuffle(chars, random);
            StringBuilder sb = new StringBuilder();
            chars.forEach(sb::append);
            String candidate = sb.toString();
            if (PasswordPolicy.check(candidate, username).accepted()) {
                return candidate;
            }
        }
    }
}
