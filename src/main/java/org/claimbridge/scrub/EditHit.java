package org.claimbridge.scrub;

import java.util.Map;

/**
 * One place a table-driven edit finds a problem: the charge line or diagnosis it is reported on (bound to
 * {@code #charge} / {@code #diagnosis} and {@code #line} like a {@code for:} rule), and what else the rule's message
 * may name ({@code #pair}, {@code #other}, {@code #limit}...).
 *
 * @param line 1-based line of the item in {@code charges} or {@code diagnoses}
 */
record EditHit(int line, Object item, Map<String, Object> variables) {
}
