package org.claimbridge.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.claimbridge.system.ClaimbridgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The users there are before anyone signs in, written at start before the server takes a request: the users named
 * under {@code claimbridge.security.users} are created or brought up to date (the demo's and the tests'), and when
 * the database then holds no user at all, an {@code admin} with a random password is created, the password said
 * once in the log and in {@code ${claimbridge.data-dir}/initial-admin-password}. Once any user exists that never
 * happens again.
 */
@Component
class StartupUsers implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StartupUsers.class);

    static final String FIRST_ADMIN = "admin";
    static final String PASSWORD_FILE = "initial-admin-password";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcUserDetailsManager users;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transactions;
    private final SecurityProperties properties;
    private final Path dataDir;

    StartupUsers(JdbcUserDetailsManager users, JdbcClient jdbc, PasswordEncoder encoder,
                 TransactionTemplate transactions, SecurityProperties properties, ClaimbridgeProperties claimbridge) {
        this.users = users;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.transactions = transactions;
        this.properties = properties;
        this.dataDir = claimbridge.dataDir();
    }

    @Override
    public void afterPropertiesSet() {
        List<UserDetails> configured = configured(properties.users());
        transactions.executeWithoutResult(status -> configured.forEach(user -> {
            if (users.userExists(user.getUsername())) {
                users.updateUser(user);
            } else {
                users.createUser(user);
            }
        }));
        if (!configured.isEmpty()) {
            log.info("{} user(s) from claimbridge.security.users written", configured.size());
        }
        createFirstAdminIfNoUsers();
    }

    /**
     * Creates {@code admin} when there is no user at all.
     *
     * @return whether it did
     */
    boolean createFirstAdminIfNoUsers() {
        if (jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single() > 0) {
            return false;
        }
        String password = randomPassword();
        try {
            users.createUser(User.withUsername(FIRST_ADMIN).password(encoder.encode(password)).roles(Roles.ADMIN)
                    .build());
        } catch (DuplicateKeyException startedTogether) {
            // another instance on the same database created it a moment ago and has said its password
            return false;
        }
        Path file = dataDir.resolve(PASSWORD_FILE);
        String written = writeOwnerOnly(file, password);
        log.warn("\n\n  No user existed, so the user '{}' (role ADMIN) was created with the password:\n\n      {}\n\n"
                + "  {}Sign in at /login, create the real users under Admin > Users, and then disable '{}'"
                + " or reset its password.\n  This password is not shown again.\n", FIRST_ADMIN, password, written,
                FIRST_ADMIN);
        return true;
    }

    /** 144 random bits in 24 URL-safe characters: typed once, from the log or the file. */
    static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes the file readable by its owner only; the log line says whether that worked. */
    private static String writeOwnerOnly(Path file, String password) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Set<PosixFilePermission> ownerOnly = EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
            boolean posix = Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix");
            Files.deleteIfExists(file);
            if (posix) {
                // created with the permissions, so there is no moment in which others could read it
                Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            } else {
                Files.createFile(file);
                java.io.File f = file.toFile();
                f.setReadable(false, false);
                f.setWritable(false, false);
                f.setReadable(true, true);
                f.setWritable(true, true);
            }
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return "It is also in " + file.toAbsolutePath().normalize() + " (readable by its owner only; delete it"
                    + " once read).\n  ";
        } catch (FileAlreadyExistsException raced) {
            return "";
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not write the first admin's password to {}: {}", file, e.toString());
            return "";
        }
    }

    /** The configured users as the user store keeps them; refuses, naming the setting, what cannot be stored. */
    List<UserDetails> configured(List<SecurityProperties.User> configured) {
        Set<String> seen = new HashSet<>();
        java.util.ArrayList<UserDetails> result = new java.util.ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            SecurityProperties.User user = configured.get(i);
            String at = "claimbridge.security.users[" + i + "]";
            if (user.name() == null || user.name().isBlank() || user.password() == null
                    || user.password().isBlank()) {
                throw new IllegalStateException(at + ": every user needs a name and a password");
            }
            String name = user.name().strip();
            if (!UserAccounts.NAME.matcher(name).matches()) {
                throw new IllegalStateException(at + ".name '" + name + "': 1 to 50 letters, digits, '.', '_', '@'"
                        + " or '-'");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException(at + ".name '" + name + "': configured twice (names ignore case)");
            }
            if (user.roles().isEmpty()) {
                throw new IllegalStateException(at + ".roles: at least one of " + Roles.ALL);
            }
            for (String role : user.roles()) {
                if (!Roles.ALL.contains(role)) {
                    throw new IllegalStateException(at + ".roles '" + role + "': one of " + Roles.ALL
                            + " (without ROLE_)");
                }
            }
            result.add(User.withUsername(name).password(stored(at, user.password()))
                    .roles(user.roles().toArray(String[]::new)).build());
        }
        return List.copyOf(result);
    }

    /** A BCrypt hash is kept as it is; a {@code {noop}} password (demo, tests) is BCrypt-hashed before storing. */
    private String stored(String at, String password) {
        if (password.startsWith("$2a$") || password.startsWith("$2b$") || password.startsWith("$2y$")) {
            return "{bcrypt}" + password;
        }
        if (password.startsWith("{bcrypt}")) {
            return password;
        }
        if (password.startsWith("{noop}")) {
            return encoder.encode(password.substring("{noop}".length()));
        }
        throw new IllegalStateException(at + ".password: a BCrypt hash ($2a$...) or {noop}plain for demos and"
                + " tests; plain text or another encoder is not taken");
    }
}
