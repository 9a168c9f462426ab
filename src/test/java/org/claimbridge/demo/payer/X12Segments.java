package org.claimbridge.demo.payer;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;

/**
 * Reads an X12 file back with StAEDI's reader and the X12 00501 control schema: its segments (composites joined by
 * ':', whatever the file's separators) and every envelope error, for the tests to assert on.
 */
final class X12Segments {

    record Segment(String tag, List<String> elements) {
        String get(int position) {
            return position <= elements.size() ? elements.get(position - 1) : "";
        }

        BigDecimal amount(int position) {
            return new BigDecimal(get(position));
        }

        @Override
        public String toString() {
            return tag + "*" + String.join("*", elements);
        }
    }

    record Read(List<Segment> segments, List<String> errors) {

        List<Segment> all(String tag) {
            return segments.stream().filter(s -> s.tag().equals(tag)).toList();
        }

        /** Each transaction set, ST to SE. */
        List<List<Segment>> transactions() {
            List<List<Segment>> sets = new ArrayList<>();
            List<Segment> set = null;
            for (Segment segment : segments) {
                if (segment.tag().equals("ST")) {
                    set = new ArrayList<>();
                }
                if (set != null) {
                    set.add(segment);
                }
                if (segment.tag().equals("SE")) {
                    sets.add(set);
                    set = null;
                }
            }
            return sets;
        }
    }

    private X12Segments() {
    }

    static Read read(Path file) throws Exception {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        List<Segment> segments = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); EDIStreamReader reader = factory.createEDIStreamReader(in)) {
            String tag = null;
            List<String> elements = null;
            StringBuilder composite = null;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_INTERCHANGE -> reader.setControlSchema(SchemaFactory.newFactory()
                            .getControlSchema(EDIStreamConstants.Standards.X12, new String[] {"00501"}));
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        elements = new ArrayList<>();
                    }
                    case START_COMPOSITE -> {
                        while (elements.size() < reader.getLocation().getElementPosition() - 1) {
                            elements.add("");
                        }
                        composite = new StringBuilder();
                    }
                    case END_COMPOSITE -> {
                        elements.add(composite.toString());
                        composite = null;
                    }
                    case ELEMENT_DATA -> {
                        if (composite != null) {
                            int component = reader.getLocation().getComponentPosition();
                            while (composite.chars().filter(c -> c == ':').count() < component - 1) {
                                composite.append(':');
                            }
                            composite.append(reader.getText());
                        } else {
                            while (elements.size() < reader.getLocation().getElementPosition() - 1) {
                                elements.add("");
                            }
                            elements.add(reader.getText());
                        }
                    }
                    case END_SEGMENT -> segments.add(new Segment(tag, elements));
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> errors.add(
                            reader.getLocation().getSegmentTag() + " (segment "
                                    + reader.getLocation().getSegmentPosition() + ", element "
                                    + reader.getLocation().getElementPosition() + "): " + reader.getErrorType());
                    default -> {
                    }
                }
            }
        }
        return new Read(segments, errors);
    }
}
