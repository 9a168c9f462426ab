/**
 * Scrubbing encounters before they become claims: rule files from {@code claim-rules/} (data, not code), the
 * encounter model rules read ({@link org.claimbridge.scrub.ClaimContext}), and evaluating rules into findings.
 */
package org.claimbridge.scrub;
