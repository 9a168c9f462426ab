package org.claimbridge.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** Parses synthetic messages exactly as intake does, for mapping tests in other features. */
public final class Hl7TestMessages {

    private static final Hl7Intake INTAKE = new Hl7Intake(
            new IntakeProperties(Set.of("P"), StandardCharsets.ISO_8859_1, 1, 1), List.of(), null);

    private Hl7TestMessages() {
    }

    /** Segments may be separated by {@code \n} for readability; they are normalised to {@code \r} as on arrival. */
    public static Hl7Message parse(String text) {
        return INTAKE.parse(Hl7Decoding.normaliseSegmentEndings(text));
    }

    /** Bytes decoded as intake decodes them (MSH-18, else UTF-8, else the undeclared charset), then parsed. */
    public static Hl7Message parse(byte[] bytes) {
        Hl7Decoding.Decoded decoded = new Hl7Decoding(StandardCharsets.ISO_8859_1).decode(bytes);
        if (decoded.problem() != null) {
            throw new IllegalArgumentException(decoded.problem().text());
        }
        return INTAKE.parse(decoded.text());
    }
}
