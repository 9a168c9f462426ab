package org.claimbridge.claim;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/** Values in the form the 837 guides want them: plain upper-case text, codes without dots, X12 numbers and dates. */
final class X12Text {

    static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private X12Text() {
    }

    private static boolean ascii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Names and addresses: accents dropped (the X12 character sets have none), upper case, and anything but letters,
     * digits and a few punctuation marks turned into a space, so no delimiter can slip into the data.
     */
    static String text(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        // most names are plain ASCII already: only others are decomposed and stripped of their accents
        String plain = (ascii(value) ? value : MARKS.matcher(Normalizer.normalize(value, Normalizer.Form.NFD))
                .replaceAll("")).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(plain.length());
        boolean space = true;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            boolean keep = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '&' || c == '\'' || c == ','
                    || c == '-' || c == '.' || c == '/' || c == '#';
            if (keep) {
                out.append(c);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        String result = out.toString().trim();
        if (result.length() > maxLength) {
            result = result.substring(0, maxLength).trim();
        }
        return result.isEmpty() ? null : result;
    }

    /** Identifiers (member ids, claim numbers): kept as sent but for characters that could be delimiters. */
    static String id(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '.' || c == '/') {
                out.append(c);
            }
        }
        String result = out.length() > maxLength ? out.substring(0, maxLength) : out.toString();
        return result.isEmpty() ? null : result.toUpperCase(Locale.ROOT);
    }

    /** ICD-10 codes go into HI without their dot. */
    static String code(String value) {
        return value == null ? null : value.replace(".", "").trim().toUpperCase(Locale.ROOT);
    }

    static String digits(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** X12 R: no trailing zeros, no exponent. */
    static String number(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }
}
