-- 835 remittances: the payment, each claim's adjudication, service lines, adjustments, remarks, provider-level
-- adjustments, and the denials they carry, each linked to the claim (and so to the encounter and its HL7 sources).
CREATE TABLE remittance (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    response_id      BIGINT        NOT NULL,
    payer_id         VARCHAR(80)   NULL,       -- 1000A N1*PR ... REF*2U, else N104
    payer_name       VARCHAR(120)  NULL,
    payee_npi        VARCHAR(80)   NULL,       -- 1000B N1*PE N104
    handling_code    VARCHAR(2)    NOT NULL,   -- BPR01: I remittance and payment, H notification only, ...
    payment_amount   DECIMAL(12,2) NOT NULL,   -- BPR02
    payment_method   VARCHAR(3)    NULL,       -- BPR04: ACH, CHK, NON, FWT, BOP
    payment_date     DATE          NULL,       -- BPR16
    trace_number     VARCHAR(50)   NULL,       -- TRN02: check or EFT number
    claims_paid      DECIMAL(12,2) NOT NULL,   -- the sum of CLP04
    provider_adjustments DECIMAL(12,2) NOT NULL, -- the sum of PLB amounts
    balanced         BOOLEAN       NOT NULL,   -- claims_paid - provider_adjustments = payment_amount
    at               DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_remittance_response FOREIGN KEY (response_id) REFERENCES x12_response (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One CLP. claim_id is null for a payment that matches none of our claims: listed, never dropped.
CREATE TABLE claim_payment (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    remittance_id          BIGINT        NOT NULL,
    claim_id               BIGINT        NULL,
    patient_control_number VARCHAR(38)   NOT NULL,   -- CLP01
    status_code            VARCHAR(2)    NOT NULL,   -- CLP02: 1, 2, 3 processed, 4 denied, 22 reversal...
    charge                 DECIMAL(12,2) NOT NULL,
    paid                   DECIMAL(12,2) NOT NULL,
    patient_responsibility DECIMAL(12,2) NULL,
    payer_claim_number     VARCHAR(50)   NULL,       -- CLP07
    remarks                VARCHAR(200)  NULL,       -- MOA/MIA remark codes
    PRIMARY KEY (id),
    INDEX ix_claim_payment_claim (claim_id),
    INDEX ix_claim_payment_unmatched (claim_id, remittance_id),
    CONSTRAINT fk_claim_payment_remittance FOREIGN KEY (remittance_id) REFERENCES remittance (id),
    CONSTRAINT fk_claim_payment_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One SVC, matched to its claim line through REF*6R.
CREATE TABLE service_payment (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    claim_payment_id  BIGINT        NOT NULL,
    line_number       INT           NULL,       -- the claim line REF*6R names
    control_number    VARCHAR(50)   NULL,
    procedure_code    VARCHAR(48)   NULL,       -- SVC01, as composite text
    charge            DECIMAL(12,2) NOT NULL,
    paid              DECIMAL(12,2) NOT NULL,
    units             DECIMAL(9,2)  NULL,
    service_date      DATE          NULL,
    remarks           VARCHAR(200)  NULL,       -- LQ*HE
    PRIMARY KEY (id),
    INDEX ix_service_payment_claim_payment (claim_payment_id),
    CONSTRAINT fk_service_payment_claim_payment FOREIGN KEY (claim_payment_id) REFERENCES claim_payment (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- CAS: at claim level (service_payment_id null) or line level.
CREATE TABLE payment_adjustment (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    claim_payment_id   BIGINT        NOT NULL,
    service_payment_id BIGINT        NULL,
    group_code         VARCHAR(2)    NOT NULL,  -- CO, PR, OA, PI, CR
    reason_code        VARCHAR(5)    NOT NULL,  -- CARC
    amount             DECIMAL(12,2) NOT NULL,
    quantity           DECIMAL(9,2)  NULL,
    PRIMARY KEY (id),
    INDEX ix_payment_adjustment_claim_payment (claim_payment_id),
    CONSTRAINT fk_payment_adjustment_claim_payment FOREIGN KEY (claim_payment_id) REFERENCES claim_payment (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- PLB: adjustments to the payee, not to a claim (interest, recoveries, forwarding balances).
CREATE TABLE provider_adjustment (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    remittance_id BIGINT        NOT NULL,
    provider_id   VARCHAR(50)   NULL,
    reason_code   VARCHAR(2)    NOT NULL,
    reference     VARCHAR(50)   NULL,
    amount        DECIMAL(12,2) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_provider_adjustment_remittance FOREIGN KEY (remittance_id) REFERENCES remittance (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A denial: an adjustment that is neither contractual nor the patient's share, with where to look.
CREATE TABLE denial (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    claim_id           BIGINT        NOT NULL,
    encounter_id       BIGINT        NOT NULL,
    claim_payment_id   BIGINT        NOT NULL,
    service_payment_id BIGINT        NULL,
    line_number        INT           NULL,
    group_code         VARCHAR(2)    NOT NULL,
    carc               VARCHAR(5)    NOT NULL,
    rarcs              VARCHAR(200)  NULL,
    amount             DECIMAL(12,2) NOT NULL,
    category           VARCHAR(40)   NOT NULL,
    payer_id           VARCHAR(80)   NULL,
    at                 DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_denial_claim (claim_id),
    INDEX ix_denial_report (at, payer_id, carc),
    CONSTRAINT fk_denial_claim FOREIGN KEY (claim_id) REFERENCES claim (id),
    CONSTRAINT fk_denial_claim_payment FOREIGN KEY (claim_payment_id) REFERENCES claim_payment (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
