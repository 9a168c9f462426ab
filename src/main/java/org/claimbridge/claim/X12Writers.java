package org.claimbridge.claim;

import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.xlate.edi.stream.EDIOutputErrorReporter;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import org.claimbridge.practice.Delimiters;

/** StAEDI writers set up alike for every 837 writer: the receiver's delimiters, the X12 00501 envelope schema. */
final class X12Writers {

    private X12Writers() {
    }

    static EDIStreamWriter create(OutputStream out, Delimiters delimiters, GuideSchemas schemas,
                                  EDIOutputErrorReporter reporter) {
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.TRUNCATE_EMPTY_ELEMENTS, true);
        factory.setProperty(EDIStreamConstants.Delimiters.SEGMENT, delimiters.segment());
        factory.setProperty(EDIStreamConstants.Delimiters.DATA_ELEMENT, delimiters.element());
        factory.setProperty(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT, delimiters.component());
        factory.setProperty(EDIStreamConstants.Delimiters.REPETITION, delimiters.repetition());
        factory.setErrorReporter(reporter);
        try {
            EDIStreamWriter writer = factory.createEDIStreamWriter(out, "US-ASCII");
            writer.setControlSchema(schemas.control());
            return writer;
        } catch (EDIStreamException e) {
            throw new IllegalStateException("US-ASCII output could not be set up: " + e.getMessage(), e);
        }
    }

    /** ISA and GS as they open an interchange and a group. */
    static void isa(ClaimSegments segments, InterchangeWriter.Envelope envelope) throws EDIStreamException {
        var receiver = envelope.receiver();
        var submitter = envelope.submitter();
        segments.segment("ISA", "00", " ".repeat(10), "00", " ".repeat(10), submitter.idQualifier(),
                pad(submitter.id()), receiver.idQualifier(), pad(receiver.interchangeId()),
                envelope.at().format(DateTimeFormatter.ofPattern("yyMMdd")), envelope.at().format(X12Text.TIME),
                String.valueOf(receiver.delimiters().repetition()), "00501", envelope.isaControl(), "0",
                String.valueOf(receiver.usage()), String.valueOf(receiver.delimiters().component()));
    }

    static void gs(ClaimSegments segments, InterchangeWriter.Envelope envelope, ClaimKind kind, String gsControl)
            throws EDIStreamException {
        segments.segment("GS", "HC", envelope.submitter().applicationCode(), envelope.receiver().applicationCode(),
                envelope.at().format(X12Text.DATE), envelope.at().format(X12Text.TIME), gsControl, "X",
                kind.guide());
    }

    private static String pad(String id) {
        return String.format(Locale.ROOT, "%-15s", id);
    }

    /** "NM109 data element too short (7)": where, what, and the value at fault. */
    static String describe(String segment, int element, int component, String error, CharSequence data) {
        StringBuilder b = new StringBuilder();
        b.append(segment == null ? "?" : segment);
        if (element > 0) {
            b.append(String.format(Locale.ROOT, "%02d", element));
            if (component > 0) {
                b.append('-').append(component);
            }
        }
        b.append(' ').append(error.toLowerCase(Locale.ROOT).replace('_', ' '));
        if (data != null && data.length() > 0) {
            b.append(" (").append(data).append(')');
        }
        return b.toString();
    }
}
