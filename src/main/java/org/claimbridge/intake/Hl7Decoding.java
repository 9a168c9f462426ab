package org.claimbridge.intake;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import ca.uhn.hl7v2.ErrorCode;

/**
 * Turns received bytes into text the way the sender meant them: the charset that MSH-18 names (never the JVM's
 * default), and segment endings of {@code \r}, {@code \n} or {@code \r\n} all made {@code \r} before HAPI sees them,
 * since HAPI reads a {@code \n}-only message as one long MSH and loses the rest without complaint.
 */
final class Hl7Decoding {

    /**
     * @param text    decoded and normalised, or null when the bytes could not be read as text
     * @param charset what the bytes were read with
     * @param note    how the charset was chosen when MSH-18 did not say
     * @param problem why the bytes could not be read, or null
     */
    record Decoded(String text, Charset charset, String note, Hl7Problem problem) {
    }

    /** HL7 table 0211 names to Java charsets (HAPI keeps its own copy of this table package-private). */
    private static final Map<String, String> HL7_CHARSETS = Map.ofEntries(
            Map.entry("ASCII", "US-ASCII"), Map.entry("ISO IR6", "US-ASCII"),
            Map.entry("8859/1", "ISO-8859-1"), Map.entry("8859/2", "ISO-8859-2"), Map.entry("8859/3", "ISO-8859-3"),
            Map.entry("8859/4", "ISO-8859-4"), Map.entry("8859/5", "ISO-8859-5"), Map.entry("8859/6", "ISO-8859-6"),
            Map.entry("8859/7", "ISO-8859-7"), Map.entry("8859/8", "ISO-8859-8"), Map.entry("8859/9", "ISO-8859-9"),
            Map.entry("8859/15", "ISO-8859-15"), Map.entry("UNICODE", "UTF-8"), Map.entry("UNICODE UTF-8", "UTF-8"),
            Map.entry("UNICODE UTF-16", "UTF-16"), Map.entry("UNICODE UTF-32", "UTF-32"));

    private final Charset undeclared;

    /** The Java charset for an HL7 table 0211 name, or null when it is not one claimbridge reads. */
    static Charset charsetFor(String hl7Name) {
        String javaName = hl7Name == null ? null : HL7_CHARSETS.get(hl7Name.strip());
        return javaName == null ? null : Charset.forName(javaName);
    }

    Hl7Decoding(Charset undeclared) {
        this.undeclared = undeclared;
    }

    Decoded decode(byte[] bytes) {
        int start = startsWithUtf8Bom(bytes) ? 3 : 0;
        String declared = declaredCharset(bytes, start);
        if (declared == null || declared.isBlank()) {
            try {
                return normalised(strict(StandardCharsets.UTF_8, bytes, start), StandardCharsets.UTF_8, null);
            } catch (CharacterCodingException e) {
                return normalised(new String(bytes, start, bytes.length - start, undeclared), undeclared,
                        "MSH-18 empty and bytes not UTF-8: read as " + undeclared.name());
            }
        }
        String javaName = HL7_CHARSETS.get(declared);
        if (javaName == null) {
            return failed(ErrorCode.TABLE_VALUE_NOT_FOUND, "MSH-18 character set '" + declared + "' is not supported");
        }
        Charset charset = Charset.forName(javaName);
        try {
            return normalised(strict(charset, bytes, start), charset, null);
        } catch (CharacterCodingException e) {
            int offset = firstBadByte(charset, bytes, start);
            return failed(ErrorCode.DATA_TYPE_ERROR, "MSH-18 declares " + declared + " but byte 0x"
                    + String.format("%02X", bytes[offset] & 0xff) + " at offset " + offset + " is not " + charset.name());
        }
    }

    private Decoded failed(ErrorCode code, String text) {
        return new Decoded(null, null, null, new Hl7Problem(Hl7Problem.Effect.ERROR, code, "MSH", 1, 18, text));
    }

    private static Decoded normalised(String text, Charset charset, String note) {
        return new Decoded(normaliseSegmentEndings(text), charset, note, null);
    }

    static String normaliseSegmentEndings(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean lineEnded = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                if (!lineEnded) {
                    out.append('\r');
                    lineEnded = true;
                }
            } else {
                out.append(c);
                lineEnded = false;
            }
        }
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
            end--;
        }
        int begin = 0;
        while (begin < end && Character.isWhitespace(out.charAt(begin))) {
            begin++;
        }
        return out.substring(begin, end);
    }

    private static String strict(Charset charset, byte[] bytes, int start) throws CharacterCodingException {
        CharBuffer chars = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
        return chars.toString();
    }

    private static int firstBadByte(Charset charset, byte[] bytes, int start) {
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        return in.position();
    }

    private static boolean startsWithUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
    }

    /** MSH-18, read from the bytes of the first segment: MSH itself is always ASCII. */
    private static String declaredCharset(byte[] bytes, int start) {
        if (bytes.length < start + 4 || bytes[start] != 'M' || bytes[start + 1] != 'S' || bytes[start + 2] != 'H') {
            return null;
        }
        byte separator = bytes[start + 3];
        int field = 1;
        int fieldStart = -1;
        for (int i = start + 3; i < bytes.length && bytes[i] != '\r' && bytes[i] != '\n'; i++) {
            if (bytes[i] == separator) {
                field++;
                if (field == 18) {
                    fieldStart = i + 1;
                } else if (field == 19) {
                    return firstRepetition(new String(bytes, fieldStart, i - fieldStart, StandardCharsets.US_ASCII));
                }
            }
        }
        if (fieldStart < 0) {
            return null;
        }
        int end = fieldStart;
        while (end < bytes.length && bytes[end] != '\r' && bytes[end] != '\n') {
            end++;
        }
        return firstRepetition(new String(bytes, fieldStart, end - fieldStart, StandardCharsets.US_ASCII));
    }

    private static String firstRepetition(String field) {
        int tilde = field.indexOf('~');
        return (tilde >= 0 ? field.substring(0, tilde) : field).strip();
    }
}
