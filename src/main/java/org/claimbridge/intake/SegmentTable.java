package org.claimbridge.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.GenericMessage;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.DefaultModelClassFactory;
import ca.uhn.hl7v2.parser.ModelClassFactory;

/**
 * A stored message's text as a table people can read: each segment with its numbered fields and the field names
 * HAPI's v2.5 segment structures give them. It reads the text as it is, without parsing it as a message, so that a
 * message HAPI refused (an ERROR) shows just as well; a segment HAPI has no structure for (a Z-segment) shows its
 * fields unnamed.
 */
public final class SegmentTable {

    /** The structures every version is named by: 2.5 is the one HAPI ships here, and names rarely change. */
    private static final String NAMING_VERSION = "2.5";

    private static final ModelClassFactory MODELS = new DefaultModelClassFactory();
    private static final Map<String, List<String>> NAMES = new ConcurrentHashMap<>();

    /** @param number HL7's field number: MSH-1 is the field separator itself */
    public record Field(int number, String name, String value) {
    }

    /**
     * @param position   1-based place in the message
     * @param occurrence 1-based count of this segment id so far, as in {@code FT1(2)}
     * @param fields     the fields with a value, in order
     */
    public record Row(int position, String id, int occurrence, List<Field> fields) {

        /** E.g. {@code FT1(2)}. */
        public String label() {
            return id + "(" + occurrence + ")";
        }
    }

    private SegmentTable() {
    }

    /** The segments of a message's text, segments separated by {@code \r} or line breaks. */
    public static List<Row> of(String text) {
        List<Row> rows = new ArrayList<>();
        if (text == null) {
            return rows;
        }
        char separator = separator(text);
        Map<String, Integer> occurrences = new HashMap<>();
        int position = 0;
        for (String segment : segments(text)) {
            String[] parts = split(segment, separator);
            String id = parts[0];
            int occurrence = occurrences.merge(id, 1, Integer::sum);
            List<Field> fields = new ArrayList<>();
            for (Map.Entry<Integer, String> value : values(id, parts, separator).entrySet()) {
                if (!value.getValue().isEmpty()) {
                    fields.add(new Field(value.getKey(), fieldName(id, value.getKey()), value.getValue()));
                }
            }
            rows.add(new Row(++position, id, occurrence, List.copyOf(fields)));
        }
        return rows;
    }

    /** A segment's field values by HL7 field number, empty ones included. */
    static Map<Integer, String> values(String id, String[] parts, char separator) {
        Map<Integer, String> values = new java.util.LinkedHashMap<>();
        if ("MSH".equals(id) || "FHS".equals(id) || "BHS".equals(id)) {
            // the separator is the header's first field, so the split is one behind the field numbers
            values.put(1, String.valueOf(separator));
            for (int i = 1; i < parts.length; i++) {
                values.put(i + 1, parts[i]);
            }
        } else {
            for (int i = 1; i < parts.length; i++) {
                values.put(i, parts[i]);
            }
        }
        return values;
    }

    /** The name HAPI gives a field, e.g. PID-3 "Patient Identifier List"; null for a field it has no name for. */
    public static String fieldName(String segmentId, int number) {
        List<String> names = NAMES.computeIfAbsent(segmentId, SegmentTable::names);
        return number >= 1 && number <= names.size() ? names.get(number - 1) : null;
    }

    private static List<String> names(String segmentId) {
        if (segmentId == null || !segmentId.matches("[A-Z][A-Z0-9]{2}")) {
            return List.of();
        }
        try {
            Class<? extends Segment> type = MODELS.getSegmentClass(segmentId, NAMING_VERSION);
            if (type == null) {
                return List.of();
            }
            Segment segment = type.getConstructor(Group.class, ModelClassFactory.class)
                    .newInstance(new GenericMessage.V25(MODELS), MODELS);
            return List.copyOf(Arrays.asList(segment.getNames()));
        } catch (HL7Exception | ReflectiveOperationException | RuntimeException e) {
            return List.of();
        }
    }

    static char separator(String text) {
        return text.length() > 3 && text.startsWith("MSH") ? text.charAt(3) : '|';
    }

    static List<String> segments(String text) {
        return Arrays.stream(text.split("[\r\n]+")).filter(s -> !s.isBlank()).toList();
    }

    static String[] split(String segment, char separator) {
        return segment.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
    }
}
