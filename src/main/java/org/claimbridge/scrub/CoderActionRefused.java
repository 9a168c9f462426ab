package org.claimbridge.scrub;

/** A coder's action that cannot be done as asked; the message says why, naming the record and field. */
public class CoderActionRefused extends RuntimeException {

    /** What was wrong: the request (a missing reason...), or the record's state (not an open warning...). */
    public enum Kind {
        INVALID, NOT_FOUND, CONFLICT
    }

    private final Kind kind;
    private final String field;

    public CoderActionRefused(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, or null when it is the record's state. */
    public String field() {
        return field;
    }
}
