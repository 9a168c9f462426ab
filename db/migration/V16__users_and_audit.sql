-- Who may sign in: Spring Security's standard JdbcUserDetailsManager schema (users, authorities), in MySQL/MariaDB
-- types. User names compare without regard to case, as the standard schema's varchar_ignorecase does, so "Admin" and
-- "admin" cannot be two accounts. Passwords are stored with their encoder prefix, BCrypt: {bcrypt}$2a$...
CREATE TABLE users (
    username VARCHAR(50)  NOT NULL,
    password VARCHAR(500) NOT NULL,
    enabled  BOOLEAN      NOT NULL,
    PRIMARY KEY (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE authorities (
    username  VARCHAR(50) NOT NULL,
    authority VARCHAR(50) NOT NULL,   -- ROLE_ADMIN, ROLE_MANAGER, ROLE_CODER
    UNIQUE INDEX ix_auth_username (username, authority),
    INDEX ix_auth_authority (authority),
    CONSTRAINT fk_authorities_users FOREIGN KEY (username) REFERENCES users (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every view or edit of patient data (and every change to a user account): who, what, when, which record, from
-- where. Rows are only ever inserted (and given their outcome once the request ends); nothing here holds patient
-- data beyond record ids: the path is stored without its query string.
CREATE TABLE audit_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at    DATETIME(6)  NOT NULL,   -- UTC
    username       VARCHAR(50)  NOT NULL,
    action         VARCHAR(8)   NOT NULL,   -- VIEW or EDIT
    record_type    VARCHAR(16)  NOT NULL,   -- encounter, claim, message, denial, user
    record_id      VARCHAR(64)  NOT NULL,
    http_method    VARCHAR(8)   NOT NULL,
    path           VARCHAR(500) NOT NULL,
    remote_address VARCHAR(64)  NOT NULL,
    outcome        INT          NULL,       -- HTTP status answered; null while the request runs (or if it died)
    PRIMARY KEY (id),
    INDEX ix_audit_time (occurred_at),
    INDEX ix_audit_user (username, occurred_at),
    INDEX ix_audit_record (record_type, record_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
