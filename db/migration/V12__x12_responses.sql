-- X12 responses from clearinghouses and payers (999, 277CA, 835): every file stored raw before it is applied.
CREATE TABLE x12_file (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    channel      VARCHAR(8)    NOT NULL,   -- FILE (inbox/x12), API, UPLOAD
    name         VARCHAR(255)  NULL,
    sha256       VARCHAR(64)   NOT NULL,
    size_bytes   INT           NOT NULL,
    content      LONGBLOB      NOT NULL,
    status       VARCHAR(12)   NOT NULL,   -- RECEIVED, APPLIED, PARTIAL (some transaction sets failed), FAILED, DUPLICATE
    error        VARCHAR(2000) NULL,
    duplicate_of BIGINT        NULL,       -- the file with the same bytes that was applied
    received_at  DATETIME(6)   NOT NULL,
    applied_at   DATETIME(6)   NULL,
    -- one original per content: the same file again is stored as a DUPLICATE of it and not applied
    original_key VARCHAR(64)   AS (IF(duplicate_of IS NULL, sha256, NULL)) STORED,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_x12_file_original (original_key),
    INDEX ix_x12_file_received (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Each transaction set of a file and what became of it. A transaction set is applied once: the same interchange
-- sent again in another file (other line breaks, another name) is recognised by sender, ISA13, GS06 and ST02.
CREATE TABLE x12_response (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    file_id      BIGINT        NOT NULL,
    sender_id    VARCHAR(15)   NOT NULL,   -- ISA06
    isa_control  VARCHAR(9)    NOT NULL,
    gs_control   VARCHAR(9)    NOT NULL,
    st_control   VARCHAR(9)    NOT NULL,
    transaction  VARCHAR(3)    NOT NULL,   -- ST01: 999, 277, 835
    version      VARCHAR(35)   NULL,       -- GS08
    status       VARCHAR(12)   NOT NULL,   -- APPLIED, FAILED
    summary      VARCHAR(2000) NULL,
    applied_key  VARCHAR(60)   AS (IF(status = 'APPLIED', CONCAT_WS('|', sender_id, isa_control, gs_control,
                                     st_control), NULL)) STORED,
    at           DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_x12_response_applied (applied_key),
    INDEX ix_x12_response_file (file_id),
    CONSTRAINT fk_x12_response_file FOREIGN KEY (file_id) REFERENCES x12_file (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- What a 999 or 277CA said about a claim: accepted or rejected, with the codes and the detail (IK3/IK4, STC).
CREATE TABLE claim_acknowledgment (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    claim_id      BIGINT        NOT NULL,
    response_id   BIGINT        NOT NULL,
    kind          VARCHAR(6)    NOT NULL,   -- 999, 277CA
    accepted      BOOLEAN       NOT NULL,
    codes         VARCHAR(200)  NULL,       -- IK5 code and IK502..; STC01 category:status:entity
    detail        VARCHAR(2000) NULL,       -- IK3/IK4 segment, element and error codes; STC free text
    payer_claim_number VARCHAR(50) NULL,    -- 277CA REF*1K
    at            DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_claim_acknowledgment_claim (claim_id, id),
    CONSTRAINT fk_claim_acknowledgment_claim FOREIGN KEY (claim_id) REFERENCES claim (id),
    CONSTRAINT fk_claim_acknowledgment_response FOREIGN KEY (response_id) REFERENCES x12_response (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
