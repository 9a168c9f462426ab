-- Each practice's chargemaster: its own charge codes (FT1-7.1) with the CPT/HCPCS, revenue code and price a claim
-- line is billed with. Loaded at start-up from the CSV file configured per practice; a load replaces the
-- practice's rows. The file and line each row came from are kept, so a claim value taken from here can be traced.
CREATE TABLE chargemaster_item (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    practice_id      BIGINT        NOT NULL,
    transaction_code VARCHAR(64)   NOT NULL,   -- matches charge.transaction_code (FT1-7.1)
    procedure_code   VARCHAR(16)   NULL,       -- CPT/HCPCS; none for revenue-code-only items (supplies, rooms)
    revenue_code     CHAR(4)       NULL,       -- NUBC, with its leading zero; required for institutional practices
    price            DECIMAL(12,2) NOT NULL,   -- per unit
    description      VARCHAR(255)  NULL,
    source_file      VARCHAR(500)  NOT NULL,   -- the CSV as configured
    source_line      INT           NOT NULL,
    loaded_at        DATETIME(6)   NOT NULL,   -- UTC
    PRIMARY KEY (id),
    UNIQUE INDEX ux_chargemaster_item_code (practice_id, transaction_code),
    CONSTRAINT fk_chargemaster_item_practice FOREIGN KEY (practice_id) REFERENCES practice (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Where payment is to be sent when it is not the billing address (837 loop 2010AB), e.g. a lockbox.
ALTER TABLE practice
    ADD COLUMN pay_to_address_line VARCHAR(120) NULL,
    ADD COLUMN pay_to_city         VARCHAR(60)  NULL,
    ADD COLUMN pay_to_state        VARCHAR(2)   NULL,
    ADD COLUMN pay_to_postal_code  VARCHAR(10)  NULL;
