package org.claimbridge.scrub;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A clean synthetic claim to break one field at a time. */
class TestClaim {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    String claimType = "professional";
    String lastName = "Testperson";
    String firstName = "Alex";
    LocalDate birthDate = LocalDate.of(1985, 6, 15);
    String sex = "F";
    String line1 = "100 Sample Way";
    String city = "Springfield";
    String state = "IL";
    String postalCode = "62701";
    boolean coverage = true;
    String payerId = "PAYER01";
    String memberId = "MBR0001";
    String relationship = "18";
    String billingNpi = "1234567893";
    String tin = "12-3456789";
    String taxonomy = "207Q00000X";
    String attendingNpi = "1245319599";
    String referringNpi = null;
    String authorizationNumber = null;
    Integer age = 40;
    LocalDate admitDate = DAY;
    LocalDate dischargeDate = DAY;
    LocalDate today = DAY.plusDays(1);
    LocalDate firstServiceDate = DAY;
    List<ClaimContext.Diagnosis> diagnoses = new ArrayList<>(List.of(
            new ClaimContext.Diagnosis(1, "J06.9", "I10", "F")));
    List<ClaimContext.Charge> charges = new ArrayList<>(List.of(charge(1, "99213", DAY, "11", "1245319599"),
            charge(2, "87880", DAY, "11", "1245319599")));

    static ClaimContext.Charge charge(int line, String code, LocalDate date, String pos, String npi) {
        return new ClaimContext.Charge(line, "CG", code, List.of(), BigDecimal.ONE, new BigDecimal("95.00"), date,
                List.of("J06.9"), List.of(1), pos, npi, "ACTIVE", null);
    }

    /** A clean charge line on {@link #DAY} with its code and modifiers. */
    static ClaimContext.Charge charge(int line, String code, String... modifiers) {
        return new ClaimContext.Charge(line, "CG", code, List.of(modifiers), BigDecimal.ONE, new BigDecimal("95.00"),
                DAY, List.of("J06.9"), List.of(1), "11", "1245319599", "ACTIVE", null);
    }

    /** A charge line with every value given. */
    static ClaimContext.Charge line(int line, String type, String code, List<String> modifiers, String units,
                                    String amount, LocalDate date, List<String> dx, List<Integer> pointers) {
        return new ClaimContext.Charge(line, type, code, modifiers, new BigDecimal(units), new BigDecimal(amount),
                date, dx, pointers, "11", "1245319599", "ACTIVE", null);
    }

    static ClaimContext.Diagnosis dx(int pointer, String code) {
        return new ClaimContext.Diagnosis(pointer, code, "I10", "F");
    }

    ClaimContext build() {
        ClaimContext.Coverage primary = coverage ? new ClaimContext.Coverage(1, payerId, "Sample Payer", "PPO",
                memberId, "GRP1", lastName, firstName, birthDate, relationship, null, null, authorizationNumber) : null;
        return new ClaimContext(claimType,
                new ClaimContext.Patient(lastName, firstName, null, birthDate, sex,
                        new ClaimContext.Address(line1, null, city, state, postalCode), age),
                primary, primary == null ? List.of() : List.of(primary),
                new ClaimContext.Practice(7, "SAMPLECLINIC", "Sample Clinic", billingNpi, tin, taxonomy),
                new ClaimContext.Encounter("V100", "O", admitDate, dischargeDate, attendingNpi, referringNpi, firstServiceDate,
                        DAY),
                List.copyOf(diagnoses), List.copyOf(charges), today, null);
    }
}
