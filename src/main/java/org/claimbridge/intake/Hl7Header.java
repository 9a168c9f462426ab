package org.claimbridge.intake;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.preparser.PreParser;

/**
 * The MSH values read without a full parse, so that even a message HAPI cannot parse is stored with its sender and
 * control id, and answered with an ACK that names it.
 */
record Hl7Header(String sendingApplication, String sendingFacility, String receivingApplication,
                 String receivingFacility, String messageType, String triggerEvent, String controlId,
                 String processingId, String version, String acceptAckType, String applicationAckType,
                 String mrn, String visitNumber, String accountNumber) {

    static final Hl7Header NONE = new Hl7Header(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null);

    static Hl7Header of(String text) {
        return read(text, true);
    }

    /**
     * MSH alone, without the patient and visit ids: enough to check the header and parse the message, after which
     * {@link #withIdsFrom} takes the ids from the parsed segments rather than pre-parsing PID and PV1 a second time.
     */
    static Hl7Header ofMsh(String text) {
        return read(text, false);
    }

    private static Hl7Header read(String text, boolean withIds) {
        if (text == null || !text.startsWith("MSH") || text.length() < 8) {
            return NONE;
        }
        try {
            text = withoutTruncationCharacter(text);
            String[] f = withIds
                    ? PreParser.getFields(keySegments(text), "MSH-3", "MSH-4", "MSH-5", "MSH-6", "MSH-9-1", "MSH-9-2",
                    "MSH-10", "MSH-11", "MSH-12", "MSH-15", "MSH-16", "PID-3", "PV1-19", "PID-18")
                    : PreParser.getFields(mshSegment(text), "MSH-3", "MSH-4", "MSH-5", "MSH-6", "MSH-9-1",
                    "MSH-9-2", "MSH-10", "MSH-11", "MSH-12", "MSH-15", "MSH-16");
            return new Hl7Header(clean(f[0]), clean(f[1]), clean(f[2]), clean(f[3]), clean(f[4]), clean(f[5]),
                    clean(f[6]), clean(f[7]), clean(f[8]), clean(f[9]), clean(f[10]),
                    withIds ? clean(f[11]) : null, withIds ? clean(f[12]) : null, withIds ? clean(f[13]) : null);
        } catch (HL7Exception | RuntimeException e) {
            return NONE;
        }
    }

    /** This header with the patient, visit and account ids of the message's first PID and PV1. */
    Hl7Header withIdsFrom(Hl7Message message) {
        Hl7Segment pid = message.first("PID").orElse(null);
        Hl7Segment pv1 = message.first("PV1").orElse(null);
        return new Hl7Header(sendingApplication, sendingFacility, receivingApplication, receivingFacility,
                messageType, triggerEvent, controlId, processingId, version, acceptAckType, applicationAckType,
                pid == null ? null : pid.get(3), pv1 == null ? null : pv1.get(19), pid == null ? null : pid.get(18));
    }

    /**
     * The text with a fifth encoding character (v2.7's truncation character, {@code ^~\&#}) taken out of MSH-2:
     * HAPI's parser reads it, but its pre-parser fails on it, which would refuse every such message as unreadable.
     * The header fields read here are the same either way.
     */
    static String withoutTruncationCharacter(String text) {
        if (text.length() > 9 && text.charAt(9) == text.charAt(3) && text.indexOf(text.charAt(3), 4) == 9) {
            return text.substring(0, 8) + text.substring(9);
        }
        return text;
    }

    /** The first segment of a message's text, whose segments end in {@code \r}. */
    static String mshSegment(String text) {
        int end = text.indexOf('\r');
        return end < 0 ? text : text.substring(0, end);
    }

    /**
     * Where MSH-n's text starts and ends in an MSH segment, n of 2 or more: MSH-1 is the separator itself, so MSH-n
     * follows the (n-1)th separator. Null when the segment has fewer fields.
     */
    static int[] mshFieldBounds(String msh, int n) {
        char separator = msh.charAt(3);
        int start = 3;
        for (int field = 2; field < n; field++) {
            start = msh.indexOf(separator, start + 1);
            if (start < 0) {
                return null;
            }
        }
        int end = msh.indexOf(separator, start + 1);
        return new int[] {start + 1, end < 0 ? msh.length() : end};
    }

    /**
     * MSH and the first PID and PV1, which hold every value read here: the pre-parser then scans three segments
     * instead of the whole message, which on a long DFT is most of the cost of reading a header.
     */
    private static String keySegments(String text) {
        char separator = text.charAt(3);
        int mshEnd = text.indexOf('\r');
        if (mshEnd < 0) {
            return text;
        }
        StringBuilder keys = new StringBuilder(text.length() / 2).append(text, 0, mshEnd);
        for (String segment : new String[] {"\rPID" + separator, "\rPV1" + separator}) {
            int start = text.indexOf(segment);
            if (start >= 0) {
                int end = text.indexOf('\r', start + 1);
                keys.append(text, start, end < 0 ? text.length() : end);
            }
        }
        return keys.toString();
    }

    /** Original mode unless the sender asked for accept or application acknowledgements (MSH-15/16). */
    boolean enhancedMode() {
        return acceptAckType != null || applicationAckType != null;
    }

    String visitOrAccount() {
        return visitNumber != null ? visitNumber : accountNumber;
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
