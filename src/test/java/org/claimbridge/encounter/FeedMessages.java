package org.claimbridge.encounter;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Builds synthetic HL7 v2 messages (no real patients) field by field, so tests read as field numbers. */
final class FeedMessages {

    private final List<String> segments = new ArrayList<>();

    private FeedMessages(String msh) {
        segments.add(msh);
    }

    static FeedMessages message(String sender, String type, String controlId, String version) {
        return new FeedMessages("MSH|^~\\&|PMS|" + sender + "|CB|CB|20261120101010||" + type + "|" + controlId + "|P|"
                + version);
    }

    /** MSH-18 set to {@code charset}. */
    static FeedMessages message(String sender, String type, String controlId, String version, String charset) {
        return new FeedMessages("MSH|^~\\&|PMS|" + sender + "|CB|CB|20261120101010||" + type + "|" + controlId + "|P|"
                + version + "||||||" + charset);
    }

    /** A segment from field number / value pairs: {@code segment("PV1", 2, "O", 19, "V1")}. */
    FeedMessages segment(String name, Object... fieldsAndValues) {
        TreeMap<Integer, String> fields = new TreeMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put((Integer) fieldsAndValues[i], String.valueOf(fieldsAndValues[i + 1]));
        }
        StringBuilder segment = new StringBuilder(name);
        int last = fields.isEmpty() ? 0 : fields.lastKey();
        for (int field = 1; field <= last; field++) {
            segment.append('|').append(fields.getOrDefault(field, ""));
        }
        segments.add(segment.toString());
        return this;
    }

    /** A segment written out in full. */
    FeedMessages raw(String segment) {
        segments.add(segment);
        return this;
    }

    String text() {
        return String.join("\r", segments) + "\r";
    }

    String text(String separator) {
        return String.join(separator, segments) + separator;
    }

    /** XCN with the identifier type code (XCN.13). */
    static String xcn(String id, String family, String given, String idType) {
        return id + "^" + family + "^" + given + "^".repeat(10) + idType;
    }

    static FeedMessages patient(FeedMessages m, String mrn) {
        return m.segment("PID", 1, "1", 3, mrn + "^^^FAMPRAC^MR", 5, "Doe^Jane^Q", 7, "19800512", 8, "F",
                11, "12 Elm St^Apt 4^Springfield^IL^62701", 13, "(217)555-0100", 18, "ACC-" + mrn);
    }
}
