-- Code sets (ICD-10-CM, ICD-10-PCS, HCPCS Level II, place of service, modifiers) with their history: every load is
-- kept, and a later load end-dates the rows it supersedes instead of overwriting them, so an old date of service is
-- still checked against the codes that were valid on that day.
CREATE TABLE code_load (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    code_set       VARCHAR(12)   NOT NULL,   -- ICD10CM, ICD10PCS, HCPCS, POS, MODIFIER
    version        VARCHAR(80)   NOT NULL,   -- a label, e.g. "FY2026" or the file name
    source         VARCHAR(500)  NOT NULL,   -- the file (or shipped resource) it was read from
    content_hash   BINARY(32)    NOT NULL,   -- SHA-256 of the file: the same file twice is loaded once
    effective_from DATE          NOT NULL,   -- first date of service its codes are valid for
    code_count     INT           NOT NULL,
    loaded_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_code_load_content (code_set, content_hash),
    INDEX ix_code_load_set (code_set, effective_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE code_entry (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    code_set          VARCHAR(12)   NOT NULL,
    code              VARCHAR(10)   NOT NULL,   -- upper case; ICD-10 codes without the dot (E119)
    billable          BOOLEAN       NOT NULL,   -- ICD-10: the order file's valid flag (1 leaf, 0 header); else TRUE
    short_description VARCHAR(100)  NULL,
    description       VARCHAR(1000) NULL,
    effective_from    DATE          NOT NULL,
    effective_to      DATE          NULL,       -- last valid date of service; NULL while no later load replaced it
    load_id           BIGINT        NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_code_entry_lookup (code_set, code, effective_from),
    INDEX ix_code_entry_open (code_set, effective_to),
    INDEX ix_code_entry_load (load_id),
    CONSTRAINT fk_code_entry_load FOREIGN KEY (load_id) REFERENCES code_load (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
