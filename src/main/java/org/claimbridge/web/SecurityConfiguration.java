package org.claimbridge.web;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * One filter chain per concern: health open to all (load balancers and monitors), the JSON/HL7 API with HTTP Basic
 * and no session, and the pages (everything else) behind a form login with a session and CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    @Order(0)
    SecurityFilterChain health(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/health", "/actuator/health/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** Machines call the API: every request carries its credentials, so no session and no CSRF token. */
    @Bean
    @Order(10)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * People use the pages: a form login with a session (server.servlet.session.timeout), a CSRF token on every form,
     * and a logout by POST. Coders work the queue, claims and messages; reports and feed health are for managers;
     * administration is for admins.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error", "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/reports/**", "/feeds/**").hasAnyRole(Roles.ADMIN, Roles.MANAGER)
                        .anyRequest().hasAnyRole(Roles.ADMIN, Roles.MANAGER, Roles.CODER))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        for (SecurityProperties.User user : properties.users()) {
            if (user.name() == null || user.name().isBlank() || user.password() == null || user.password().isBlank()) {
                throw new IllegalStateException("claimbridge.security.users: every user needs a name and a password");
            }
            users.add(User.withUsername(user.name())
                    .password(encoded(user.password()))
                    .roles(user.roles().toArray(String[]::new))
                    .build());
        }
        if (users.isEmpty()) {
            log.warn("No users configured under claimbridge.security.users: the API and every page are locked"
                    + " (only /actuator/health answers)");
        } else {
            log.info("{} user(s) configured for the API and pages", users.size());
        }
        return new InMemoryUserDetailsManager(users);
    }

    /** A bare BCrypt hash is taken as one; anything else must name its encoder, e.g. {@code {noop}}. */
    private static String encoded(String password) {
        if (password.startsWith("$2a$") || password.startsWith("$2b$") || password.startsWith("$2y$")) {
            return "{bcrypt}" + password;
        }
        if (!password.startsWith("{")) {
            throw new IllegalStateException("claimbridge.security.users: a password must be a BCrypt hash or carry"
                    + " its encoder, e.g. {noop}secret; plain text is not taken");
        }
        return password;
    }
}
