-- A message taken through intake again: as it was (after a configuration fix) or as a person corrected it. The
-- original row stays as it arrived; the new one is a message of its own (channel REPROCESS), and this row says who
-- did it, when, why, and which message it came from.
ALTER TABLE hl7_message MODIFY channel VARCHAR(12) NOT NULL;   -- MLLP, FILE, HTTP, REPROCESS

CREATE TABLE hl7_reprocess (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    message_id          BIGINT        NOT NULL,   -- the new message
    original_message_id BIGINT        NOT NULL,   -- the message it reprocesses
    root_message_id     BIGINT        NOT NULL,   -- the first message of the chain, as it arrived from the sender
    corrected           BOOLEAN       NOT NULL,   -- true: a person changed the text; false: the same text again
    reprocessed_by      VARCHAR(100)  NOT NULL,
    reprocessed_at      DATETIME(6)   NOT NULL,
    reason              VARCHAR(1000) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE INDEX ux_hl7_reprocess_message (message_id),
    INDEX ix_hl7_reprocess_original (original_message_id),
    INDEX ix_hl7_reprocess_root (root_message_id),
    CONSTRAINT fk_hl7_reprocess_message FOREIGN KEY (message_id) REFERENCES hl7_message (id),
    CONSTRAINT fk_hl7_reprocess_original FOREIGN KEY (original_message_id) REFERENCES hl7_message (id),
    CONSTRAINT fk_hl7_reprocess_root FOREIGN KEY (root_message_id) REFERENCES hl7_message (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
