package org.claimbridge.web;

/** The role names claimbridge.security.users may carry (without the {@code ROLE_} prefix). */
final class Roles {

    static final String ADMIN = "ADMIN";
    static final String MANAGER = "MANAGER";
    static final String CODER = "CODER";

    private Roles() {
    }
}
