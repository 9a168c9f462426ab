package org.claimbridge.practice;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where claim files go and how they are addressed ({@code claimbridge.claims.*}): the submitter, the receivers and
 * per-payer claim settings. Bound as text and checked by {@link ClaimReceivers}, so that a wrong value is reported
 * with the rule it breaks rather than as a conversion failure.
 */
@ConfigurationProperties("claimbridge.claims")
record ClaimSubmissionProperties(SubmitterSettings submitter, List<ReceiverSettings> receivers,
                                 List<PayerSettings> payers) {

    ClaimSubmissionProperties {
        receivers = receivers == null ? List.of() : List.copyOf(receivers);
        payers = payers == null ? List.of() : List.copyOf(payers);
    }

    /**
     * @param applicationCode GS02; defaults to {@code id}
     */
    record SubmitterSettings(String name, @DefaultValue("ZZ") String idQualifier, String id, String applicationCode,
                             @DefaultValue("") String contactName, @DefaultValue("") String contactPhone,
                             @DefaultValue("") String contactEmail) {
    }

    /**
     * @param name            defaults to {@code id}
     * @param applicationCode GS03; defaults to {@code interchangeId}
     * @param nm1Id           1000B NM109; defaults to {@code interchangeId}
     * @param usage           ISA15; test unless set to P, so that a forgotten setting cannot send test claims as
     *                        real ones
     */
    record ReceiverSettings(String id, String name, @DefaultValue("ZZ") String idQualifier, String interchangeId,
                            String applicationCode, String nm1Id, @DefaultValue("T") String usage,
                            @DefaultValue DelimiterSettings delimiters, List<String> payers) {
    }

    record DelimiterSettings(@DefaultValue("~") String segment, @DefaultValue("*") String element,
                             @DefaultValue(":") String component, @DefaultValue("^") String repetition) {
    }

    /**
     * @param filingIndicator SBR09 claim filing indicator code
     */
    record PayerSettings(String id, String filingIndicator) {
    }
}
