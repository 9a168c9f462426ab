-- Scrub results: where each encounter stands, what the rules found, and how it got there.

-- One row per scrubbed encounter. An encounter needs scrubbing when it has no row here, when its revision has
-- moved past scrubbed_revision (a later message or a coder's correction changed it), or when the active rule
-- set is another version than the one that scrubbed it.
CREATE TABLE encounter_scrub (
    encounter_id      BIGINT      NOT NULL,
    state             VARCHAR(12) NOT NULL,   -- READY (no open error or warning), FLAGGED
    scrubbed_revision INT         NOT NULL,   -- encounter.revision the findings are about
    rule_set_version  VARCHAR(16) NOT NULL,
    open_errors       INT         NOT NULL,
    open_warnings     INT         NOT NULL,
    scrubbed_at       DATETIME(6) NOT NULL,
    PRIMARY KEY (encounter_id),
    INDEX ix_encounter_scrub_state (state, scrubbed_at),
    CONSTRAINT fk_encounter_scrub_encounter FOREIGN KEY (encounter_id) REFERENCES encounter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every state change: from what, to what, when, by whom (a job execution or a user), and why.
CREATE TABLE scrub_transition (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    encounter_id     BIGINT       NOT NULL,
    from_state       VARCHAR(12)  NULL,      -- null on the first scrub
    to_state         VARCHAR(12)  NOT NULL,
    revision         INT          NOT NULL,
    rule_set_version VARCHAR(16)  NOT NULL,
    actor            VARCHAR(80)  NOT NULL,  -- 'scrub job 12', 'coder alice'
    reason           VARCHAR(1000) NOT NULL,
    at               DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_scrub_transition_encounter (encounter_id, id),
    CONSTRAINT fk_scrub_transition_encounter FOREIGN KEY (encounter_id) REFERENCES encounter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- What a rule found on an encounter. A finding stays OPEN (or OVERRIDDEN by a coder) while later scrubs still
-- find it, and is CLOSED, never deleted, when they no longer do.
CREATE TABLE scrub_finding (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    encounter_id       BIGINT        NOT NULL,
    rule_id            VARCHAR(64)   NOT NULL,
    field              VARCHAR(160)  NOT NULL,   -- '' when the rule names no field
    severity           VARCHAR(8)    NOT NULL,   -- ERROR, WARNING, INFO
    message            VARCHAR(1000) NOT NULL,
    fix                VARCHAR(1000) NULL,
    rule_set_version   VARCHAR(16)   NOT NULL,   -- the set that last found it
    status             VARCHAR(12)   NOT NULL,   -- OPEN, OVERRIDDEN, CLOSED
    opened_revision    INT           NOT NULL,
    opened_at          DATETIME(6)   NOT NULL,
    last_seen_revision INT           NOT NULL,
    closed_at          DATETIME(6)   NULL,
    closed_reason      VARCHAR(500)  NULL,
    overridden_by      VARCHAR(80)   NULL,
    overridden_at      DATETIME(6)   NULL,
    override_reason    VARCHAR(500)  NULL,
    -- at most one live finding per rule and field: a re-run (or a restarted job) updates it instead of adding one
    live_key           VARCHAR(230)  AS (IF(status = 'CLOSED', NULL, CONCAT(rule_id, '|', field))) STORED,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_scrub_finding_live (encounter_id, live_key),
    INDEX ix_scrub_finding_rule (rule_id, status),
    CONSTRAINT fk_scrub_finding_encounter FOREIGN KEY (encounter_id) REFERENCES encounter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- What coders did through the scrub feature (overrides, scrubs on demand), with who and when. Corrections to the
-- encounter's data are recorded by the encounter feature with their lineage.
CREATE TABLE scrub_action (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    encounter_id BIGINT        NOT NULL,
    finding_id   BIGINT        NULL,
    action       VARCHAR(24)   NOT NULL,   -- OVERRIDE, SCRUB_NOW, CORRECTION
    username     VARCHAR(80)   NOT NULL,
    reason       VARCHAR(500)  NULL,
    detail       VARCHAR(1000) NULL,
    at           DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_scrub_action_encounter (encounter_id, id),
    CONSTRAINT fk_scrub_action_encounter FOREIGN KEY (encounter_id) REFERENCES encounter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
