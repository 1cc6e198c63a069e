package cn.taizhang.account;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.Role;
import java.util.Map;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating accounts, for the security administrator's pages and for the demo township. */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditJournal journal;

    Accounts(AccountRepository accounts, PasswordEncoder encoder, AuditJournal journal) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.journal = journal;
    }

    /**
     * Creates an account after checking the role combination and the password rules.
     *
     * @return the new account's id
     */
    @Transactional
    public long create(long tenantId, String username, String displayName, String password, Long personId,
                       Set<Role> roles, Long scopeUnitId) {
        RoleAssignmentPolicy.check(roles, personId, scopeUnitId);
        PasswordPolicy.check(password, username).throwIfRejected("password");
        if (accounts.exists(username)) {
            throw DomainException.atField("username", "account.usernameTaken", username);
        }
        long id = accounts.insert(tenantId, username, displayName, encoder.encode(password), personId, roles,
                scopeUnitId);
        journal.record(tenantId, "account.created", "account", id, "创建账号 " + username,
                null, Map.of("username", username, "roles", AccountRepository.encode(roles),
                        "personId", String.valueOf(personId), "scopeUnitId", String.valueOf(scopeUnitId)), null);
        return id;
    }

    /** Releases a locked account before its lockout ends (the security administrator's action). */
    @Transactional
    public void unlock(long accountId, String reason) {
        accounts.unlock(accountId);
        journal.record(null, "account.unlocked", "account", accountId, "解除账号锁定", null, null, reason);
    }

    public long count() {
        return accounts.count();
    }
}
