package org.claimbridge.practice;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The practices a billing company has set up ({@code claimbridge.practices}) and how feeds from anyone else are
 * treated ({@code claimbridge.practice.*}).
 */
@ConfigurationProperties("claimbridge")
record PracticeProperties(List<Configured> practices, @DefaultValue Senders practice) {

    PracticeProperties {
        practices = practices == null ? List.of() : List.copyOf(practices);
    }

    /**
     * One practice as a billing company writes it down.
     *
     * @param payToAddressLine where payment goes when not to the billing address; with the other three pay-to
     *                         fields, or none of them
     * @param chargemaster     the practice's chargemaster CSV, relative to the working directory; none keeps the
     *                         items loaded before
     * @param serviceFacility  where services are performed when not at the billing address (all six fields)
     */
    record Configured(String sendingFacility, String name, @DefaultValue("PROFESSIONAL") PracticeKind kind,
                      String billingNpi, String tin, String taxonomy, String addressLine, String city,
                      String state, String postalCode, String payToAddressLine, String payToCity,
                      String payToState, String payToPostalCode, Path chargemaster,
                      ServiceFacility serviceFacility) {
    }

    /**
     * @param rejectUnknownSenders answer messages from an MSH-4 that is not configured with AR instead of storing
     *                             them and holding their encounters
     */
    record Senders(@DefaultValue("false") boolean rejectUnknownSenders) {
    }
}
