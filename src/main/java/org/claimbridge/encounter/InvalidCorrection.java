package org.claimbridge.encounter;

import java.util.List;

/** A correction whose values are not acceptable: a blank reason, a malformed code, a pointer to no diagnosis... */
public final class InvalidCorrection extends CorrectionRefused {

    InvalidCorrection(List<Problem> problems) {
        super(problems);
    }
}
