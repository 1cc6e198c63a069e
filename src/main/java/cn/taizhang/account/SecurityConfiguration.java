package cn.taizhang.account;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Pages sign in with a form and a session (CSRF on); the JSON API under {@code /api} takes HTTP
 * Basic on every request and keeps no session, so no cookie can be abused against it. Both share
 * the accounts, the lockout and the password hashing.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** No inline script or style anywhere in our pages. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Swagger UI sets style attributes in its markup; it gets inline styles, nothing else more. */
    static final String SWAGGER_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";

    /** Session rows are touched at most once a minute (SessionTouches says why). */
    @Bean
    static BeanPostProcessor sessionTouches(@Value("${taizhang.session.touch-interval:1m}") Duration interval) {
        return SessionTouches.wrapping(interval);
    }

    /**
     * Two requests of one session that both add the same attribute (a fresh CSRF token right after
     * sign-in, when a browser loads two pages at once) made Spring Session insert the attribute twice:
     * the second request failed with a duplicate key. PostgreSQL's upsert lets the later value win.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    @Bean
    FilterRegistrationBean<SessionTouches.OneReadPerRequest> oneSessionReadPerRequest() {
        var registration = new FilterRegistrationBean<>(new SessionTouches.OneReadPerRequest());
        registration.setOrder(SessionTouches.OneReadPerRequest.ORDER);
        return registration;
    }

    /**
     * Nothing collects traces: without this every request ran through an observation wrapper around
     * each security filter.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the algorithm id stored beside each hash so it can be raised later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccountRepository accounts) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        // what a tenant chose to publish, for other government portals: no sign-in
                        .requestMatchers(HttpMethod.GET, "/api/public/**").permitAll()
                        .requestMatchers("/api/audit", "/api/audit/**").hasRole("AUDIT_ADMIN")
                        .anyRequest().authenticated())
                .addFilterAfter(new PasswordChangeGate(accounts), AuthorizationFilter.class)
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(c -> c.disable())
                .headers(h -> h.addHeaderWriter(contentSecurityPolicy()));
        return http.build();
    }

    /**
     * What anybody may read without signing in — the public boards with their verification, and the
     * style sheets, scripts and images — is served without a session: reading it never creates one
     * (a resident's phone would otherwise cost a session row per visit) nor loads one, so such a
     * page looks the same to everybody and is cheap to serve. Only GET (and HEAD) are allowed.
     */
    @Bean
    @Order(2)
    SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
        http.securityMatcher("/public/**", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET).permitAll()
                        .requestMatchers(HttpMethod.HEAD).permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .headers(h -> h.addHeaderWriter(contentSecurityPolicy())
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, SignInFailureHandler failureHandler, AccountRepository accounts)
            throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/lang", "/error", "/actuator/health", "/actuator/health/**",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        // the three administrators are kept apart (三员分立)
                        .requestMatchers("/tenants", "/tenants/**").hasRole("SYSTEM_ADMIN")
                        .requestMatchers("/accounts", "/accounts/**").hasRole("SECURITY_ADMIN")
                        .requestMatchers("/audit", "/audit/**").hasRole("AUDIT_ADMIN")
                        .anyRequest().authenticated())
                .addFilterAfter(new PasswordChangeGate(accounts), AuthorizationFilter.class)
                .formLogin(f -> f.loginPage("/login").failureHandler(failureHandler).defaultSuccessUrl("/", true))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h.addHeaderWriter(contentSecurityPolicy())
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static HeaderWriter contentSecurityPolicy() {
        RequestMatcher swagger = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/swagger-ui/**"),
                PathPatternRequestMatcher.pathPattern("/swagger-ui.html"));
        var strict = new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swagger),
                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY));
        var relaxed = new DelegatingRequestMatcherHeaderWriter(swagger,
                new StaticHeadersWriter("Content-Security-Policy", SWAGGER_CONTENT_SECURITY_POLICY));
        return (request, response) -> {
            strict.writeHeaders(request, response);
            relaxed.writeHeaders(request, response);
        };
    }
}
