package org.claimbridge.practice;

/**
 * Where a practice's services are performed when that is not its billing address: the 837's service facility
 * (837P loop 2310C, 837I 2310E).
 *
 * @param postalCode ZIP+4, nine digits, as the guides require for the service facility
 */
public record ServiceFacility(String name, String npi, String addressLine, String city, String state,
                              String postalCode) {
}
