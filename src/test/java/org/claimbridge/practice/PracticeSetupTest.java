package org.claimbridge.practice;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PracticeSetupTest {

    private static PracticeProperties.Configured practice(String sender, String payToLine, String payToCity,
                                                          String payToState, String payToPostal) {
        return new PracticeProperties.Configured(sender, "Clinic " + sender, PracticeKind.PROFESSIONAL,
                "1234567893", "12-3456789", "207Q00000X", "1 Main St", "Springfield", "IL", "62701", payToLine,
                payToCity, payToState, payToPostal, null, null);
    }

    @Test
    void aPayToAddressIsAllFourFieldsOrNone() {
        assertThatCode(() -> PracticeSetup.check(List.of(practice("A", null, null, null, null),
                practice("B", "PO Box 1", "Springfield", "IL", "627010001")))).doesNotThrowAnyException();

        assertThatThrownBy(() -> PracticeSetup.check(List.of(practice("A", null, null, null, null),
                practice("B", "PO Box 1", "Springfield", null, "627010001"))))
                .hasMessage("claimbridge.practices[1] (B): a pay-to address needs pay-to-address-line, pay-to-city,"
                        + " pay-to-state and pay-to-postal-code, or none of them");
    }

    @Test
    void aServiceFacilityIsWholeWithATenDigitNpiAndAZipPlusFour() {
        PracticeProperties.Configured base = practice("A", null, null, null, null);
        assertThatCode(() -> PracticeSetup.check(List.of(withFacility(base, new ServiceFacility("West Clinic",
                "1144221847", "800 West Ave", "Springfield", "IL", "62704-9876"))))).doesNotThrowAnyException();

        assertThatThrownBy(() -> PracticeSetup.check(List.of(withFacility(base, new ServiceFacility("West Clinic",
                "1144221847", "800 West Ave", "Springfield", "IL", "62704")))))
                .hasMessage("claimbridge.practices[0].service-facility (A): postal-code '62704' must be the nine"
                        + " digits of ZIP+4");
        assertThatThrownBy(() -> PracticeSetup.check(List.of(withFacility(base, new ServiceFacility("West Clinic",
                null, "800 West Ave", "Springfield", "IL", "627049876")))))
                .hasMessageContaining("needs name, npi, address-line, city, state and postal-code");
    }

    private static PracticeProperties.Configured withFacility(PracticeProperties.Configured p, ServiceFacility f) {
        return new PracticeProperties.Configured(p.sendingFacility(), p.name(), p.kind(), p.billingNpi(), p.tin(),
                p.taxonomy(), p.addressLine(), p.city(), p.state(), p.postalCode(), null, null, null, null, null, f);
    }

    @Test
    void aSenderConfiguredTwiceIsRefused() {
        assertThatThrownBy(() -> PracticeSetup.check(List.of(practice("A", null, null, null, null),
                practice("A", null, null, null, null))))
                .hasMessage("claimbridge.practices: sending-facility A is configured twice");
    }
}
