package cn.taizhang.account;

import cn.taizhang.shared.CurrentUser;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal of a signed-in account. */
final class AccountPrincipal implements UserDetails, CredentialsContainer, CurrentUser.Holder {

    private final CurrentUser user;
    private final boolean enabled;
    private final boolean locked;
    private String passwordHash;

    AccountPrincipal(Account account, boolean tenantActive, Instant now) {
        this.user = account.toCurrentUser();
        this.enabled = account.enabled() && tenantActive;
        this.locked = account.lockedAt(now);
        this.passwordHash = account.passwordHash();
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    List<String> roleNames() {
        return user.roles().stream().map(Enum::name).sorted().toList();
    }
}
