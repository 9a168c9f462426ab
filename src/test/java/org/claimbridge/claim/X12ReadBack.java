package org.claimbridge.claim;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;

/**
 * Reads an 837 back with StAEDI's reader, validating each transaction set against the guide's schema: the
 * segments (with their elements, composites joined by ':') and every validation error, for tests to assert on.
 */
final class X12ReadBack {

    record Segment(String tag, List<String> elements) {
        String get(int position) {
            return position <= elements.size() ? elements.get(position - 1) : "";
        }

        @Override
        public String toString() {
            return tag + "*" + String.join("*", elements);
        }
    }

    /** @param transactions each transaction set's segments, ST to SE */
    record Read(List<Segment> segments, List<List<Segment>> transactions, List<String> errors) {

        List<Segment> all(String tag) {
            return segments.stream().filter(s -> s.tag().equals(tag)).toList();
        }

        /** The transaction set whose CLM01 is {@code pcn}. */
        List<Segment> claim(String pcn) {
            return transactions.stream().filter(t -> t.stream().anyMatch(s -> s.tag().equals("CLM")
                    && s.get(1).equals(pcn))).findFirst().orElseThrow(() -> new AssertionError("no CLM " + pcn
                    + " in " + transactions.stream().flatMap(List::stream).filter(s -> s.tag().equals("CLM"))
                    .map(Segment::toString).collect(Collectors.joining(", "))));
        }
    }

    private X12ReadBack() {
    }

    static Read read(Path file, GuideSchemas schemas) throws Exception {
        return read(Files.readAllBytes(file), schemas);
    }

    static Read read(byte[] bytes, GuideSchemas schemas) throws Exception {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        List<Segment> segments = new ArrayList<>();
        List<List<Segment>> transactions = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(bytes); EDIStreamReader reader = factory.createEDIStreamReader(in)) {
            String tag = null;
            List<String> elements = null;
            StringBuilder composite = null;
            List<Segment> transaction = null;
            String version = null;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_GROUP -> version = null;
                    case START_TRANSACTION -> transaction = new ArrayList<>();
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        elements = new ArrayList<>();
                    }
                    case START_COMPOSITE -> composite = new StringBuilder();
                    case END_COMPOSITE -> {
                        elements.add(stripTrailing(composite.toString()));
                        composite = null;
                    }
                    case ELEMENT_DATA -> {
                        int position = reader.getLocation().getElementPosition();
                        if (composite != null) {
                            composite.append(reader.getLocation().getComponentPosition() > 1 ? ":" : "")
                                    .append(reader.getText());
                        } else {
                            while (elements.size() < position - 1) {
                                elements.add("");
                            }
                            if (elements.size() == position) {
                                // a repetition: keep the first
                                continue;
                            }
                            elements.add(reader.getText());
                        }
                    }
                    case END_SEGMENT -> {
                        Segment segment = new Segment(tag, elements);
                        segments.add(segment);
                        if ("GS".equals(tag)) {
                            version = segment.get(8);
                        }
                        if ("ST".equals(tag)) {
                            reader.setTransactionSchema(version != null && version.equals(ClaimKind.INSTITUTIONAL
                                    .guide()) ? schemas.forKind(ClaimKind.INSTITUTIONAL)
                                    : schemas.forKind(ClaimKind.PROFESSIONAL));
                        }
                        if (transaction != null) {
                            transaction.add(segment);
                        }
                        if ("SE".equals(tag)) {
                            transactions.add(transaction);
                            transaction = null;
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> errors.add(
                            reader.getLocation().getSegmentTag() + " (segment " + reader.getLocation()
                                    .getSegmentPosition() + ", element " + reader.getLocation().getElementPosition()
                                    + "): " + reader.getErrorType() + " " + text(reader));
                    default -> {
                    }
                }
            }
        }
        return new Read(segments, transactions, errors);
    }

    /** StAEDI 1.26 has no text for some syntax-rule errors and throws instead of answering null. */
    private static String text(EDIStreamReader reader) {
        try {
            return reader.getText();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String stripTrailing(String composite) {
        String s = composite;
        while (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
