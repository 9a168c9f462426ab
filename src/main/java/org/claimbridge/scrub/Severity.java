package org.claimbridge.scrub;

import java.util.Locale;

/** How much a finding holds a claim back. Written in lower case in rule files. */
public enum Severity {
    /** Blocks the claim. */
    ERROR,
    /** Needs a coder's look or an override. */
    WARNING,
    INFO;

    static Severity parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
