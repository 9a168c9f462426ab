package org.claimbridge.practice;

/**
 * The billing company as the sender of claim files: ISA05/ISA06, GS02 and loop 1000A (NM1*41, PER).
 *
 * @param idQualifier     ISA05, e.g. ZZ (mutually defined)
 * @param id              ISA06 and 1000A NM109, as the receivers know the billing company
 * @param applicationCode GS02
 * @param contactEmail    empty when none is given, like the other contact fields
 */
public record Submitter(String name, String idQualifier, String id, String applicationCode, String contactName,
                        String contactPhone, String contactEmail) {
}
