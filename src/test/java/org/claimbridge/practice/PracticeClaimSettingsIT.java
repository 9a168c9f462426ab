package org.claimbridge.practice;

import static org.assertj.core.api.Assertions.assertThat;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the claims feature reads from the test profile: pay-to addresses, submitter, receivers, filing indicators. */
@IntegrationTest
class PracticeClaimSettingsIT {

    @Autowired
    PracticeDirectory practices;

    @Autowired
    ClaimReceivers receivers;

    @Test
    void aPayToAddressIsStoredWithThePractice() {
        assertThat(practices.find("HOSPOP")).hasValueSatisfying(p -> {
            assertThat(p.hasPayToAddress()).isTrue();
            assertThat(p.payToAddressLine()).isEqualTo("PO Box 900");
            assertThat(p.payToCity()).isEqualTo("Springfield");
            assertThat(p.payToState()).isEqualTo("IL");
            assertThat(p.payToPostalCode()).isEqualTo("627050900");
        });
        assertThat(practices.find("FAMPRAC")).hasValueSatisfying(p -> {
            assertThat(p.hasPayToAddress()).isFalse();
            assertThat(p.payToCity()).isNull();
        });
    }

    @Test
    void medicarePartBGoesToItsOwnReceiverAndEveryOtherPayerToTheClearinghouse() {
        Receiver medicare = receivers.forPayer("06102");
        assertThat(medicare.id()).isEqualTo("MEDICARE");
        assertThat(medicare.usage()).isEqualTo('P');
        assertThat(medicare.delimiters()).isEqualTo(new Delimiters('~', '|', '>', '^'));

        Receiver availity = receivers.forPayer("62308");
        assertThat(availity.id()).isEqualTo("AVAILITY");
        assertThat(availity.interchangeId()).isEqualTo("030240928");
        assertThat(availity.usage()).isEqualTo('T');
        assertThat(availity.delimiters()).isEqualTo(Delimiters.STANDARD);
        assertThat(receivers.forPayer("NEVERSEEN").id()).isEqualTo("AVAILITY");
        assertThat(receivers.all()).extracting(Receiver::id).containsExactly("AVAILITY", "MEDICARE");
    }

    @Test
    void filingIndicatorsAsConfiguredElseCommercial() {
        assertThat(receivers.filingIndicator("06102")).isEqualTo("MB");
        assertThat(receivers.filingIndicator("00621")).isEqualTo("BL");
        assertThat(receivers.filingIndicator("62308")).isEqualTo("CI");
        assertThat(receivers.filingIndicator("NEVERSEEN")).isEqualTo("CI");
    }

    @Test
    void theSubmitterIsTheBillingCompany() {
        assertThat(receivers.submitter()).isEqualTo(new Submitter("Claimbridge Billing Services", "ZZ",
                "CLAIMBRIDGE", "CLAIMBRIDGE", "Billing Desk", "2175550100", ""));
    }
}
