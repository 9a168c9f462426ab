package org.claimbridge.demo.payer;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the simulated payers behave. Shares are between 0 and 1.
 *
 * @param enabled                whether the outbox is watched and answered (demo profile only)
 * @param seed                   every decision is drawn from this seed and the claim, so a run can be repeated
 * @param rejectRate             share of transaction sets the 999 rejects, and of the claims left that the 277CA
 *                               rejects
 * @param denialRate             share of adjudicated claims with a denial (of the whole claim or of one line)
 * @param carcMix                the denial reasons drawn from: CARC to weight
 * @param remarks                RARCs sent with a CARC of the mix, replacing the built-in ones for that CARC
 * @param contractualRate        share of each line's charge written off as CO-45 (charge over the fee schedule)
 * @param coinsuranceRate        share of the allowed amount left to the patient as PR-2 coinsurance
 * @param providerAdjustmentRate share of 835s with a provider-level adjustment (PLB: interest or a recovery)
 * @param pollInterval           pause between two looks at the 837 outbox
 */
@ConfigurationProperties("claimbridge.payer-simulator")
public record PayerSimulatorProperties(@DefaultValue("false") boolean enabled,
                                       @DefaultValue("42") long seed,
                                       @DefaultValue("0.05") double rejectRate,
                                       @DefaultValue("0.15") double denialRate,
                                       Map<String, Integer> carcMix,
                                       Map<String, List<String>> remarks,
                                       @DefaultValue("0.35") BigDecimal contractualRate,
                                       @DefaultValue("0.2") BigDecimal coinsuranceRate,
                                       @DefaultValue("0.1") double providerAdjustmentRate,
                                       @DefaultValue("10s") Duration pollInterval) {

    /** Six common denials: missing information, not our insured, not medically necessary, bundled, late, no auth. */
    static final Map<String, Integer> DEFAULT_CARC_MIX = Map.of("16", 1, "31", 1, "50", 1, "97", 1, "29", 1,
            "197", 1);

    public PayerSimulatorProperties {
        share("reject-rate", rejectRate);
        share("denial-rate", denialRate);
        share("provider-adjustment-rate", providerAdjustmentRate);
        share("contractual-rate", contractualRate.doubleValue());
        share("coinsurance-rate", coinsuranceRate.doubleValue());
        // sorted, so that the same weights draw the same CARC whatever order the configuration listed them in
        carcMix = new TreeMap<>(carcMix == null || carcMix.isEmpty() ? DEFAULT_CARC_MIX : carcMix);
        int total = 0;
        for (Map.Entry<String, Integer> entry : carcMix.entrySet()) {
            if (entry.getValue() == null || entry.getValue() < 0) {
                throw new IllegalArgumentException("claimbridge.payer-simulator.carc-mix." + entry.getKey()
                        + " '" + entry.getValue() + "': a weight of 0 or more");
            }
            total += entry.getValue();
        }
        if (total == 0) {
            throw new IllegalArgumentException("claimbridge.payer-simulator.carc-mix: at least one weight above 0");
        }
        remarks = remarks == null ? Map.of() : Map.copyOf(remarks);
        pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
    }

    /** The defaults, as a test or a demo starts from. */
    public static PayerSimulatorProperties defaults() {
        return new PayerSimulatorProperties(false, 42, 0.05, 0.15, null, null, new BigDecimal("0.35"),
                new BigDecimal("0.2"), 0.1, Duration.ofSeconds(10));
    }

    public PayerSimulatorProperties withSeed(long seed) {
        return new PayerSimulatorProperties(enabled, seed, rejectRate, denialRate, carcMix, remarks,
                contractualRate, coinsuranceRate, providerAdjustmentRate, pollInterval);
    }

    public PayerSimulatorProperties withRates(double rejectRate, double denialRate, double providerAdjustmentRate) {
        return new PayerSimulatorProperties(enabled, seed, rejectRate, denialRate, carcMix, remarks,
                contractualRate, coinsuranceRate, providerAdjustmentRate, pollInterval);
    }

    public PayerSimulatorProperties withCarcMix(Map<String, Integer> carcMix) {
        return new PayerSimulatorProperties(enabled, seed, rejectRate, denialRate, carcMix, remarks,
                contractualRate, coinsuranceRate, providerAdjustmentRate, pollInterval);
    }

    private static void share(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("claimbridge.payer-simulator." + name + " '" + value
                    + "': a share from 0 to 1");
        }
    }
}
