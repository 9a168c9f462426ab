package org.claimbridge.intake;

/** A reprocess or correction not done, with the form field at fault ({@code reason}, {@code correction}, or
 * {@code message} when the message itself may not be taken through again). */
public class ReprocessRefused extends RuntimeException {

    private final String field;

    ReprocessRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
