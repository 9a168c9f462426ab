package org.claimbridge.demo.payer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The denial reasons drawn from (the configured CARC mix), with what goes with each CARC in an 835: the group code,
 * whether it denies the whole claim or one line, and its remark codes (RARCs). Remarks starting with MA are about
 * the claim and go into MOA/MIA; the others explain a line and go into LQ*HE.
 */
final class DenialReasons {

    /** A drawn denial. */
    record Denial(String carc, String group, boolean wholeClaim, List<String> claimRemarks,
                  List<String> lineRemarks) {
    }

    /** Built-in remarks for common CARCs; {@code claimbridge.payer-simulator.remarks} replaces them per CARC. */
    private static final Map<String, List<String>> REMARKS = Map.of(
            "16", List.of("N290", "MA130"),   // missing rendering provider identifier; no appeal rights
            "50", List.of("N115"),            // decided under a local coverage determination
            "97", List.of("N19", "M15"),      // incidental to the primary procedure; bundled
            "197", List.of("N54"),            // inconsistent with the authorization on file
            "96", List.of("N130"),            // consult plan benefit documents
            "18", List.of("N522"));           // duplicate of a claim processed

    /** Reasons about the patient or the claim as a whole rather than one service. */
    private static final Set<String> WHOLE_CLAIM = Set.of("22", "24", "26", "27", "29", "31", "109", "200");

    /** Included in the payment for another service: only ever one line of several. */
    private static final String BUNDLED = "97";

    /** Reasons the patient owes (deductible, coinsurance, copay, not covered by the patient's plan). */
    private static final Set<String> PATIENT_OWES = Set.of("1", "2", "3", "204");

    private final Map<String, Integer> mix;
    private final Map<String, List<String>> remarks;
    private final int total;

    DenialReasons(PayerSimulatorProperties properties) {
        this.mix = properties.carcMix();
        this.remarks = properties.remarks();
        this.total = mix.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The CARC at {@code u} (in [0, 1)) of the weighted mix. A claim of one line is not denied as bundled into
     * another service (97) while the mix has any other reason.
     */
    Denial draw(double u, boolean oneLine) {
        boolean withoutBundling = oneLine && mix.entrySet().stream()
                .anyMatch(e -> !BUNDLED.equals(e.getKey()) && e.getValue() > 0);
        int weights = withoutBundling ? total - mix.getOrDefault(BUNDLED, 0) : total;
        double target = u * weights;
        String carc = null;
        double sum = 0;
        for (Map.Entry<String, Integer> entry : mix.entrySet()) {
            if (entry.getValue() == 0 || withoutBundling && BUNDLED.equals(entry.getKey())) {
                continue;
            }
            carc = entry.getKey();
            sum += entry.getValue();
            if (target < sum) {
                break;
            }
        }
        List<String> all = remarks.getOrDefault(carc, REMARKS.getOrDefault(carc, List.of()));
        return new Denial(carc, PATIENT_OWES.contains(carc) ? "PR" : "CO", WHOLE_CLAIM.contains(carc),
                all.stream().filter(r -> r.startsWith("MA")).toList(),
                all.stream().filter(r -> !r.startsWith("MA")).toList());
    }
}
