-- feed_hour is counted by the statement that stores the message, not by a second statement from intake: the count
-- is then part of the INSERT itself (a failed INSERT takes its counts back with it), and the journal can store a
-- batch of messages in one round trip, with autocommit, instead of an INSERT, an upsert and a COMMIT.
-- What senders sent is counted: a reprocess or correction of a stored message is not a message from the sender.
-- On a server with binary logging (MySQL 8's default), creating a trigger needs SUPER or
-- log_bin_trust_function_creators = 1 for the user that runs the migrations (README, "Running against MySQL").
CREATE TRIGGER hl7_message_counts_feed_hour AFTER INSERT ON hl7_message FOR EACH ROW
    INSERT INTO feed_hour (hour_start, sending_facility, messages)
    SELECT DATE_FORMAT(NEW.received_at, '%Y-%m-%d %H:00:00'), NEW.sending_facility, 1 FROM DUAL
    WHERE NEW.sending_facility IS NOT NULL AND NEW.channel <> 'REPROCESS'
    ON DUPLICATE KEY UPDATE messages = messages + 1;
