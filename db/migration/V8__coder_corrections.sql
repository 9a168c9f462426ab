-- A coder's corrections to an encounter: each action with who, when, what, before -> after and why, and the
-- lineage of what it changed. Touches only encounter-owned tables (encounter, field_source).

CREATE TABLE coder_correction (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    encounter_id BIGINT       NOT NULL,
    action       VARCHAR(32)  NOT NULL,   -- ADD_DIAGNOSIS, CHANGE_DIAGNOSIS_CODE, ..., CHANGE_PLACE_OF_SERVICE
    entity       VARCHAR(24)  NOT NULL,   -- diagnosis, charge, encounter (a reorder of its diagnoses)
    entity_id    BIGINT       NOT NULL,   -- no foreign key: a removed diagnosis keeps its correction
    field        VARCHAR(48)  NOT NULL,   -- the column corrected (diagnoses for a reorder)
    before_value VARCHAR(500) NULL,
    after_value  VARCHAR(500) NULL,
    reason       VARCHAR(500) NOT NULL,
    corrected_by VARCHAR(100) NOT NULL,   -- the user name
    corrected_at DATETIME(6)  NOT NULL,   -- UTC
    revision     INT          NOT NULL,   -- the encounter's revision the correction made
    PRIMARY KEY (id),
    INDEX ix_coder_correction_encounter (encounter_id, id),
    CONSTRAINT fk_coder_correction_encounter FOREIGN KEY (encounter_id) REFERENCES encounter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A value's source is a message and HL7 path, or a coder's correction: exactly one of the two.
ALTER TABLE field_source
    MODIFY message_id BIGINT NULL,
    MODIFY hl7_path VARCHAR(40) NULL,
    ADD COLUMN correction_id BIGINT NULL AFTER hl7_path,
    ADD CONSTRAINT fk_field_source_correction FOREIGN KEY (correction_id) REFERENCES coder_correction (id),
    ADD CONSTRAINT ck_field_source_origin CHECK ((message_id IS NULL) <> (correction_id IS NULL));
