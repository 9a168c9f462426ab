package org.claimbridge.scrub;

/** An encounter whose scrub is missing or out of date, as the job's reader finds it. */
record EncounterToScrub(long id, int revision) {
}
