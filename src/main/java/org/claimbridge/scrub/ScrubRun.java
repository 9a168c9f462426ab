package org.claimbridge.scrub;

import java.time.LocalDate;

/** What one scrub run judges by: the rule set active when it started, the day, and who to name as the actor. */
record ScrubRun(RuleSet ruleSet, LocalDate today, String actor) {
}
