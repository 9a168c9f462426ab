package org.claimbridge.web;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * One filter chain per concern: health open to all (load balancers and monitors), the JSON/HL7 API with HTTP Basic
 * and no session, and the pages (everything else) behind a form login with a session and CSRF tokens. Users are
 * Spring Security's own JDBC user store ({@code users}, {@code authorities}), passwords BCrypt.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

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
     * administration is for admins. Sessions are registered so that disabling a user, changing their roles or
     * resetting their password ends the sessions they have open (at their next request).
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain pages(HttpSecurity http, SessionRegistry sessions) throws Exception {
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error", "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/reports/**", "/feeds/**").hasAnyRole(Roles.ADMIN, Roles.MANAGER)
                        .anyRequest().hasAnyRole(Roles.ADMIN, Roles.MANAGER, Roles.CODER))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredUrl("/login?ended"))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // BCrypt for everything written; the prefix ({bcrypt}) is stored with the hash
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The standard JDBC user store. Besides loading users it takes password upgrades (a hash of an older strength is
     * rewritten at sign-in) and is what the admin pages and the start-up users write through.
     */
    @Bean
    JdbcUserDetailsManager users(DataSource dataSource) {
        return new JdbcUserDetailsManager(dataSource);
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when a session ends (timeout, sign-out), so it does not keep them forever. */
    @Bean
    HttpSessionEventPublisher sessionEvents() {
        return new HttpSessionEventPublisher();
    }
}
