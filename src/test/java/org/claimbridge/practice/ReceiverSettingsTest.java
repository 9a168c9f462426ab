package org.claimbridge.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.claimbridge.practice.ClaimSubmissionProperties.DelimiterSettings;
import org.claimbridge.practice.ClaimSubmissionProperties.PayerSettings;
import org.claimbridge.practice.ClaimSubmissionProperties.ReceiverSettings;
import org.claimbridge.practice.ClaimSubmissionProperties.SubmitterSettings;
import org.junit.jupiter.api.Test;

class ReceiverSettingsTest {

    private static final SubmitterSettings SUBMITTER = new SubmitterSettings("Claimbridge Billing Services", "ZZ",
            "CLAIMBRIDGE", "CLAIMBRIDGE", "Billing Desk", "2175550100", "");
    private static final DelimiterSettings STANDARD = new DelimiterSettings("~", "*", ":", "^");

    private static ReceiverSettings receiver(String id, List<String> payers) {
        return new ReceiverSettings(id, id + " Inc", "ZZ", "030240928", "030240928", "030240928", "T", STANDARD,
                payers);
    }

    private static ClaimReceivers receivers(SubmitterSettings submitter, List<ReceiverSettings> receivers,
                                            List<PayerSettings> payers) {
        return new ClaimReceivers(new ClaimSubmissionProperties(submitter, receivers, payers));
    }

