package org.claimbridge.encounter;

import java.util.List;

/**
 * A correction the encounter's state does not allow: it changed since the coder loaded it (another revision), or
 * it is cancelled. Load it again and decide afresh.
 */
public final class CorrectionConflict extends CorrectionRefused {

    CorrectionConflict(Problem problem) {
        super(List.of(problem));
    }
}
