package org.claimbridge.scrub;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.claimbridge.encounter.EncounterDetails;
import org.claimbridge.practice.Practice;
import org.claimbridge.practice.PracticeKind;

/** Builds the model rules see from the billing view of an encounter and its practice. */
public final class ClaimContexts {

    private ClaimContexts() {
    }

    public static ClaimContext of(EncounterDetails details, Practice practice, LocalDate today) {
        EncounterDetails.Encounter e = details.encounter();
        List<ClaimContext.Diagnosis> diagnoses = new ArrayList<>();
        for (EncounterDetails.Diagnosis d : details.diagnoses()) {
            diagnoses.add(new ClaimContext.Diagnosis(diagnoses.size() + 1, d.code(), d.codingSystem(),
                    d.diagnosisType()));
        }
        List<String> dxCodes = diagnoses.stream().map(ClaimContext.Diagnosis::code).toList();
        Map<Long, Integer> lineById = new HashMap<>();
        for (EncounterDetails.Charge c : details.charges()) {
            lineById.put(c.id(), lineById.size() + 1);
        }
        List<ClaimContext.Charge> charges = new ArrayList<>();
        for (EncounterDetails.Charge c : details.charges()) {
            List<String> codes = c.diagnosisCodes() == null ? List.of() : c.diagnosisCodes();
            List<Integer> pointers = codes.stream().map(code -> dxCodes.indexOf(code) + 1).toList();
            charges.add(new ClaimContext.Charge(charges.size() + 1, c.transactionType(), c.procedureCode(),
                    c.modifiers() == null ? List.of() : c.modifiers(), c.units(), c.amount(), c.serviceDate(),
                    codes, pointers, c.placeOfService(),
                    c.performingNpi() != null ? c.performingNpi() : e.attendingNpi(), c.status(),
                    c.reversesChargeId() == null ? null : lineById.get(c.reversesChargeId())));
        }
        LocalDate admit = date(e.admittedAt());
        LocalDate first = charges.stream().map(ClaimContext.Charge::serviceDate).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(admit);
        LocalDate last = charges.stream().map(ClaimContext.Charge::serviceDate).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(date(e.dischargedAt()));
        EncounterDetails.Patient p = details.patient();
        Integer age = p.birthDate() == null || first == null ? null : Period.between(p.birthDate(), first).getYears();
        List<ClaimContext.Coverage> coverages = details.coverages().stream().map(ClaimContexts::coverage).toList();
        return new ClaimContext(practice.kind() == PracticeKind.INSTITUTIONAL ? "institutional" : "professional",
                new ClaimContext.Patient(p.lastName(), p.firstName(), p.middleName(), p.birthDate(), p.sex(),
                        new ClaimContext.Address(p.addressLine1(), p.addressLine2(), p.city(), p.state(),
                                p.postalCode()), age),
                coverages.isEmpty() ? null : coverages.get(0), coverages,
                new ClaimContext.Practice(practice.id(), practice.sendingFacility(), practice.name(),
                        practice.billingNpi(), practice.tin(), practice.taxonomy()),
                new ClaimContext.Encounter(e.visitNumber(), e.patientClass(), admit, date(e.dischargedAt()),
                        e.attendingNpi(), e.referringNpi(), first, last),
                List.copyOf(diagnoses), List.copyOf(charges), today, null);
    }

    private static ClaimContext.Coverage coverage(EncounterDetails.Coverage c) {
        return new ClaimContext.Coverage(c.priority(), c.payerId(), c.payerName(), c.planType(), c.memberId(),
                c.groupNumber(), c.subscriberLastName(), c.subscriberFirstName(), c.subscriberBirthDate(),
                c.relationship(), c.effectiveDate(), c.expirationDate(), c.authorizationNumber());
    }

    private static LocalDate date(LocalDateTime at) {
        return at == null ? null : at.toLocalDate();
    }
}
