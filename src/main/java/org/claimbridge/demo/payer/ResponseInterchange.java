package org.claimbridge.demo.payer;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import org.claimbridge.system.X12Segments;

/**
 * Writes one response interchange with StAEDI, its envelope checked against the X12 00501 control schema while it is
 * written, in the separators of the 837 it answers. No transaction schema exists yet for the 999, 277CA and 835, so
 * the segments inside follow the guides as written by the callers; the counts (SE01, GE01, IEA01) are kept here.
 */
final class ResponseInterchange {

    /**
     * Who answers whom: the 837's receiver (the clearinghouse) back to its sender, with its own ISA13.
     */
    record Envelope(String senderQualifier, String senderId, String receiverQualifier, String receiverId,
                    String senderApplication, String receiverApplication, String control, String usage,
                    LocalDateTime at, Submission.Separators separators) {
    }

    private static final Schema CONTROL = controlSchema();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EDIStreamWriter writer;
    private final Envelope envelope;
    private final List<String> errors = new ArrayList<>();
    private int groups;
    private int groupSets;
    private int segments;
    private String group;
    private String set;

    ResponseInterchange(Envelope envelope) {
        this.envelope = envelope;
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.TRUNCATE_EMPTY_ELEMENTS, true);
        factory.setProperty(EDIStreamConstants.Delimiters.SEGMENT, envelope.separators().segment());
        factory.setProperty(EDIStreamConstants.Delimiters.DATA_ELEMENT, envelope.separators().element());
        factory.setProperty(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT, envelope.separators().component());
        factory.setProperty(EDIStreamConstants.Delimiters.REPETITION, envelope.separators().repetition());
        factory.setErrorReporter((error, w, location, data, reference) -> errors.add(location.getSegmentTag()
                + String.format(Locale.ROOT, "%02d", location.getElementPosition()) + " " + error + " ("
                + data + ")"));
        try {
            writer = factory.createEDIStreamWriter(out, "US-ASCII");
            writer.setControlSchema(CONTROL);
            writer.startInterchange();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("an X12 writer could not be set up: " + e.getMessage(), e);
        }
        segment("ISA", "00", " ".repeat(10), "00", " ".repeat(10), envelope.senderQualifier(),
                pad(envelope.senderId()), envelope.receiverQualifier(), pad(envelope.receiverId()),
                envelope.at().format(DateTimeFormatter.ofPattern("yyMMdd")), envelope.at().format(X12Values.TIME),
                String.valueOf(envelope.separators().repetition()), "00501", envelope.control(), "0",
                envelope.usage(), String.valueOf(envelope.separators().component()));
    }

    void startGroup(String functionalId, String version) {
        group = String.valueOf(++groups);
        groupSets = 0;
        segment("GS", functionalId, envelope.senderApplication(), envelope.receiverApplication(),
                envelope.at().format(X12Values.DATE), envelope.at().format(X12Values.TIME), group, "X", version);
    }

    /** Opens a transaction set; {@code reference} (ST03) may be null where the guide does not use it (835). */
    String startSet(String id, String reference) {
        set = String.format(Locale.ROOT, "%04d", ++groupSets);
        segments = 0;
        segment("ST", id, set, reference);
        return set;
    }

    LocalDateTime at() {
        return envelope.at();
    }

    String control() {
        return envelope.control();
    }

    /**
     * One segment. Elements are positional: a String, a String[] for a composite, or null for an empty element;
     * trailing empty ones are left out.
     */
    void segment(String tag, Object... elements) {
        try {
            X12Segments.write(writer, tag, elements);
        } catch (EDIStreamException e) {
            throw new IllegalStateException(tag + " could not be written: " + e.getMessage(), e);
        }
        segments++;
    }

    void endSet() {
        segment("SE", String.valueOf(segments + 1), set);
    }

    void endGroup() {
        segment("GE", String.valueOf(groupSets), group);
    }

    /** Closes the interchange and hands back its bytes; an envelope the control schema refused is an error. */
    byte[] finish() {
        segment("IEA", String.valueOf(groups), envelope.control());
        try {
            writer.endInterchange();
            writer.close();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("the interchange could not be closed: " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the response envelope " + envelope.control() + " is not valid X12: "
                    + String.join("; ", errors));
        }
        return out.toByteArray();
    }

    /** A composite element's components. */
    static String[] composite(String... components) {
        return components;
    }


    private static String pad(String id) {
        return String.format(Locale.ROOT, "%-15s", id);
    }

    private static Schema controlSchema() {
        try {
            return SchemaFactory.newFactory().getControlSchema(EDIStreamConstants.Standards.X12,
                    new String[] {"00501"});
        } catch (EDISchemaException e) {
            throw new IllegalStateException("the X12 00501 envelope schema could not be loaded", e);
        }
    }
}
