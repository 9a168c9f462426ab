package org.claimbridge.scrub;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.claimbridge.codes.CodeFormats;

/**
 * The helpers rule expressions call as {@code #name(...)}. Pure functions of their arguments; a null argument is
 * "not valid" (or "blank"), never an exception, so a rule reads the same whether a field is missing or wrong.
 */
public final class RuleFunctions {

    private static final Pattern TIN = Pattern.compile("\\d{2}-?\\d{7}");
    // NUCC codes: 3 digits, 6 more letters/digits, then X (the code's own marker)
    private static final Pattern TAXONOMY = Pattern.compile("[0-9]{3}[0-9A-Z]{6}X");
    // narrower than CodeFormats.isCpt / isHcpcsLevelII (no MAAA 'M' codes, HCPCS letters A-V only): rules have
    // flagged by these shapes since they shipped, so the two are reconciled as a rule change, not in passing
    private static final Pattern CPT = Pattern.compile("[0-9]{4}[0-9FTU]");
    private static final Pattern HCPCS = Pattern.compile("[A-V][0-9]{4}");

    /** What the prefix 80840 adds to the Luhn sum: 8 + 0×2 + 8 + 4×2 + 0. */
    private static final int PREFIX_SUM = 24;

    private RuleFunctions() {
    }

    /** NPI check digit: Luhn over the prefix 80840 and the first nine digits must give the tenth. */
    public static boolean npiValid(String npi) {
        // by hand rather than a regex and a concatenated string: every claim checks two or three NPIs
        if (npi == null || npi.length() != 10) {
            return false;
        }
        int sum = PREFIX_SUM;
        for (int i = 8, n = 0; i >= 0; i--, n++) {
            int d = npi.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (n % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        int last = npi.charAt(9) - '0';
        return last >= 0 && last <= 9 && (10 - sum % 10) % 10 == last;
    }

    /** An EIN as nine digits, with or without the dash after the second; all zeros is never issued. */
    public static boolean tinValid(String tin) {
        return tin != null && TIN.matcher(tin).matches() && !tin.replace("-", "").equals("000000000");
    }

    public static boolean taxonomyValid(String taxonomy) {
        return taxonomy != null && TAXONOMY.matcher(taxonomy).matches();
    }

    public static boolean icd10Format(String code) {
        return CodeFormats.isIcd10cm(code);
    }

    public static boolean cptFormat(String code) {
        return code != null && CPT.matcher(code).matches();
    }

    public static boolean hcpcsFormat(String code) {
        return code != null && HCPCS.matcher(code).matches();
    }

    public static boolean modifierFormat(String modifier) {
        return CodeFormats.isModifier(modifier);
    }

    /** A place-of-service code's shape: two digits (CMS POS code set). */
    public static boolean posFormat(String code) {
        return CodeFormats.isPlaceOfService(code);
    }

    /** Days from {@code from} to {@code to} (negative when {@code to} is earlier), null when either is missing. */
    // an Integer, like the payer's filing limit it is compared with: SpEL compiles a comparison of two numbers of one
    // type only, and a Long against an Integer stayed interpreted on every claim
    public static Integer daysBetween(LocalDate from, LocalDate to) {
        return from == null || to == null ? null : Math.toIntExact(ChronoUnit.DAYS.between(from, to));
    }

    /**
     * The line number of an earlier billed line with the same code, modifiers and service date as {@code charge}, or
     * null. A Java helper rather than a selection in the rule: it runs for every line of every claim.
     */
    public static Integer duplicateOf(ClaimContext.Charge charge, List<ClaimContext.Charge> charges) {
        if (charge == null || charges == null || charge.code() == null) {
            return null;
        }
        for (ClaimContext.Charge other : charges) {
            if (other.line() < charge.line() && other.billed() && charge.code().equals(other.code())
                    && Objects.equals(charge.serviceDate(), other.serviceDate())
                    && Objects.equals(charge.modifiers(), other.modifiers())) {
                return other.line();
            }
        }
        return null;
    }

    /** Whether a line that is not a credit has the credit's code and service date (reversed lines count). */
    public static boolean creditMatches(ClaimContext.Charge credit, List<ClaimContext.Charge> charges) {
        if (credit == null || charges == null) {
            return false;
        }
        for (ClaimContext.Charge other : charges) {
            if (!other.credit() && Objects.equals(credit.code(), other.code())
                    && Objects.equals(credit.serviceDate(), other.serviceDate())) {
                return true;
            }
        }
        return false;
    }

    /** Null, an empty or whitespace-only string, or an empty collection. */
    public static boolean blank(Object value) {
        return value == null || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.isEmpty();
    }

    /** Every helper by the name rules call it. */
    static Map<String, Method> all() {
        return Arrays.stream(RuleFunctions.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()))
                .collect(Collectors.toUnmodifiableMap(Method::getName, Function.identity()));
    }
}
