-- The practices a billing company bills for, each known by the MSH-4 of its feed.
CREATE TABLE practice (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    sending_facility VARCHAR(180) NOT NULL,   -- MSH-4 of the practice's feed
    name             VARCHAR(200) NOT NULL,
    kind             VARCHAR(16)  NOT NULL,   -- PROFESSIONAL (837P) or INSTITUTIONAL (837I)
    configured       BOOLEAN      NOT NULL,   -- false: seen on a feed but not set up; its encounters are held
    billing_npi      VARCHAR(10)  NULL,
    tin              VARCHAR(11)  NULL,
    taxonomy         VARCHAR(10)  NULL,
    address_line     VARCHAR(120) NULL,
    city             VARCHAR(60)  NULL,
    state            VARCHAR(2)   NULL,
    postal_code      VARCHAR(10)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_practice_sender (sending_facility)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
