package org.claimbridge.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use claimbridge.
 *
 * @param users everyone who may sign in; none means the API and pages are locked
 */
@ConfigurationProperties("claimbridge.security")
record SecurityProperties(@DefaultValue List<User> users) {

    /**
     * @param password a BCrypt hash ({@code $2a$...} or {@code {bcrypt}$2a$...}), or {@code {noop}plain} for tests
     *                 and the demo
     * @param roles    {@code ADMIN}, {@code MANAGER} or {@code CODER}, without the {@code ROLE_} prefix
     */
    record User(String name, String password, @DefaultValue List<String> roles) {
    }
}
