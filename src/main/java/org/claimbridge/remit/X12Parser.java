package org.claimbridge.remit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;

/**
 * Reads a received X12 file with StAEDI into its transaction sets: any delimiters the ISA declares, with or without
 * line breaks, several interchanges, groups and transaction sets in one file. Problems outside any transaction set
 * (a file cut short, counts that do not add up in an envelope) are the file's; problems inside one are its own.
 */
final class X12Parser {

    /** What a file holds. @param errors problems that belong to the file as a whole */
    record Parsed(List<X12Transaction> transactions, List<String> errors) {
    }

    /**
     * Structure problems: a set with one of these is not applied (what it says cannot be read safely). Problems with
     * single values (a code outside the guide's list, a length) are applied with a warning: a payer's 835 still says
     * what was paid.
     */
    private static final Set<EDIStreamValidationError> BLOCKING = EnumSet.of(
            EDIStreamValidationError.UNRECOGNIZED_SEGMENT_ID, EDIStreamValidationError.UNEXPECTED_SEGMENT,
            EDIStreamValidationError.MANDATORY_SEGMENT_MISSING, EDIStreamValidationError.LOOP_OCCURS_OVER_MAXIMUM_TIMES,
            EDIStreamValidationError.SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET,
            EDIStreamValidationError.SEGMENT_NOT_IN_PROPER_SEQUENCE,
            EDIStreamValidationError.IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE,
            EDIStreamValidationError.IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES,
            EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT,
            EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH,
            EDIStreamValidationError.REQUIRED_DATA_ELEMENT_MISSING);

    private X12Parser() {
    }

    static Parsed parse(byte[] content) {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        // line breaks between segments are common in files people have opened and saved
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        List<X12Transaction> transactions = new ArrayList<>();
        List<String> fileErrors = new ArrayList<>();
        String sender = "";
        String isa = "";
        String gs = "";
        String version = "";
        List<X12Segment> segments = null;
        List<String> errors = null;
        List<String> warnings = null;
        String tag = null;
        List<List<String>> elements = null;
        List<String> composite = null;
        boolean endedInterchange = false;
        try (InputStream in = new ByteArrayInputStream(content);
             EDIStreamReader reader = factory.createEDIStreamReader(in)) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_INTERCHANGE -> endedInterchange = false;
                    case END_INTERCHANGE -> endedInterchange = true;
                    case START_TRANSACTION -> {
                        segments = new ArrayList<>();
                        errors = new ArrayList<>();
                        warnings = new ArrayList<>();
                    }
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        elements = new ArrayList<>();
                    }
                    case START_COMPOSITE -> {
                        composite = new ArrayList<>();
                        pad(elements, reader.getLocation().getElementPosition() - 1);
                    }
                    case END_COMPOSITE -> {
                        elements.add(composite);
                        composite = null;
                    }
                    case ELEMENT_DATA -> {
                        if (composite != null) {
                            pad(composite, reader.getLocation().getComponentPosition() - 1);
                            composite.add(reader.getText());
                        } else if (reader.getLocation().getElementOccurrence() <= 1) {
                            // a repeated element keeps its first occurrence
                            pad(elements, reader.getLocation().getElementPosition() - 1);
                            elements.add(new ArrayList<>(List.of(reader.getText())));
                        }
                    }
                    case END_SEGMENT -> {
                        X12Segment segment = new X12Segment(tag, elements);
                        switch (tag) {
                            case "ISA" -> {
                                sender = segment.get(6).trim();
                                isa = segment.get(13);
                            }
                            case "GS" -> {
                                gs = segment.get(6);
                                version = segment.get(8);
                            }
                            default -> {
                            }
                        }
                        if (segments != null) {
                            segments.add(segment);
                        }
                        if ("ST".equals(tag)) {
                            // cleared when there is none, so an earlier set's schema does not judge this one
                            reader.setTransactionSchema(ResponseSchemas.of(segment.get(1),
                                    segment.get(3).isEmpty() ? version : segment.get(3)));
                        }
                        if ("SE".equals(tag) && segments != null) {
                            X12Segment st = segments.get(0);
                            transactions.add(new X12Transaction(sender, isa, gs, version, st.get(1), st.get(2),
                                    List.copyOf(segments), List.copyOf(errors), List.copyOf(warnings)));
                            segments = null;
                            errors = null;
                            warnings = null;
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> {
                        String problem = describe(reader);
                        if (errors == null) {
                            fileErrors.add(problem);
                        } else if (BLOCKING.contains(reader.getErrorType())) {
                            errors.add(problem);
                        } else {
                            warnings.add(problem);
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (EDIStreamException | IOException | RuntimeException e) {
            fileErrors.add("the file is cut short or cannot be read as X12 past "
                    + (segments == null ? "its last complete transaction set" : "the start of transaction set "
                    + (segments.isEmpty() ? "?" : segments.get(0).get(2))) + ": " + e.getMessage());
            if (segments != null) {
                fileErrors.add("transaction set " + (segments.isEmpty() ? "?" : segments.get(0).get(2))
                        + " is incomplete and was not applied");
            }
        }
        if (!endedInterchange && fileErrors.isEmpty()) {
            fileErrors.add("the file ends before its IEA: it is cut short");
        }
        return new Parsed(transactions, fileErrors);
    }

    private static <T> void pad(List<T> list, int size) {
        while (list.size() < size) {
            list.add(null);
        }
    }

    private static String describe(EDIStreamReader reader) {
        String text;
        try {
            text = reader.getText();
        } catch (RuntimeException e) {
            // StAEDI 1.26 has no text for some syntax-rule errors
            text = "";
        }
        var at = reader.getLocation();
        return at.getSegmentTag() + (at.getElementPosition() > 0 ? String.format("%02d", at.getElementPosition())
                : "") + " (segment " + at.getSegmentPosition() + "): "
                + reader.getErrorType().name().toLowerCase().replace('_', ' ')
                + (text == null || text.isEmpty() ? "" : " (" + text + ")");
    }
}
