package org.claimbridge.practice;

/**
 * A practice claimbridge bills for, known by the MSH-4 of its feed.
 *
 * @param configured false for a sender seen on a feed but not set up: its encounters are held
 */
public record Practice(long id, String sendingFacility, String name, PracticeKind kind, boolean configured,
                       String billingNpi, String tin, String taxonomy, String addressLine, String city, String state,
                       String postalCode) {
}
