package org.claimbridge.practice;

/**
 * The separators of an X12 interchange, as a receiver wants them.
 *
 * @param segment    segment terminator
 * @param element    element separator (ISA's fourth character)
 * @param component  component element separator (ISA16)
 * @param repetition repetition separator (ISA11)
 */
public record Delimiters(char segment, char element, char component, char repetition) {

    /** The usual ones: {@code ~ * : ^}. */
    public static final Delimiters STANDARD = new Delimiters('~', '*', ':', '^');
}
