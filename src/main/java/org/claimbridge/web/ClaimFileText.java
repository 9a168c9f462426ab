package org.claimbridge.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import org.claimbridge.system.ClaimbridgeProperties;
import org.springframework.stereotype.Component;

/**
 * The segments of one claim's transaction set as they stand in its 837 file in the outbox, for people to read: from
 * its ST to its SE.
 */
@Component
class ClaimFileText {

    private final Path outbox;

    ClaimFileText(ClaimbridgeProperties properties) {
        this.outbox = properties.outbox("837");
    }

    /** Why the segments cannot be shown, or the segments. */
    record Segments(List<String> segments, String missing) {
    }

    Segments of(String fileName, String stControl) {
        if (fileName == null || stControl == null) {
            return new Segments(List.of(), "This claim is in no 837 file yet.");
        }
        Path file = outbox.resolve(fileName).normalize();
        if (!file.startsWith(outbox.normalize()) || !Files.isRegularFile(file)) {
            return new Segments(List.of(), "The 837 file " + fileName + " is not in the outbox.");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return new Segments(List.of(), "The 837 file " + fileName + " cannot be read: " + e.getMessage());
        }
        Optional<List<String>> set = transactionSet(text, stControl);
        return set.map(s -> new Segments(s, null)).orElseGet(() -> new Segments(List.of(),
                "The 837 file " + fileName + " holds no transaction set " + stControl + "."));
    }

    /**
     * Reads the file with StAEDI and cuts each segment out of the text by the offsets the reader reports, so the
     * claim's segments are shown exactly as written, whatever the separators.
     */
    static Optional<List<String>> transactionSet(String text, String stControl) {
        List<String> current = null;
        String st02 = null;
        String tag = null;
        int start = 0;
        try (EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)))) {
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case START_TRANSACTION -> {
                        current = new ArrayList<>();
                        st02 = null;
                    }
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        // the reader stands after the tag and its element separator
                        start = reader.getLocation().getCharacterOffset() - tag.length() - 1;
                    }
                    case ELEMENT_DATA -> {
                        if ("ST".equals(tag) && reader.getLocation().getElementPosition() == 2) {
                            st02 = reader.getText();
                        }
                    }
                    case END_SEGMENT -> {
                        if (current != null) {
                            // ...and after the segment terminator at its end
                            current.add(text.substring(start, reader.getLocation().getCharacterOffset() - 1).strip());
                            if ("SE".equals(tag)) {
                                if (stControl.equals(st02)) {
                                    return Optional.of(current);
                                }
                                current = null;
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (EDIStreamException | IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
