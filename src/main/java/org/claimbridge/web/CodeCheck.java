package org.claimbridge.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.claimbridge.codes.Code;
import org.claimbridge.codes.CodeFormats;
import org.claimbridge.codes.CodeSet;
import org.claimbridge.codes.CodeSets;
import org.springframework.stereotype.Component;

/**
 * Whether a code a coder types is one a claim can carry on its date of service: the shape first, then the loaded
 * code set (exists, billable, valid on the date). The encounter page asks while the coder types, and its save asks
 * again, so what the page says and what the save refuses never disagree. CPT is checked by shape only: its code set
 * is AMA-licensed and not loaded. A set that is not loaded at all is checked by shape, as the scrub rules do.
 */
@Component
class CodeCheck {

    /** What a field holds. PROCEDURE is a charge line's code: CPT or HCPCS Level II, told apart by shape. */
    enum Kind {
        ICD10CM, HCPCS, CPT, PROCEDURE, MODIFIER, POS
    }

    /** Why a code is refused. */
    enum Problem {
        REQUIRED, FORMAT, UNKNOWN, NOT_BILLABLE, NOT_VALID_ON_DATE
    }

    /**
     * The answer for one code.
     *
     * @param code        as it will be stored: trimmed, upper case
     * @param on          the date of service it was checked for, null when the line has none
     * @param problem     null when valid
     * @param message     why it is refused, or what it is when valid
     * @param display     the code as a coder writes it (E11.9), null when unknown
     * @param description the code set's description, null when unknown or not loaded
     */
    record Verdict(Kind set, String code, LocalDate on, boolean valid, Problem problem, String message,
                   String display, String description) {
    }

    private final CodeSets codes;

    CodeCheck(CodeSets codes) {
        this.codes = codes;
    }

    Verdict check(Kind kind, String typed, LocalDate on) {
        String code = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            return refused(kind, code, on, Problem.REQUIRED, "a code is required");
        }
        return switch (kind) {
            case ICD10CM -> icd10cm(code, on);
            case CPT -> CodeFormats.isCpt(code) ? shapeOnly(kind, code, on, "CPT is checked by format only")
                    : refused(kind, code, on, Problem.FORMAT, "'" + code + "' is not a CPT code: five digits, or"
                            + " four digits and F, T, U or M");
            case HCPCS -> CodeFormats.isHcpcsLevelII(code) ? inSet(kind, CodeSet.HCPCS, "HCPCS", code, on)
                    : refused(kind, code, on, Problem.FORMAT, "'" + code + "' is not a HCPCS Level II code: a letter"
                            + " and four digits");
            case PROCEDURE -> CodeFormats.isCpt(code) ? shapeOnly(kind, code, on, "CPT is checked by format only")
                    : CodeFormats.isHcpcsLevelII(code) ? inSet(kind, CodeSet.HCPCS, "HCPCS", code, on)
                    : refused(kind, code, on, Problem.FORMAT, "'" + code + "' is not a CPT or HCPCS code: five"
                            + " digits, four digits and F, T, U or M, or a letter and four digits");
            case MODIFIER -> CodeFormats.isModifier(code) ? inSet(kind, CodeSet.MODIFIER, "modifier", code, on)
                    : refused(kind, code, on, Problem.FORMAT, "'" + code + "' is not a modifier: two letters or"
                            + " digits");
            case POS -> CodeFormats.isPlaceOfService(code)
                    ? inSet(kind, CodeSet.POS, "place of service", code, on)
                    : refused(kind, code, on, Problem.FORMAT, "'" + code + "' is not a place of service code: two"
                            + " digits");
        };
    }

    private Verdict icd10cm(String code, LocalDate on) {
        if (!CodeFormats.isIcd10cm(code)) {
            return refused(Kind.ICD10CM, code, on, Problem.FORMAT, "'" + code + "' is not an ICD-10-CM code: a"
                    + " letter, a digit, a letter or digit, then up to four more after an optional dot (E11.9)");
        }
        Verdict found = inSet(Kind.ICD10CM, CodeSet.ICD10CM, "ICD-10-CM", code, on);
        if (!found.valid() || !codes.isLoaded(CodeSet.ICD10CM)) {
            return found;
        }
        Code entry = (on == null ? codes.icd10cm(code) : codes.icd10cm(code, on)).orElseThrow();
        if (!entry.billable()) {
            return new Verdict(Kind.ICD10CM, code, on, false, Problem.NOT_BILLABLE, entry.display() + " ("
                    + entry.shortDescription() + ") is a category, not billable: code it to a leaf under it",
                    entry.display(), entry.description());
        }
        return found;
    }

    /** Looks a well-formed code up in its set: known, and valid on the date when there is one. */
    private Verdict inSet(Kind kind, CodeSet set, String name, String code, LocalDate on) {
        if (!codes.isLoaded(set)) {
            return shapeOnly(kind, code, on, "well formed; the " + name + " code set is not loaded");
        }
        Optional<Code> latest = codes.latest(set, code);
        if (latest.isEmpty()) {
            return refused(kind, code, on, Problem.UNKNOWN, code + " is not in the loaded " + name + " code set");
        }
        Optional<Code> valid = on == null ? latest : codes.find(set, code, on);
        if (valid.isEmpty()) {
            Code first = codes.history(set, code).get(0);
            return new Verdict(kind, code, on, false, Problem.NOT_VALID_ON_DATE, latest.get().display()
                    + " is not valid on the date of service " + on + " (" + span(first, latest.get()) + ")",
                    latest.get().display(), latest.get().description());
        }
        Code entry = valid.get();
        return new Verdict(kind, code, on, true, null, entry.display() + ": " + entry.description(),
                entry.display(), entry.description());
    }

    private static String span(Code first, Code latest) {
        return "valid from " + first.effectiveFrom()
                + (latest.effectiveTo() == null ? "" : " to " + latest.effectiveTo());
    }

    private static Verdict shapeOnly(Kind kind, String code, LocalDate on, String message) {
        return new Verdict(kind, code, on, true, null, message, code, null);
    }

    private static Verdict refused(Kind kind, String code, LocalDate on, Problem problem, String message) {
        return new Verdict(kind, code, on, false, problem, message, null, null);
    }
}
