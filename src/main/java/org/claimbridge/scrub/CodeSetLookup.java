package org.claimbridge.scrub;

import java.time.LocalDate;

import org.claimbridge.codes.CodeSet;
import org.claimbridge.codes.CodeSets;

/** The rules' code look-ups answered by the loaded code sets (cached per code by {@link CodeSets}). */
final class CodeSetLookup implements CodeLookup {

    private final CodeSets codeSets;

    CodeSetLookup(CodeSets codeSets) {
        this.codeSets = codeSets;
    }

    @Override
    public boolean loaded(CodeSet set) {
        return codeSets.isLoaded(set);
    }

    @Override
    public boolean icd10Exists(String code) {
        return code != null && codeSets.latest(CodeSet.ICD10CM, code).isPresent();
    }

    @Override
    public boolean icd10ValidOn(String code, LocalDate date) {
        return code != null && date != null && codeSets.validOn(CodeSet.ICD10CM, code, date);
    }

    @Override
    public boolean icd10Billable(String code, LocalDate date) {
        return code != null && date != null && codeSets.isBillable(code, date);
    }

    @Override
    public boolean hcpcsValidOn(String code, LocalDate date) {
        return code != null && date != null && codeSets.validOn(CodeSet.HCPCS, code, date);
    }

    @Override
    public boolean modifierValidOn(String code, LocalDate date) {
        return code != null && date != null && codeSets.validOn(CodeSet.MODIFIER, code, date);
    }

    @Override
    public boolean posValidOn(String code, LocalDate date) {
        return code != null && date != null && codeSets.validOn(CodeSet.POS, code, date);
    }
}
