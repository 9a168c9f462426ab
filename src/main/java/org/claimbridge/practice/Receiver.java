package org.claimbridge.practice;

import java.util.List;

/**
 * A clearinghouse (or payer) claim files are sent to, with the envelope it expects.
 *
 * @param id              our short name for it, also used in file names: {@code [A-Za-z0-9_-]{1,20}}
 * @param idQualifier     ISA07
 * @param interchangeId   ISA08
 * @param applicationCode GS03
 * @param nm1Id           loop 1000B NM109
 * @param usage           ISA15: {@code T} test, {@code P} production
 * @param payers          payer ids (IN1-3.1) whose claims go here; {@code "*"} for every payer not listed elsewhere
 */
public record Receiver(String id, String name, String idQualifier, String interchangeId, String applicationCode,
                       String nm1Id, char usage, Delimiters delimiters, List<String> payers) {

    /** The payers entry that stands for every payer no receiver lists. */
    public static final String ANY_PAYER = "*";

    public Receiver {
        payers = List.copyOf(payers);
    }
}
