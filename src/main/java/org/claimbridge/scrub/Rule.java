package org.claimbridge.scrub;

import org.springframework.expression.Expression;

/**
 * One rule as loaded from a rule file.
 *
 * @param when      precondition, null for "always"; the rule is skipped where it is false
 * @param condition true when the claim (or the line, see {@code forEach}) breaks the rule
 * @param message   a template: literal text with {@code #{...}} expressions
 * @param forEach   {@link RuleTarget#CLAIM}, or once per charge line / diagnosis
 * @param field     path of the offending field, relative to the line for per-line rules
 * @param edit      for a table-driven rule, the edit that finds the lines (then {@code condition} is null and
 *                  {@code when} is a claim-level precondition); null for an expression rule
 */
record Rule(String id, String description, Severity severity, RuleScope scope, RuleTarget forEach,
            Expression when, Expression condition, Expression message, String fix, String field, String file,
            int line, Edit edit) {
}
