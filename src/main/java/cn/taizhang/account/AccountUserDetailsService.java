package cn.taizhang.account;

import cn.taizhang.org.Tenant;
import cn.taizhang.org.Tenants;
import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for sign-in; an account of a deactivated tenant signs in as disabled. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Tenants tenants;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, Tenants tenants, Clock clock) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username)
                .map(a -> new AccountPrincipal(a, tenantActive(a.tenantId()), clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    boolean tenantActive(long tenantId) {
        return tenants.find(tenantId).map(Tenant::active).orElse(false);
    }
}
