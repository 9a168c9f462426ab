package org.claimbridge.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The people who may sign in, as the admin pages see them: listed from Spring Security's user tables and changed
 * through its {@link JdbcUserDetailsManager}. Every change keeps at least one enabled admin, so nobody can lock the
 * installation out of its own administration, and ends the sessions the changed user has open.
 */
@Service
class UserAccounts {

    /** What a user name may be: readable in logs and audit rows, no spaces, no markup. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,50}");

    /** BCrypt reads only the first 72 bytes of a password; longer ones are refused rather than cut short. */
    static final int MAX_PASSWORD_BYTES = 72;

    /**
     * A user.
     *
     * @param configured named under {@code claimbridge.security.users}: its password, roles and enabled flag are
     *                   set again from configuration at the next start
     */
    record Account(String name, List<String> roles, boolean enabled, boolean configured) {
    }

    /** A change refused, with a message per form field ({@code name}, {@code password}, {@code roles}, ...). */
    static final class AccountRefused extends RuntimeException {

        private final Map<String, String> errors;

        AccountRefused(Map<String, String> errors) {
            super(String.join("; ", errors.values()));
            this.errors = Map.copyOf(errors);
        }

        AccountRefused(String field, String message) {
            this(Map.of(field, message));
        }

        Map<String, String> errors() {
            return errors;
        }
    }

    private final JdbcUserDetailsManager users;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transactions;
    private final SessionRegistry sessions;
    private final SecurityProperties properties;
    private final AuditLog audit;

    UserAccounts(JdbcUserDetailsManager users, JdbcClient jdbc, PasswordEncoder encoder,
                 TransactionTemplate transactions, SessionRegistry sessions, SecurityProperties properties,
                 AuditLog audit) {
        this.users = users;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.transactions = transactions;
        this.sessions = sessions;
        this.properties = properties;
        this.audit = audit;
    }

    int minPasswordLength() {
        return properties.minPasswordLength();
    }

    /** Every user, by name. */
    List<Account> all() {
        Map<String, List<String>> roles = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        jdbc.sql("SELECT username, authority FROM authorities ORDER BY username, authority").query(rs -> {
            roles.computeIfAbsent(rs.getString("username"), n -> new ArrayList<>()).add(role(rs.getString(2)));
        });
        Set<String> configured = configuredNames();
        return jdbc.sql("SELECT username, enabled FROM users ORDER BY username")
                .query((rs, n) -> new Account(rs.getString(1), ordered(roles.getOrDefault(rs.getString(1),
                        List.of())), rs.getBoolean(2), configured.contains(rs.getString(1).toLowerCase(Locale.ROOT))))
                .list();
    }

    Optional<Account> find(String name) {
        return all().stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Creates a user; every field that is wrong is named at once. */
    Account create(String actor, String name, String password, List<String> roles, String from) {
        Map<String, String> errors = new LinkedHashMap<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            errors.put("name", "A user name is required.");
        } else if (!NAME.matcher(trimmed).matches()) {
            errors.put("name", "A user name is 1 to 50 letters, digits, '.', '_', '@' or '-'.");
        } else if (users.userExists(trimmed)) {
            errors.put("name", "A user named " + trimmed + " exists already (names ignore case).");
        }
        passwordProblem(password).ifPresent(problem -> errors.put("password", problem));
        List<String> chosen = roles(roles, errors);
        if (!errors.isEmpty()) {
            throw new AccountRefused(errors);
        }
        transactions.executeWithoutResult(status -> users.createUser(User.withUsername(trimmed)
                .password(encoder.encode(password)).roles(chosen.toArray(String[]::new)).build()));
        audit.edit(actor, "user", trimmed, "POST", "/admin/users", from);
        return find(trimmed).orElseThrow();
    }

