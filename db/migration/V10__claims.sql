-- Claims: what was billed for an encounter, to which payer, in which X12 file, and how it got there.

-- Control number counters (ISA13, GS06, ST02). A number is taken in its own committed transaction before it is
-- written, so a crash or a failed file burns numbers but never hands one out twice.
CREATE TABLE x12_counter (
    name       VARCHAR(8) NOT NULL,   -- ISA, GS, ST
    last_value BIGINT     NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO x12_counter (name, last_value) VALUES ('ISA', 0), ('GS', 0), ('ST', 0);

-- One interchange (one file) per receiver per claims run.
CREATE TABLE x12_interchange (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    receiver    VARCHAR(20)  NOT NULL,   -- claimbridge.claims.receivers[].id
    isa_control CHAR(9)      NOT NULL,   -- ISA13
    usage_code  CHAR(1)      NOT NULL,   -- ISA15: T test, P production
    file_name   VARCHAR(120) NOT NULL,   -- in the data directory's outbox/837/
    status      VARCHAR(12)  NOT NULL,   -- WRITING, WRITTEN (claims recorded), FILED (file in place), ABANDONED
    claims      INT          NOT NULL,
    refused     INT          NOT NULL,   -- claims the guide validation kept out of the file
    job_execution_id BIGINT  NULL,
    created_at  DATETIME(6)  NOT NULL,
    written_at  DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_x12_interchange_isa (isa_control)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Functional groups of an interchange: one per guide (837P, 837I).
CREATE TABLE x12_group (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    interchange_id BIGINT      NOT NULL,
    gs_control     VARCHAR(9)  NOT NULL,  -- GS06
    version        VARCHAR(12) NOT NULL,  -- GS08: 005010X222A1, 005010X223A2
    PRIMARY KEY (id),
    UNIQUE INDEX ux_x12_group_gs (gs_control),
    CONSTRAINT fk_x12_group_interchange FOREIGN KEY (interchange_id) REFERENCES x12_interchange (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE claim (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    encounter_id           BIGINT        NOT NULL,
    encounter_revision     INT           NOT NULL,   -- the revision it was built from
    lineage_mark           BIGINT        NOT NULL,   -- newest field_source id visible when it was built
    practice_id            BIGINT        NOT NULL,
    kind                   VARCHAR(16)   NOT NULL,   -- PROFESSIONAL (837P), INSTITUTIONAL (837I)
    payer_sequence         CHAR(1)       NOT NULL,   -- P, S, T: the payer's responsibility (SBR01)
    part                   INT           NOT NULL,   -- 1.. when the guide's line limit split the encounter
    coverage_id            BIGINT        NULL,
    payer_id               VARCHAR(80)   NULL,
    payer_name             VARCHAR(120)  NULL,
    subscriber_id          VARCHAR(80)   NULL,
    patient_control_number VARCHAR(20)   NOT NULL,   -- CLM01
    frequency              CHAR(1)       NOT NULL,   -- CLM05-3: 1 original, 7 replacement, 8 void
    replaces_claim_id      BIGINT        NULL,       -- the claim a 7 or 8 replaces or voids
    payer_claim_number     VARCHAR(50)   NULL,       -- the payer's claim control number (277CA / 835)
    total_charge           DECIMAL(12,2) NOT NULL,
    line_count             INT           NOT NULL,
    service_from           DATE          NULL,
    service_to             DATE          NULL,
    receiver               VARCHAR(20)   NULL,
    status                 VARCHAR(16)   NOT NULL,   -- see ClaimStatus
    status_reason          VARCHAR(1000) NULL,
    interchange_id         BIGINT        NULL,
    group_id               BIGINT        NULL,
    st_control             VARCHAR(9)    NULL,       -- ST02 of the transaction set that carries it
    document               MEDIUMBLOB    NOT NULL,   -- what is billed, as written (compressed JSON)
    created_at             DATETIME(6)   NOT NULL,
    written_at             DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_claim_pcn (patient_control_number),
    UNIQUE INDEX ux_claim_st (st_control),
    INDEX ix_claim_encounter (encounter_id, id),
    INDEX ix_claim_status (status, receiver, id),
    CONSTRAINT fk_claim_encounter FOREIGN KEY (encounter_id) REFERENCES encounter (id),
    CONSTRAINT fk_claim_interchange FOREIGN KEY (interchange_id) REFERENCES x12_interchange (id),
    CONSTRAINT fk_claim_group FOREIGN KEY (group_id) REFERENCES x12_group (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE claim_line (
    claim_id       BIGINT        NOT NULL,
    line_number    INT           NOT NULL,   -- LX01
    charge_id      BIGINT        NULL,
    control_number VARCHAR(50)   NOT NULL,   -- REF*6R, echoed back on the 835 service line
    service_date   DATE          NULL,
    procedure_code VARCHAR(16)   NULL,
    modifiers      VARCHAR(20)   NULL,
    revenue_code   CHAR(4)       NULL,
    units          DECIMAL(9,2)  NOT NULL,
    amount         DECIMAL(12,2) NOT NULL,
    PRIMARY KEY (claim_id, line_number),
    UNIQUE INDEX ux_claim_line_control (control_number),
    CONSTRAINT fk_claim_line_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE claim_transition (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    claim_id   BIGINT        NOT NULL,
    from_state VARCHAR(16)   NULL,
    to_state   VARCHAR(16)   NOT NULL,
    actor      VARCHAR(80)   NOT NULL,
    reason     VARCHAR(1000) NOT NULL,
    at         DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_claim_transition_claim (claim_id, id),
    CONSTRAINT fk_claim_transition_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
