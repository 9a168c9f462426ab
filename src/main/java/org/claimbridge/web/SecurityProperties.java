package org.claimbridge.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use claimbridge. Users live in the database ({@code users}, {@code authorities}); the ones named here are
 * created or brought up to date there at every start, so the demo and the tests always have theirs.
 *
 * @param users             created or updated at start (password, roles, enabled); none is fine: with no user in
 *                          the database at all, an {@code admin} with a random password is created
 * @param minPasswordLength the shortest password the admin pages accept for a new user or a reset
 */
@ConfigurationProperties("claimbridge.security")
record SecurityProperties(@DefaultValue List<User> users, @DefaultValue("12") int minPasswordLength) {

    /**
     * @param password a BCrypt hash ({@code $2a$...} or {@code {bcrypt}$2a$...}), or {@code {noop}plain} for tests
     *                 and the demo (stored BCrypt-hashed all the same)
     * @param roles    {@code ADMIN}, {@code MANAGER} or {@code CODER}, without the {@code ROLE_} prefix
     */
    record User(String name, String password, @DefaultValue List<String> roles) {
    }
}
