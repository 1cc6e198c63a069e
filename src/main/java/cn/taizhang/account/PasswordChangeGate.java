package cn.taizhang.account;

import cn.taizhang.shared.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks on every request of a signed-in account what may have changed since it signed in: an
 * account that was disabled (or whose tenant was deactivated) is signed out; an account whose
 * password was reset is sent to the password page, and nowhere else, until it has chosen its own
 * password. On the API both are refused with 403. Not a bean: only the security chains use it.
 */
final class PasswordChangeGate extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/account/password";

    private static final List<String> ALWAYS_OPEN = List.of(PASSWORD_PAGE, "/logout", "/login", "/lang",
            "/error", "/favicon.ico");
    private static final List<String> OPEN_PREFIXES = List.of("/css/", "/js/", "/img/", "/webjars/");

    private final AccountRepository accounts;

    PasswordChangeGate(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<CurrentUser> user = CurrentUser.find();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (user.isEmpty() || ALWAYS_OPEN.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        boolean api = path.startsWith("/api/");
        var state = accounts.sessionState(user.get().accountId(), user.get().tenantId());
        if (state.isEmpty() || !state.get().enabled() || !state.get().tenantActive()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (api) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            } else {
                response.sendRedirect(request.getContextPath() + "/login?error=disabled");
            }
            return;
        }
        if (state.get().passwordMustChange()) {
            if (api) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            } else {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
