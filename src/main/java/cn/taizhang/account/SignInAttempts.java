package cn.taizhang.account;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account after repeated wrong passwords (default 5) for a while (default 15 minutes);
 * a security administrator can release it sooner. A successful sign-in clears the count.
 */
@Component
class SignInAttempts {

    private final AccountRepository accounts;
    private final Clock clock;
    private final int maxFailedAttempts;
    private final Duration lockoutDuration;

    SignInAttempts(AccountRepository accounts, Clock clock,
                   @Value("${taizhang.security.max-failed-attempts:5}") int maxFailedAttempts,
                   @Value("${taizhang.security.lockout-duration:15m}") Duration lockoutDuration) {
        this.accounts = accounts;
        this.clock = clock;
        this.maxFailedAttempts = maxFailedAttempts;
        this.lockoutDuration = lockoutDuration;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        accounts.recordFailure(event.getAuthentication().getName(), maxFailedAttempts,
                clock.instant().plus(lockoutDuration));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        accounts.resetFailures(event.getAuthentication().getName());
    }
}
