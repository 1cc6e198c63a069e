package cn.taizhang.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Requests as a real account: its own principal, roles and data scope. */
@Component
public class SignedIn {

    public static final String DEMO_PASSWORD = "Taizhang@2026";

    private final UserDetailsService users;

    public SignedIn(UserDetailsService users) {
        this.users = users;
    }

    /** A page request in the account's session. */
    public RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** An API request with HTTP Basic and the demo password. */
    public static RequestPostProcessor api(String username) {
        return httpBasic(username, DEMO_PASSWORD);
    }
}
