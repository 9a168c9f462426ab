package org.claimbridge.intake;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** How to turn a message claimbridge writes (an ACK) into bytes: in the charset its own MSH-18 names. */
public final class Hl7Charsets {

    private Hl7Charsets() {
    }

    /** The charset MSH-18 of this message text declares; UTF-8 when it declares none or one not known. */
    public static Charset declaredIn(String message) {
        Hl7Header header = Hl7Header.of(message);
        if (header == Hl7Header.NONE) {
            return StandardCharsets.UTF_8;
        }
        try {
            String[] fields = ca.uhn.hl7v2.preparser.PreParser.getFields(message, "MSH-18");
            Charset charset = Hl7Decoding.charsetFor(fields[0]);
            return charset == null ? StandardCharsets.UTF_8 : charset;
        } catch (ca.uhn.hl7v2.HL7Exception | RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
