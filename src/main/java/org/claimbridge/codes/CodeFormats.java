package org.claimbridge.codes;

import java.util.regex.Pattern;

/**
 * Shape checks that need no loaded code set, so a rule can flag a malformed code even before anyone loads the
 * CMS files. Null and blank values are not well-formed.
 */
public final class CodeFormats {

    // letter, digit, letter-or-digit (C4A, M1A, Z3A), then up to four more; the dot, when present, comes after the
    // third character and must be followed by something
    private static final Pattern ICD10CM = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?");
    // Category I is five digits; Category II ends in F, Category III in T, PLA codes in U, MAAA codes in M
    private static final Pattern CPT = Pattern.compile("[0-9]{5}|[0-9]{4}[FTUM]");
    private static final Pattern HCPCS_LEVEL_II = Pattern.compile("[A-Z][0-9]{4}");
    private static final Pattern MODIFIER = Pattern.compile("[0-9A-Z]{2}");
    private static final Pattern POS = Pattern.compile("[0-9]{2}");

    private CodeFormats() {
    }

    public static boolean isIcd10cm(String code) {
        return matches(ICD10CM, code);
    }

    public static boolean isCpt(String code) {
        return matches(CPT, code);
    }

    public static boolean isHcpcsLevelII(String code) {
        return matches(HCPCS_LEVEL_II, code);
    }

    /** A procedure code a professional or institutional claim line can carry: CPT or HCPCS Level II. */
    public static boolean isProcedure(String code) {
        return isCpt(code) || isHcpcsLevelII(code);
    }

    public static boolean isModifier(String code) {
        return matches(MODIFIER, code);
    }

    public static boolean isPlaceOfService(String code) {
        return matches(POS, code);
    }

    // upper case only: payers reject lower-case codes, so "e11.9" is a finding, not a spelling to forgive
    private static boolean matches(Pattern pattern, String code) {
        return code != null && pattern.matcher(code).matches();
    }
}
