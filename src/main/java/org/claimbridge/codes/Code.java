package org.claimbridge.codes;

import java.time.LocalDate;

/**
 * One version of a code as a load supplied it.
 *
 * @param code          upper case; ICD-10 codes without the dot (see {@link #display()})
 * @param billable      for ICD-10: a leaf that may go on a claim, not a category header; other sets: always true
 * @param effectiveTo   last valid date of service, or null while no later load has replaced it
 * @param loadId        the {@code code_load} row it came from
 */
public record Code(CodeSet set, String code, boolean billable, String shortDescription, String description,
                   LocalDate effectiveFrom, LocalDate effectiveTo, long loadId) {

    public boolean validOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** The code as a coder writes it: ICD-10-CM with its dot after the third character. */
    public String display() {
        return set == CodeSet.ICD10CM && code.length() > 3 ? code.substring(0, 3) + "." + code.substring(3) : code;
    }
}
