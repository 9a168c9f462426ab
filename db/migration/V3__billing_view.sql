-- The billing view of the feeds: patients, coverage, guarantors, encounters, diagnoses, procedures, charges.
CREATE TABLE patient (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    practice_id    BIGINT       NOT NULL,
    mrn            VARCHAR(64)  NOT NULL,     -- PID-3.1
    last_name      VARCHAR(80)  NULL,
    first_name     VARCHAR(80)  NULL,
    middle_name    VARCHAR(80)  NULL,
    birth_date     DATE         NULL,
    sex            VARCHAR(1)   NULL,
    address_line1  VARCHAR(120) NULL,
    address_line2  VARCHAR(120) NULL,
    city           VARCHAR(60)  NULL,
    state          VARCHAR(2)   NULL,
    postal_code    VARCHAR(10)  NULL,
    phone          VARCHAR(40)  NULL,
    merged_into_id BIGINT       NULL,         -- set by A40 on the patient that was merged away
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_patient_mrn (practice_id, mrn),
    CONSTRAINT fk_patient_practice FOREIGN KEY (practice_id) REFERENCES practice (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE coverage (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    patient_id            BIGINT       NOT NULL,
    priority              INT          NOT NULL,  -- 1 primary, 2 secondary, 3 tertiary (IN1-22, else order)
    payer_id              VARCHAR(80)  NULL,      -- IN1-3.1
    payer_name            VARCHAR(120) NULL,      -- IN1-4
    plan_id               VARCHAR(80)  NULL,      -- IN1-2.1
    plan_type             VARCHAR(20)  NULL,      -- IN1-15
    member_id             VARCHAR(80)  NULL,      -- IN1-36
    group_number          VARCHAR(80)  NULL,      -- IN1-8
    group_name            VARCHAR(120) NULL,      -- IN1-9
    subscriber_last_name  VARCHAR(80)  NULL,      -- IN1-16
    subscriber_first_name VARCHAR(80)  NULL,
    subscriber_birth_date DATE         NULL,      -- IN1-18
    subscriber_sex        VARCHAR(1)   NULL,      -- IN1-43
    subscriber_address    VARCHAR(120) NULL,      -- IN1-19
    subscriber_city       VARCHAR(60)  NULL,
    subscriber_state      VARCHAR(2)   NULL,
    subscriber_postal_code VARCHAR(10) NULL,
    relationship          VARCHAR(8)   NULL,      -- IN1-17 (HL7 table 0063: SEL, SPO, CHD...)
    effective_date        DATE         NULL,      -- IN1-12
    expiration_date       DATE         NULL,      -- IN1-13
    authorization_number  VARCHAR(80)  NULL,      -- IN1-14.1
    updated_at            DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_coverage_priority (patient_id, priority),
    INDEX ix_coverage_member (member_id),
    CONSTRAINT fk_coverage_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE guarantor (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    patient_id    BIGINT       NOT NULL,
    last_name     VARCHAR(80)  NULL,      -- GT1-3
    first_name    VARCHAR(80)  NULL,
    address_line1 VARCHAR(120) NULL,      -- GT1-5
    city          VARCHAR(60)  NULL,
    state         VARCHAR(2)   NULL,
    postal_code   VARCHAR(10)  NULL,
    phone         VARCHAR(40)  NULL,      -- GT1-6
    relationship  VARCHAR(8)   NULL,      -- GT1-11
    updated_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_guarantor_patient (patient_id),
    CONSTRAINT fk_guarantor_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE encounter (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    practice_id      BIGINT       NOT NULL,
    patient_id       BIGINT       NOT NULL,
    visit_number     VARCHAR(64)  NOT NULL,   -- PV1-19.1, else PID-18.1
    account_number   VARCHAR(64)  NULL,       -- PID-18.1
    patient_class    VARCHAR(4)   NULL,       -- PV1-2: O, I, E...
    location         VARCHAR(120) NULL,       -- PV1-3
    hospital_service VARCHAR(20)  NULL,       -- PV1-10
    admit_type       VARCHAR(8)   NULL,       -- PV1-4
    admitted_at      DATETIME(6)  NULL,       -- PV1-44
    discharged_at    DATETIME(6)  NULL,       -- PV1-45
    attending_npi    VARCHAR(20)  NULL,       -- PV1-7
    attending_name   VARCHAR(120) NULL,
    referring_npi    VARCHAR(20)  NULL,       -- PV1-8
    referring_name   VARCHAR(120) NULL,
    status           VARCHAR(16)  NOT NULL,   -- ACTIVE, CANCELLED
    hold_reason      VARCHAR(500) NULL,       -- e.g. unconfigured practice
    revision         INT          NOT NULL,   -- goes up with every change, so downstream knows to look again
    changed_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_encounter_visit (practice_id, visit_number),
    INDEX ix_encounter_patient (patient_id),
    INDEX ix_encounter_changed (changed_at),
    CONSTRAINT fk_encounter_practice FOREIGN KEY (practice_id) REFERENCES practice (id),
    CONSTRAINT fk_encounter_patient FOREIGN KEY (patient_id) REFERENCES patient (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE diagnosis (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    encounter_id  BIGINT       NOT NULL,
    sequence      INT          NOT NULL,  -- DG1-15 priority, else order received
    code          VARCHAR(20)  NOT NULL,  -- DG1-3.1
    coding_system VARCHAR(20)  NULL,      -- DG1-3.3 (I10, ICD-10-CM...)
    description   VARCHAR(255) NULL,
    diagnosis_type VARCHAR(4)  NULL,      -- DG1-6: A admitting, W working, F final
    PRIMARY KEY (id),
    UNIQUE INDEX ux_diagnosis_code (encounter_id, code),
    CONSTRAINT fk_diagnosis_encounter FOREIGN KEY (encounter_id) REFERENCES encounter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE procedure_entry (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    encounter_id  BIGINT       NOT NULL,
    sequence      INT          NOT NULL,
    code          VARCHAR(20)  NOT NULL,  -- PR1-3.1
    coding_system VARCHAR(20)  NULL,
    description   VARCHAR(255) NULL,
    performed_at  DATETIME(6)  NULL,      -- PR1-5
    surgeon_npi   VARCHAR(20)  NULL,      -- PR1-11
    PRIMARY KEY (id),
    UNIQUE INDEX ux_procedure_code (encounter_id, code, performed_at),
    CONSTRAINT fk_procedure_encounter FOREIGN KEY (encounter_id) REFERENCES encounter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE charge (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    encounter_id       BIGINT        NOT NULL,
    transaction_id     VARCHAR(64)   NULL,      -- FT1-2
    service_date       DATE          NULL,      -- FT1-4
    transaction_type   VARCHAR(8)    NOT NULL,  -- FT1-6: CG charge, CD credit
    transaction_code   VARCHAR(64)   NULL,      -- FT1-7.1, the practice's chargemaster code
    description        VARCHAR(255)  NULL,      -- FT1-7.2 / FT1-8
    procedure_code     VARCHAR(16)   NULL,      -- FT1-25.1, CPT/HCPCS
    modifiers          VARCHAR(20)   NULL,      -- FT1-26, comma separated, in order
    units              DECIMAL(9,2)  NULL,      -- FT1-10
    amount             DECIMAL(12,2) NULL,      -- FT1-11, else FT1-12 x units
    diagnosis_codes    VARCHAR(120)  NULL,      -- FT1-19, comma separated, in pointer order
    place_of_service   VARCHAR(8)    NULL,      -- FT1-16
    performing_npi     VARCHAR(20)   NULL,      -- FT1-20
    performing_name    VARCHAR(120)  NULL,
    ordering_npi       VARCHAR(20)   NULL,      -- FT1-21
    status             VARCHAR(12)   NOT NULL,  -- ACTIVE, REVERSED (a credit took it back)
    reverses_charge_id BIGINT        NULL,      -- on a credit: the charge it takes back
    message_id         BIGINT        NOT NULL,  -- the DFT that brought it
    PRIMARY KEY (id),
    UNIQUE INDEX ux_charge_transaction (encounter_id, transaction_id),
    INDEX ix_charge_procedure (encounter_id, procedure_code, service_date),
    CONSTRAINT fk_charge_encounter FOREIGN KEY (encounter_id) REFERENCES encounter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Lineage: where every stored value came from. Append-only, so history is kept; the newest row per
-- (entity, entity_id, field) is the current source.
CREATE TABLE field_source (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    entity      VARCHAR(24)  NOT NULL,   -- patient, coverage, guarantor, encounter, diagnosis, procedure, charge
    entity_id   BIGINT       NOT NULL,
    field       VARCHAR(48)  NOT NULL,   -- column name
    message_id  BIGINT       NOT NULL,
    hl7_path    VARCHAR(40)  NOT NULL,   -- e.g. IN1(1)-36, FT1(2)-25.1
    value       VARCHAR(500) NULL,
    recorded_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_field_source_entity (entity, entity_id, field),
    INDEX ix_field_source_message (message_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
