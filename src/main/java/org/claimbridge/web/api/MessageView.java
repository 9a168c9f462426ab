package org.claimbridge.web.api;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.claimbridge.encounter.FieldChange;
import org.claimbridge.intake.Channel;
import org.claimbridge.intake.MessageDetail;
import org.claimbridge.intake.MessageStatus;

/**
 * One stored message as the API shows it.
 *
 * @param rawText   decoded text with {@code \r} between segments; null when the bytes were not text, then
 *                  {@code rawBase64} holds them
 * @param changes   what applying the message stored in the billing view, each value with its HL7 path
 */
record MessageView(long id, Instant receivedAt, Channel channel, String peer, Header header, MessageStatus status,
                   String patientMrn, String visitNumber, String rawText, String rawBase64, Ack ack, Error error,
                   int resendCount, Instant lastResentAt, Link conflictWith, List<Link> conflicts,
                   Instant appliedAt, String applyNote, List<Change> changes) {

    record Header(String sendingApplication, String sendingFacility, String receivingApplication,
                  String receivingFacility, String controlId, String messageType, String triggerEvent,
                  String version, String processingId, String charset) {
    }

    /** @param text the ACK(s) sent, segments separated by {@code \r}, several ACKs by {@code \n} */
    record Ack(String code, String text) {
    }

    /** @param code HL7 table 0357; @param location e.g. {@code PID(1)-7} */
    record Error(String code, String location, String text) {
    }

    record Link(long id, String href) {

        static Link to(long id) {
            return new Link(id, "/api/messages/" + id);
        }
    }

    record Change(String entity, long entityId, String field, String hl7Path, String value, Instant recordedAt) {
    }

    static MessageView of(MessageDetail m, List<FieldChange> changes) {
        return new MessageView(m.id(), m.receivedAt(), m.channel(), m.peer(),
                new Header(m.sendingApplication(), m.sendingFacility(), m.receivingApplication(),
                        m.receivingFacility(), m.controlId(), m.messageType(), m.triggerEvent(), m.version(),
                        m.processingId(), m.charset()),
                m.status(), m.patientMrn(), m.visitNumber(), m.rawText(),
                m.rawText() == null ? Base64.getEncoder().encodeToString(m.rawBytes()) : null,
                new Ack(m.ackCode(), m.ackText()),
                m.errorText() == null && m.errorCode() == null ? null
                        : new Error(m.errorCode(), m.errorLocation(), m.errorText()),
                m.resendCount(), m.lastResentAt(), m.conflictWithId() == null ? null : Link.to(m.conflictWithId()),
                m.conflicts().stream().map(Link::to).toList(), m.appliedAt(), m.applyNote(),
                changes.stream().map(c -> new Change(c.entity(), c.entityId(), c.field(), c.hl7Path(), c.value(),
                        c.recordedAt())).toList());
    }
}
