package org.claimbridge.encounter;

import java.util.List;

/** The encounter, charge or diagnosis a correction names is not on file (or not on that encounter). */
public final class CorrectionTargetNotFound extends CorrectionRefused {

    CorrectionTargetNotFound(Problem problem) {
        super(List.of(problem));
    }
}
