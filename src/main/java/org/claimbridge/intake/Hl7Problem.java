package org.claimbridge.intake;

import ca.uhn.hl7v2.ErrorCode;

/**
 * Something wrong with a message, precise enough for the sender's ERR segment and for a coder.
 *
 * @param effect   what it does to the message
 * @param code     HL7 table 0357 error code for the ERR segment
 * @param segment  segment id of the location, e.g. {@code PID}, or null
 * @param sequence 1-based occurrence of that segment
 * @param field    field number, or 0 for the whole segment
 * @param text     plain words, naming the value where there is one
 */
public record Hl7Problem(Effect effect, ErrorCode code, String segment, int sequence, int field, String text) {

    public enum Effect {
        /** Not something claimbridge takes (type, event, version, processing id): AR. */
        REJECT,
        /** The sender must fix and resend: AE. */
        ERROR,
        /** Kept back for review rather than half-applied: AE, and the message is held. */
        HOLD;

        /** What becomes of a message this is the worst problem of. */
        MessageStatus status() {
            return switch (this) {
                case REJECT -> MessageStatus.REJECTED;
                case ERROR -> MessageStatus.ERROR;
                case HOLD -> MessageStatus.HELD;
            };
        }
    }

    public static Hl7Problem error(ErrorCode code, Hl7Segment at, int field, String text) {
        return new Hl7Problem(Effect.ERROR, code, at.name(), at.occurrence(), field, text);
    }

    public static Hl7Problem reject(ErrorCode code, int mshField, String text) {
        return new Hl7Problem(Effect.REJECT, code, "MSH", 1, mshField, text);
    }

    public static Hl7Problem hold(String text) {
        return new Hl7Problem(Effect.HOLD, ErrorCode.SEGMENT_SEQUENCE_ERROR, null, 0, 0, text);
    }

    /** E.g. {@code PID(1)-7}, or null when the problem is with the message as a whole. */
    public String location() {
        if (segment == null) {
            return null;
        }
        return field > 0 ? segment + "(" + sequence + ")-" + field : segment + "(" + sequence + ")";
    }
}
