package org.claimbridge.encounter;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A coder's correction that was not made; nothing of it was stored. Each problem names the record (e.g.
 * {@code charge 17}) and the field of the correction form (e.g. {@code modifiers}) it is about, so a page can show
 * it next to the field and an API can answer with it: {@link InvalidCorrection} 400, {@link CorrectionConflict} 409,
 * {@link CorrectionTargetNotFound} 404.
 */
public abstract sealed class CorrectionRefused extends RuntimeException
        permits InvalidCorrection, CorrectionConflict, CorrectionTargetNotFound {

    /**
     * @param record the record concerned, e.g. {@code encounter 5}, {@code charge 17}, {@code diagnosis 9}
     * @param field  the field of the correction it is about, e.g. {@code reason}, {@code modifiers}
     */
    public record Problem(String record, String field, String message) {

        @Override
        public String toString() {
            return record + " " + field + ": " + message;
        }
    }

    private final List<Problem> problems;

    CorrectionRefused(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** What is wrong, at least one problem. */
    public List<Problem> problems() {
        return problems;
    }

    /** The record of the first problem. */
    public String record() {
        return problems.get(0).record();
    }

    /** The field of the first problem. */
    public String field() {
        return problems.get(0).field();
    }
}
