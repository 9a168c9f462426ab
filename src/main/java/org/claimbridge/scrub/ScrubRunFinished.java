package org.claimbridge.scrub;

/**
 * A scrub run completed: encounters may have become ready for claims. Published after the run, outside any
 * transaction; listeners only start their own work from it.
 */
public record ScrubRunFinished(long jobExecutionId) {
}
