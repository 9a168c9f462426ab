package org.claimbridge.practice;

/** Which claim a practice's encounters become. */
public enum PracticeKind {
    /** Physician and clinic services: 837P. */
    PROFESSIONAL,
    /** Hospital and facility services: 837I. */
    INSTITUTIONAL
}
