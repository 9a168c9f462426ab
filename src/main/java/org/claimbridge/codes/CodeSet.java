package org.claimbridge.codes;

/** The code sets claimbridge can load and check against. */
public enum CodeSet {
    ICD10CM, ICD10PCS, HCPCS, POS, MODIFIER,
    /** Claim adjustment reason codes (835 CAS). */
    CARC,
    /** Remittance advice remark codes (835 LQ*HE, MOA, MIA). */
    RARC;

    /** ICD-10 codes are stored and looked up without their dot, so "E11.9" and "E119" are the same code. */
    String normalize(String code) {
        if (code == null) {
            return "";
        }
        String upper = code.strip().toUpperCase(java.util.Locale.ROOT);
        return this == ICD10CM || this == ICD10PCS ? upper.replace(".", "") : upper;
    }
}
