package org.claimbridge.intake;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;

/**
 * One segment of a received message, read by position whatever the message structure says, with the HL7 path of
 * every value so that what is stored can say where it came from. Values come back with escape sequences decoded;
 * an empty or absent value is {@code null}.
 */
public final class Hl7Segment {

    private final Segment segment;
    private final String name;
    private final int occurrence;

    Hl7Segment(Segment segment, int occurrence) {
        this.segment = segment;
        this.name = segment.getName();
        this.occurrence = occurrence;
    }

    /** The segment id, e.g. {@code FT1}. */
    public String name() {
        return name;
    }

    /** 1-based count of this segment id within the message: the second FT1 is occurrence 2. */
    public int occurrence() {
        return occurrence;
    }

    /** Component 1 of the first repetition of a field. */
    public String get(int field) {
        return get(field, 0, 1, 1);
    }

    public String get(int field, int component) {
        return get(field, 0, component, 1);
    }

    public String get(int field, int repetition, int component) {
        return get(field, repetition, component, 1);
    }

    public String get(int field, int repetition, int component, int subcomponent) {
        try {
            if (field > segment.numFields() || repetition >= segment.getField(field).length) {
                return null;
            }
            String value = Terser.get(segment, field, repetition, component, subcomponent);
            return value == null || value.isBlank() || "\"\"".equals(value) ? null : value.strip();
        } catch (HL7Exception e) {
            return null;
        }
    }

    /** True when the sender sent {@code ""} for this field: HL7's way of saying "delete the stored value". */
    public boolean isExplicitNull(int field) {
        try {
            return field <= segment.numFields() && segment.getField(field).length > 0
                    && "\"\"".equals(Terser.get(segment, field, 0, 1, 1));
        } catch (HL7Exception e) {
            return false;
        }
    }

    public int repetitions(int field) {
        try {
            return field > segment.numFields() ? 0 : segment.getField(field).length;
        } catch (HL7Exception e) {
            return 0;
        }
    }

    /** E.g. {@code IN1(1)-36}. */
    public String path(int field) {
        return name + "(" + occurrence + ")-" + field;
    }

    /** E.g. {@code FT1(2)-25.1}. */
    public String path(int field, int component) {
        return path(field) + "." + component;
    }

    /** E.g. {@code FT1(2)-26[2]} for the second repetition. */
    public String path(int field, int repetition, int component) {
        return name + "(" + occurrence + ")-" + field + (repetition > 0 ? "[" + (repetition + 1) + "]" : "")
                + (component > 0 ? "." + component : "");
    }

    @Override
    public String toString() {
        return name + "(" + occurrence + ")";
    }
}
