package org.claimbridge.scrub;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import org.claimbridge.codes.CodeSet;

/**
 * The code-set look-ups rule expressions call as helpers ({@code #icd10Billable(code, date)}...). Every method is a
 * helper by its own name. In the application they go to {@link org.claimbridge.codes.CodeSets}, which remembers
 * each code after its first look-up, so a scrub does not query the database per claim; when rule files are
 * validated on load they go to {@link #NONE}, where no set is loaded. A null code or date is never valid.
 */
interface CodeLookup {

    /** Nothing loaded: what load-time validation evaluates against, and what unit tests get by default. */
    CodeLookup NONE = new CodeLookup() {
        @Override
        public boolean loaded(CodeSet set) {
            return false;
        }

        @Override
        public boolean icd10Exists(String code) {
            return false;
        }

        @Override
        public boolean icd10ValidOn(String code, LocalDate date) {
            return false;
        }

        @Override
        public boolean icd10Billable(String code, LocalDate date) {
            return false;
        }

        @Override
        public boolean hcpcsValidOn(String code, LocalDate date) {
            return false;
        }

        @Override
        public boolean modifierValidOn(String code, LocalDate date) {
            return false;
        }

        @Override
        public boolean posValidOn(String code, LocalDate date) {
            return false;
        }
    };

    /**
     * Whether any version of a set ({@code ICD10CM}, {@code HCPCS}, {@code POS}, {@code MODIFIER}...) is loaded: rules
     * that need a set check this first and skip rather than flag every code when it is not. An unknown name is an
     * error, so a misspelt set fails the rule file's load instead of silently skipping.
     */
    default boolean codeSetLoaded(String set) {
        CodeSet named;
        try {
            named = CodeSet.valueOf(set == null ? "" : set.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no code set '" + set + "'; known: "
                    + Arrays.toString(CodeSet.values()));
        }
        return loaded(named);
    }

    boolean loaded(CodeSet set);

    /** An ICD-10-CM code any loaded version knows, header or leaf, whatever the date. */
    boolean icd10Exists(String code);

    /** An ICD-10-CM code (header or leaf) in the version valid on the date of service. */
    boolean icd10ValidOn(String code, LocalDate date);

    /** An ICD-10-CM code valid on the date of service that is a leaf, so it may go on a claim. */
    boolean icd10Billable(String code, LocalDate date);

    boolean hcpcsValidOn(String code, LocalDate date);

    boolean modifierValidOn(String code, LocalDate date);

    boolean posValidOn(String code, LocalDate date);
}
