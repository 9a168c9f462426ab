package org.claimbridge.web;

import java.util.List;

/** The role names a user may carry (without the {@code ROLE_} prefix Spring Security stores them with). */
final class Roles {

    static final String ADMIN = "ADMIN";
    static final String MANAGER = "MANAGER";
    static final String CODER = "CODER";

    /** In the order the admin pages offer them. */
    static final List<String> ALL = List.of(CODER, MANAGER, ADMIN);

    static final String PREFIX = "ROLE_";

    private Roles() {
    }
}