    private static String problemsOf(SubmitterSettings submitter, List<ReceiverSettings> receivers,
                                     List<PayerSettings> payers) {
        try {
            receivers(submitter, receivers, payers);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }

    private static String problemsOf(ReceiverSettings... receivers) {
        return problemsOf(SUBMITTER, List.of(receivers), List.of());
    }

    @Test
    void routesAPayerToTheReceiverListingItElseToTheOneForEveryPayer() {
        ClaimReceivers claims = receivers(SUBMITTER, List.of(receiver("AVAILITY", List.of("*")),
                new ReceiverSettings("MEDICARE", null, "ZZ", "06102", null, null, "P",
                        new DelimiterSettings("~", "|", ">", "^"), List.of("06102"))), List.of());

        Receiver medicare = claims.forPayer("06102");
        assertThat(medicare.id()).isEqualTo("MEDICARE");
        assertThat(medicare.usage()).isEqualTo('P');
        assertThat(medicare.delimiters()).isEqualTo(new Delimiters('~', '|', '>', '^'));
        assertThat(medicare.name()).as("defaults to the id").isEqualTo("MEDICARE");
        assertThat(medicare.applicationCode()).as("defaults to the interchange id").isEqualTo("06102");
        assertThat(medicare.nm1Id()).isEqualTo("06102");
        assertThat(claims.forPayer("62308").id()).isEqualTo("AVAILITY");
        assertThat(claims.all()).extracting(Receiver::id).containsExactly("AVAILITY", "MEDICARE");
        assertThat(claims.submitter().id()).isEqualTo("CLAIMBRIDGE");
    }

    @Test
    void aPayerNoReceiverTakesIsAnErrorNamingThePayer() {
        ClaimReceivers claims = receivers(SUBMITTER, List.of(receiver("MEDICARE", List.of("06102"))), List.of());

        assertThatThrownBy(() -> claims.forPayer("62308")).isInstanceOf(NoReceiverException.class)
                .hasMessageStartingWith("No claim receiver for payer 62308")
                .extracting(e -> ((NoReceiverException) e).payerId()).isEqualTo("62308");
        assertThatThrownBy(() -> claims.forPayer(null)).isInstanceOf(NoReceiverException.class)
                .hasMessage("No claim receiver for a claim without a payer id");
    }

    @Test
    void theFilingIndicatorIsTheConfiguredOneElseCommercial() {
        ClaimReceivers claims = receivers(SUBMITTER, List.of(receiver("AVAILITY", List.of("*"))),
                List.of(new PayerSettings("06102", "MB"), new PayerSettings("00621", "BL")));

        assertThat(claims.filingIndicator("06102")).isEqualTo("MB");
        assertThat(claims.filingIndicator("00621")).isEqualTo("BL");
        assertThat(claims.filingIndicator("99999")).isEqualTo("CI");
        assertThat(claims.filingIndicator(null)).isEqualTo("CI");
    }

    @Test
    void withNoReceiversATestReceiverForEveryPayerAndADefaultSubmitterAreUsed() {
        ClaimReceivers claims = receivers(null, List.of(), List.of());

        assertThat(claims.all()).containsExactly(new Receiver("CLEARINGHOUSE", "Clearinghouse", "ZZ",
                "CLEARINGHOUSE", "CLEARINGHOUSE", "CLEARINGHOUSE", 'T', Delimiters.STANDARD, List.of("*")));
        assertThat(claims.forPayer("06102").id()).isEqualTo("CLEARINGHOUSE");
        assertThat(claims.submitter().name()).isEqualTo("claimbridge");
        assertThat(claims.submitter().id()).isEqualTo("CLAIMBRIDGE");
    }

    @Test
    void configuredReceiversNeedASubmitter() {
        assertThat(problemsOf(null, List.of(receiver("AVAILITY", List.of("*"))), List.of()))
                .contains("claimbridge.claims.submitter: is required with receivers");
    }

    @Test
    void interchangeIdsAreOneToFifteenCharactersAndQualifiersFromTheCodeList() {
        String problems = problemsOf(new SubmitterSettings("Billing", "Z", "A-SUBMITTER-ID-TOO-LONG", "APP", "", "",
                ""), List.of(new ReceiverSettings("AVAILITY", "Availity", "XX", "", "030240928", "030240928", "T",
                STANDARD, List.of("*"))), List.of());

        assertThat(problems)
                .contains("claimbridge.claims.submitter.id-qualifier 'Z': not an interchange id qualifier; one of"
                        + " [01, 14, 20, 27, 28, 29, 30, 33, ZZ]")
                .contains("claimbridge.claims.submitter.id 'A-SUBMITTER-ID-TOO-LONG': must be 1 to 15 characters")
                .contains("claimbridge.claims.receivers[0].id-qualifier 'XX'")
                .contains("claimbridge.claims.receivers[0].interchange-id '': must be 1 to 15 characters");
    }

    @Test
    void usageIsTestOrProduction() {
        assertThat(problemsOf(new ReceiverSettings("AVAILITY", null, "ZZ", "030240928", null, null, "X", STANDARD,
                List.of("*")))).contains("claimbridge.claims.receivers[0].usage 'X': T (test) or P (production)");
    }

    @Test
    void delimitersAreSingleDistinctCharactersThatCannotBeData() {
        String problems = problemsOf(
                new ReceiverSettings("A", null, "ZZ", "030240928", null, null, "T",
                        new DelimiterSettings("~~", "E", " ", "^"), List.of("1")),
                new ReceiverSettings("B", null, "ZZ", "030240928", null, null, "T",
                        new DelimiterSettings("~", "*", "*", "^"), List.of("2")));

        assertThat(problems)
                .contains("claimbridge.claims.receivers[0].delimiters.segment '~~': must be a single character")
                .contains("claimbridge.claims.receivers[0].delimiters.element 'E': a letter, digit or space would"
                        + " be read as data")
                .contains("claimbridge.claims.receivers[0].delimiters.component ' ': a letter, digit or space")
                .contains("claimbridge.claims.receivers[1].delimiters: segment '~', element '*', component '*'"
                        + " and repetition '^' must all differ");
    }

    @Test
    void aValueHoldingADelimiterIsRefused() {
        assertThat(problemsOf(new ReceiverSettings("AVAILITY", "Availity*Inc", "ZZ", "030240928", null, null, "T",
                STANDARD, List.of("*"))))
                .contains("claimbridge.claims.receivers[0].name 'Availity*Inc': contains '*', the element separator"
                        + " of receiver AVAILITY");
    }

    @Test
    void aPayerUnderTwoReceiversOrTwoReceiversForEveryPayerAreRefused() {
        String problems = problemsOf(receiver("AVAILITY", List.of("*", "06102")),
                receiver("MEDICARE", List.of("06102")), receiver("OTHER", List.of("*")));

        assertThat(problems)
                .contains("claimbridge.claims.receivers: payer 06102 is listed under both AVAILITY and MEDICARE")
                .contains("claimbridge.claims.receivers: both AVAILITY and OTHER take every payer (\"*\"); only one"
                        + " may");
    }

    @Test
    void receiverIdsMustBeUsableInFileNamesAndUnique() {
        String problems = problemsOf(receiver("AVAILITY/TEST", List.of("1")), receiver("Medicare", List.of("2")),
                receiver("MEDICARE", List.of("3")), receiver("A-VERY-LONG-RECEIVER-ID", List.of("4")));

        assertThat(problems)
                .contains("claimbridge.claims.receivers[0].id 'AVAILITY/TEST': 1 to 20 letters, digits, _ or -")
                .contains("claimbridge.claims.receivers[3].id 'A-VERY-LONG-RECEIVER-ID'")
                .contains("claimbridge.claims.receivers: id MEDICARE is used twice");
    }

    @Test
    void aReceiverWithoutPayersIsRefused() {
        assertThat(problemsOf(receiver("AVAILITY", List.of())))
                .contains("claimbridge.claims.receivers[0].payers: none listed");
    }

    @Test
    void filingIndicatorsComeFromTheSbr09CodeList() {
        String problems = problemsOf(SUBMITTER, List.of(receiver("AVAILITY", List.of("*"))),
                List.of(new PayerSettings("06102", "MR"), new PayerSettings("00621", "BL"),
                        new PayerSettings("00621", "CI"), new PayerSettings("", "CI")));

        assertThat(problems)
                .contains("claimbridge.claims.payers[0].filing-indicator 'MR' (payer 06102): not an SBR09 claim"
                        + " filing indicator code; one of [11, 12, 13, 14, 15, 16, 17, AM, BL, CH, CI, DS, FI, HM,"
                        + " LM, MA, MB, MC, OF, TV, VA, WC, ZZ]")
                .contains("claimbridge.claims.payers[2].id: payer 00621 is configured twice")
                .contains("claimbridge.claims.payers[3].id: is empty");
    }
}
