package cn.taizhang.account;

import cn.taizhang.audit.AuditJournal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account after repeated wrong passwords (default 5) for a while (default 15 minutes);
 * a security administrator can release it sooner. A successful sign-in clears the count.
 *
 * <p>Every failed sign-in (page or API), every lockout and every successful sign-in through the
 * sign-in page is journalled ({@code signin.failed}, {@code signin.locked}, {@code signin.succeeded}).
 * Nobody is signed in yet when most of these happen, so the journal's actor is "system" and the
 * summary names the user name that was tried. Successful HTTP Basic calls of the API authenticate
 * on every request and are not journalled one by one.
 */
@Component
class SignInAttempts {

    private final AccountRepository accounts;
    private final AuditJournal journal;
    private final Clock clock;
    private final int maxFailedAttempts;
    private final Duration lockoutDuration;

    SignInAttempts(AccountRepository accounts, AuditJournal journal, Clock clock,
                   @Value("${taizhang.security.max-failed-attempts:5}") int maxFailedAttempts,
                   @Value("${taizhang.security.lockout-duration:15m}") Duration lockoutDuration) {
        this.accounts = accounts;
        this.journal = journal;
        this.clock = clock;
        this.maxFailedAttempts = maxFailedAttempts;
        this.lockoutDuration = lockoutDuration;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        Instant now = clock.instant();
        Optional<Account> before = accounts.findByUsername(username);
        accounts.recordFailure(username, maxFailedAttempts, now.plus(lockoutDuration));
        if (before.isEmpty()) {
            journal.record(null, "signin.failed", "account", null, "登录失败：用户名 " + username + " 不存在",
                    null, null, null);
            return;
        }
        Account after = accounts.findByUsername(username).orElseThrow();
        journal.record(after.tenantId(), "signin.failed", "account", after.id(),
                "登录失败：用户名 " + username + " 密码错误（第 " + after.failedAttempts() + " 次）", null, null, null);
        if (!before.get().lockedAt(now) && after.lockedAt(now)) {
            journal.record(after.tenantId(), "signin.locked", "account", after.id(),
                    "账号 " + username + " 连续 " + after.failedAttempts() + " 次登录失败，锁定至 " + after.lockedUntil(),
                    null, null, null);
        }
    }

    @EventListener
    void onLocked(AuthenticationFailureLockedEvent event) {
        refused(event.getAuthentication().getName(), "登录被拒绝：账号 %s 已锁定");
    }

    @EventListener
    void onDisabled(AuthenticationFailureDisabledEvent event) {
        refused(event.getAuthentication().getName(), "登录被拒绝：账号 %s 已停用");
    }

    private void refused(String username, String summary) {
        Optional<Account> account = accounts.findByUsername(username);
        journal.record(account.map(Account::tenantId).orElse(null), "signin.failed", "account",
                account.map(Account::id).orElse(null), summary.formatted(username), null, null, null);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        accounts.resetFailures(event.getAuthentication().getName());
    }

    @EventListener
    void onInteractiveSuccess(InteractiveAuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        accounts.findByUsername(username).ifPresent(a -> journal.record(a.tenantId(), "signin.succeeded",
                "account", a.id(), "登录成功 " + username, null, null, null));
    }
}
