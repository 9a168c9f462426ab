-- Every inbound HL7 v2 message, kept raw, committed before it is acknowledged.
CREATE TABLE hl7_message (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    received_at           DATETIME(6)  NOT NULL,
    channel               VARCHAR(8)   NOT NULL,          -- MLLP, FILE, HTTP, REPROCESS
    peer                  VARCHAR(255) NULL,              -- remote address, or file name and position
    sending_application   VARCHAR(180) NULL,              -- MSH-3
    sending_facility      VARCHAR(180) NULL,              -- MSH-4
    receiving_application VARCHAR(180) NULL,              -- MSH-5
    receiving_facility    VARCHAR(180) NULL,              -- MSH-6
    control_id            VARCHAR(199) NULL,              -- MSH-10
    message_type          VARCHAR(3)   NULL,              -- MSH-9.1
    trigger_event         VARCHAR(3)   NULL,              -- MSH-9.2
    version               VARCHAR(12)  NULL,              -- MSH-12
    processing_id         VARCHAR(3)   NULL,              -- MSH-11
    charset               VARCHAR(40)  NULL,              -- the Java charset the bytes were read with
    raw_bytes             MEDIUMBLOB   NULL,              -- exactly what arrived; NULL when that is raw_text in charset
    raw_text              MEDIUMTEXT   NULL,              -- decoded, segment endings normalised to \r
    content_hash          BINARY(32)   NOT NULL,          -- SHA-256 of raw_text: tells a resend from a conflict
    status                VARCHAR(16)  NOT NULL,          -- RECEIVED, APPLIED, NOT_APPLICABLE, HELD, ERROR, REJECTED, CONFLICT
    ack_code              VARCHAR(2)   NULL,
    ack_text              TEXT         NULL,              -- the ACK sent, returned again on an exact resend
    error_code            VARCHAR(8)   NULL,              -- HL7 table 0357
    error_location        VARCHAR(80)  NULL,              -- e.g. MSH-12, PID(1)-7
    error_text            VARCHAR(2000) NULL,
    resend_count          INT          NOT NULL DEFAULT 0,
    last_resent_at        DATETIME(6)  NULL,
    conflict_with_id      BIGINT       NULL,
    dedupe_key            BINARY(32)   NULL,              -- SHA-256 of MSH-4, MSH-3, MSH-10 on the accepted original only
    patient_mrn           VARCHAR(64)  NULL,              -- PID-3.1, for search
    visit_number          VARCHAR(64)  NULL,              -- PV1-19.1, else PID-18.1
    applied_at            DATETIME(6)  NULL,
    apply_note            VARCHAR(2000) NULL,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_hl7_message_dedupe (dedupe_key),
    INDEX ix_hl7_message_sender (sending_facility, id),
    INDEX ix_hl7_message_control (control_id),
    INDEX ix_hl7_message_received (received_at),
    INDEX ix_hl7_message_status (status, id),
    INDEX ix_hl7_message_mrn (patient_mrn),
    INDEX ix_hl7_message_visit (visit_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
