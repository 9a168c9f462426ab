package org.claimbridge.practice;

/**
 * A practice claimbridge bills for, known by the MSH-4 of its feed.
 *
 * @param configured       false for a sender seen on a feed but not set up: its encounters are held
 * @param payToAddressLine where payment goes when that is not the billing address (837 loop 2010AB); null, like
 *                         the other pay-to fields, when payment goes to the billing address
 * @param serviceFacility  where services are performed when not at the billing address, else null
 */
public record Practice(long id, String sendingFacility, String name, PracticeKind kind, boolean configured,
                       String billingNpi, String tin, String taxonomy, String addressLine, String city, String state,
                       String postalCode, String payToAddressLine, String payToCity, String payToState,
                       String payToPostalCode, ServiceFacility serviceFacility) {

    /** Whether a pay-to address is set up; start-up accepts it only complete, so one field stands for all four. */
    public boolean hasPayToAddress() {
        return payToAddressLine != null;
    }
}
