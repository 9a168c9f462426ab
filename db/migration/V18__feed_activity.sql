-- Feed activity, kept by intake in the transaction that stores each message, so that feed health reads a few
-- thousand rows instead of scanning weeks of raw messages.

-- Messages stored per sending facility (MSH-4) per UTC hour.
CREATE TABLE feed_hour (
    hour_start       DATETIME     NOT NULL,
    sending_facility VARCHAR(180) NOT NULL,
    messages         INT          NOT NULL,
    PRIMARY KEY (hour_start, sending_facility)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- What a sender's messages were made of, and the first message that showed each thing: segment ids, MSH-12
-- versions, MSH-18 character sets (empty: none declared) and MSH-9 types.
CREATE TABLE feed_trait (
    sending_facility VARCHAR(180) NOT NULL,
    kind             VARCHAR(8)   NOT NULL,              -- SEGMENT, VERSION, CHARSET, TYPE
    value            VARCHAR(40)  NOT NULL,
    first_seen_at    DATETIME(6)  NOT NULL,
    first_message_id BIGINT       NOT NULL,
    PRIMARY KEY (sending_facility, kind, value)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- What was stored before this migration, so that old senders' segments are not taken for new ones.
INSERT INTO feed_hour (hour_start, sending_facility, messages)
SELECT DATE_FORMAT(received_at, '%Y-%m-%d %H:00:00'), sending_facility, COUNT(*)
FROM hl7_message WHERE sending_facility IS NOT NULL
GROUP BY DATE_FORMAT(received_at, '%Y-%m-%d %H:00:00'), sending_facility;

INSERT INTO feed_trait (sending_facility, kind, value, first_seen_at, first_message_id)
SELECT m.sending_facility, 'VERSION', LEFT(m.version, 40), m.received_at, m.id
FROM hl7_message m
JOIN (SELECT sending_facility, version, MIN(id) AS id FROM hl7_message
      WHERE sending_facility IS NOT NULL AND version IS NOT NULL GROUP BY sending_facility, version) f ON f.id = m.id;

INSERT INTO feed_trait (sending_facility, kind, value, first_seen_at, first_message_id)
SELECT m.sending_facility, 'TYPE', f.type, m.received_at, m.id
FROM hl7_message m
JOIN (SELECT sending_facility, CONCAT(message_type, '^', COALESCE(trigger_event, '')) AS type, MIN(id) AS id
      FROM hl7_message WHERE sending_facility IS NOT NULL AND message_type IS NOT NULL
      GROUP BY sending_facility, CONCAT(message_type, '^', COALESCE(trigger_event, ''))) f ON f.id = m.id;

-- MSH-18 is the 18th field: the text between the 17th and 18th field separator of the first segment
INSERT INTO feed_trait (sending_facility, kind, value, first_seen_at, first_message_id)
SELECT m.sending_facility, 'CHARSET', f.charset, m.received_at, m.id
FROM hl7_message m
JOIN (SELECT sending_facility, charset, MIN(id) AS id FROM (
          SELECT id, sending_facility,
                 CASE WHEN LENGTH(msh) - LENGTH(REPLACE(msh, sep, '')) >= 17
                      THEN LEFT(TRIM(SUBSTRING_INDEX(SUBSTRING_INDEX(msh, sep, 18), sep, -1)), 40) ELSE '' END AS charset
          FROM (SELECT id, sending_facility, SUBSTRING(raw_text, 4, 1) AS sep,
                       SUBSTRING_INDEX(raw_text, CHAR(13), 1) AS msh
                FROM hl7_message WHERE sending_facility IS NOT NULL AND raw_text LIKE 'MSH%') h) c
      GROUP BY sending_facility, charset) f ON f.id = m.id;

-- segment ids: the first three characters of each of the first 1,000 segments
INSERT INTO feed_trait (sending_facility, kind, value, first_seen_at, first_message_id)
SELECT m.sending_facility, 'SEGMENT', f.segment, m.received_at, m.id
FROM hl7_message m
JOIN (SELECT sending_facility, segment, MIN(id) AS id FROM (
          SELECT id, sending_facility,
                 LEFT(SUBSTRING_INDEX(SUBSTRING_INDEX(raw_text, CHAR(13), n.n), CHAR(13), -1), 3) AS segment
          FROM hl7_message
          JOIN (SELECT a.d + 10 * b.d + 100 * c.d + 1 AS n
                FROM (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
                      UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) a,
                     (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
                      UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) b,
                     (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
                      UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) c
               ) n ON n.n <= 1 + LENGTH(raw_text) - LENGTH(REPLACE(raw_text, CHAR(13), ''))
          WHERE sending_facility IS NOT NULL AND raw_text IS NOT NULL) s
      WHERE segment REGEXP '^[A-Z][A-Z0-9]{2}$'
      GROUP BY sending_facility, segment) f ON f.id = m.id;