    /** Gives a user exactly these roles; refused when no enabled admin would be left. */
    Account changeRoles(String actor, String name, List<String> roles, String from) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> chosen = roles(roles, errors);
        if (!errors.isEmpty()) {
            throw new AccountRefused(errors);
        }
        transactions.executeWithoutResult(status -> {
            UserDetails user = existing(name);
            if (!chosen.contains(Roles.ADMIN)) {
                keepAnAdmin(user.getUsername(), "roles", "take the ADMIN role from");
            }
            users.updateUser(User.withUserDetails(user).roles(chosen.toArray(String[]::new)).build());
        });
        endSessions(name);
        audit.edit(actor, "user", name, "POST", "/admin/users/" + name + "/roles", from);
        return find(name).orElseThrow();
    }

    /** Enables or disables a user; a disabled user cannot sign in, and their open sessions end. */
    Account setEnabled(String actor, String name, boolean enabled, String from) {
        transactions.executeWithoutResult(status -> {
            UserDetails user = existing(name);
            if (!enabled) {
                keepAnAdmin(user.getUsername(), "enabled", "disable");
            }
            users.updateUser(User.withUserDetails(user).disabled(!enabled).build());
        });
        if (!enabled) {
            endSessions(name);
        }
        audit.edit(actor, "user", name, "POST", "/admin/users/" + name + (enabled ? "/enable" : "/disable"), from);
        return find(name).orElseThrow();
    }

    /** Sets a new password, e.g. for someone who forgot theirs; their open sessions end. */
    void resetPassword(String actor, String name, String password, String from) {
        Optional<String> problem = passwordProblem(password);
        if (problem.isPresent()) {
            throw new AccountRefused("password", problem.get());
        }
        transactions.executeWithoutResult(status -> {
            UserDetails user = existing(name);
            users.updateUser(User.withUserDetails(user).password(encoder.encode(password)).build());
        });
        endSessions(name);
        audit.edit(actor, "user", name, "POST", "/admin/users/" + name + "/password", from);
    }

    Optional<String> passwordProblem(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("A password is required.");
        }
        if (password.length() < properties.minPasswordLength()) {
            return Optional.of("A password needs at least " + properties.minPasswordLength() + " characters (this"
                    + " one has " + password.length() + ").");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of("A password may have at most " + MAX_PASSWORD_BYTES + " bytes (BCrypt reads no more).");
        }
        if (password.isBlank()) {
            return Optional.of("A password cannot be only spaces.");
        }
        return Optional.empty();
    }

    private static List<String> roles(List<String> given, Map<String, String> errors) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String role : given == null ? List.<String>of() : given) {
            String r = role == null ? "" : role.strip().toUpperCase(Locale.ROOT);
            if (!Roles.ALL.contains(r)) {
                errors.put("roles", "Unknown role '" + role + "': one of " + Roles.ALL + ".");
                return List.of();
            }
            chosen.add(r);
        }
        if (chosen.isEmpty()) {
            errors.put("roles", "Choose at least one role (" + String.join(", ", Roles.ALL) + ").");
        }
        return ordered(List.copyOf(chosen));
    }

    private static List<String> ordered(List<String> roles) {
        return Roles.ALL.stream().filter(roles::contains).toList();
    }

    private UserDetails existing(String name) {
        if (name == null || !users.userExists(name)) {
            throw new AccountRefused("name", "There is no user named " + name + ".");
        }
        return users.loadUserByUsername(name);
    }

    /**
     * Refuses the change when the user is the last enabled admin. The admins' rows are locked first, so two admins
     * demoting each other at the same moment cannot both succeed.
     */
    private void keepAnAdmin(String name, String field, String what) {
        List<String> admins = jdbc.sql("""
                SELECT u.username FROM users u JOIN authorities a ON a.username = u.username
                WHERE a.authority = ? AND u.enabled ORDER BY u.username FOR UPDATE""")
                .param(Roles.PREFIX + Roles.ADMIN).query(String.class).list();
        boolean othersLeft = admins.stream().anyMatch(admin -> !admin.equalsIgnoreCase(name));
        if (!othersLeft && admins.stream().anyMatch(admin -> admin.equalsIgnoreCase(name))) {
            throw new AccountRefused(field, "Cannot " + what + " " + name + ": it is the last enabled admin."
                    + " Give another user the ADMIN role first.");
        }
    }

    /** Ends the user's page sessions: their next request goes to the sign-in page. */
    private void endSessions(String name) {
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof UserDetails user && user.getUsername().equalsIgnoreCase(name)) {
                sessions.getAllSessions(principal, false).forEach(session -> session.expireNow());
            }
        }
    }

    private Set<String> configuredNames() {
        Set<String> names = new java.util.HashSet<>();
        properties.users().forEach(u -> {
            if (u.name() != null) {
                names.add(u.name().strip().toLowerCase(Locale.ROOT));
            }
        });
        return names;
    }

    private static String role(String authority) {
        return authority.startsWith(Roles.PREFIX) ? authority.substring(Roles.PREFIX.length()) : authority;
    }

    static List<String> roleNames(java.util.Collection<? extends GrantedAuthority> authorities) {
        return ordered(authorities.stream().map(GrantedAuthority::getAuthority).map(UserAccounts::role).toList());
    }
}
