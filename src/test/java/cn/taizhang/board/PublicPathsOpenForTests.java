package cn.taizhang.board;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * TEST ONLY, temporary: opens the board module's public paths ({@code /public/**},
 * {@code /api/public/**}) until the account module's SecurityConfiguration permits them. Remove
 * this class when it does; the tests of the public pages must then still pass.
 */
@Configuration(proxyBeanMethods = false)
class PublicPathsOpenForTests {

    @Bean
    @Order(0)
    SecurityFilterChain publicBoardPathsForTests(HttpSecurity http) throws Exception {
        http.securityMatcher("/public/**", "/api/public/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(h -> h.addHeaderWriter(new StaticHeadersWriter("Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                + "object-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }
}
