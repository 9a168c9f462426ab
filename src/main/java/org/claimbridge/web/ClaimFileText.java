package org.claimbridge.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.claimbridge.system.ClaimbridgeProperties;
import org.springframework.stereotype.Component;

/**
 * The segments of one claim's transaction set as they stand in its 837 file in the outbox, for people to read: the
 * ISA gives the separators (the element separator is its 4th character, the segment terminator its 106th), and the
 * set runs from {@code ST*837*<ST02>} to its SE.
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

    static Optional<List<String>> transactionSet(String text, String stControl) {
        String interchange = text.stripLeading();
        if (interchange.length() < 106 || !interchange.startsWith("ISA")) {
            return Optional.empty();
        }
        char element = interchange.charAt(3);
        String terminator = String.valueOf(interchange.charAt(105));
        String start = "ST" + element + "837" + element + stControl;
        List<String> out = new ArrayList<>();
        for (String raw : interchange.split(java.util.regex.Pattern.quote(terminator))) {
            String segment = raw.strip();
            if (out.isEmpty()) {
                if (segment.equals(start) || segment.startsWith(start + element)) {
                    out.add(segment);
                }
            } else {
                out.add(segment);
                if (segment.startsWith("SE" + element)) {
                    return Optional.of(out);
                }
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }
}
