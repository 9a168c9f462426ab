package org.claimbridge.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

import org.claimbridge.encounter.EncounterDetails;
import org.claimbridge.encounter.EncounterDetails.Charge;
import org.claimbridge.encounter.EncounterDetails.Coverage;
import org.claimbridge.practice.ChargemasterItem;
import org.claimbridge.practice.Practice;
import org.claimbridge.practice.PracticeKind;

/**
 * Turns one encounter into its claims: one per payer responsibility (primary first), split where the guide's line
 * limit would be passed, as an original, a replacement of what the payer already holds, or a void of it.
 * Pure: everything it needs comes in, so the rules are tested without a database.
 */
class ClaimAssembler {

    /** What the assembler looks up outside the encounter. */
    interface Settings {
        String filingIndicator(String payerId);

        Optional<ChargemasterItem> chargemaster(long practiceId, String transactionCode);
    }

    /** The claims an encounter needs now, and the unsent ones they make obsolete. */
    record Assembly(List<NewClaim> claims, List<PriorClaim> superseded) {
    }

    /** A claim the guide could not take, found while assembling rather than while writing. */
    static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message);
        }
    }

    private static final String[] SEQUENCES = {"P", "S", "T"};

    private final Settings settings;

    ClaimAssembler(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param history      the encounter's earlier claims, oldest first
     * @param priorDocument what an earlier claim billed, for voiding it
     */
    Assembly assemble(EncounterDetails details, Practice practice, List<PriorClaim> history,
                      LongFunction<ClaimDocument> priorDocument) {
        ClaimKind kind = practice.kind() == PracticeKind.INSTITUTIONAL ? ClaimKind.INSTITUTIONAL
                : ClaimKind.PROFESSIONAL;
        List<PriorClaim> superseded = history.stream()
                .filter(c -> c.status() == ClaimStatus.CREATED || c.status() == ClaimStatus.HELD
                        || c.status() == ClaimStatus.WAITING)
                .toList();
        Counter pcn = new Counter(details.encounter().id(), history.size());
        List<NewClaim> claims = new ArrayList<>();
        boolean cancelled = "CANCELLED".equals(details.encounter().status());
        List<Charge> charges = cancelled ? List.of() : billable(details.charges());
        List<Coverage> coverages = details.coverages().stream().sorted(Comparator.comparingInt(Coverage::priority))
                .limit(SEQUENCES.length).toList();
        if (charges.isEmpty() || coverages.isEmpty()) {
            // nothing left to bill: whatever the payer holds is taken back
            voids(history, 0, priorDocument, pcn, claims, "P");
            return new Assembly(claims, superseded);
        }
        List<List<Charge>> parts = split(charges, kind.maxLines());
        for (int s = 0; s < coverages.size(); s++) {
            String sequence = SEQUENCES[s];
            for (int p = 0; p < parts.size(); p++) {
                int part = p + 1;
                Optional<PriorClaim> live = live(history, sequence, part);
                Builder builder = new Builder(details, practice, kind, coverages, s, parts.get(p), pcn.next());
                ClaimDocument document;
                try {
                    document = builder.document("1", null);
                } catch (Refusal refusal) {
                    claims.add(new NewClaim(builder.skeleton(), part, ClaimStatus.INVALID, refusal.getMessage(),
                            null));
                    continue;
                }
                if (s > 0) {
                    claims.add(new NewClaim(document, part, ClaimStatus.WAITING,
                            "waits for the " + payerName(coverages.get(s - 1)) + " adjudication", null));
                } else if (live.isEmpty()) {
                    claims.add(new NewClaim(document, part, ClaimStatus.CREATED, null, null));
                } else if (!Objects.equals(live.get().payerId(), coverages.get(0).payerId())) {
                    // another payer is primary now: the old one gets a void, the new one an original
                    claims.add(voidOf(live.get(), priorDocument, pcn));
                    claims.add(new NewClaim(document, part, ClaimStatus.CREATED, null, null));
                } else {
                    claims.add(replacement(live.get(), builder.document("7", live.get().payerClaimNumber()), part,
                            "7"));
                }
            }
        }
        voids(history, parts.size(), priorDocument, pcn, claims, "P");
        return new Assembly(claims, superseded);
    }

    /** Voids for every part above {@code keptParts} that the payer still holds. */
    private void voids(List<PriorClaim> history, int keptParts, LongFunction<ClaimDocument> priorDocument,
                       Counter pcn, List<NewClaim> claims, String sequence) {
        history.stream().filter(c -> c.payerSequence().equals(sequence) && c.part() > keptParts)
                .map(PriorClaim::part).distinct().sorted()
                .forEach(part -> live(history, sequence, part)
                        .ifPresent(live -> claims.add(voidOf(live, priorDocument, pcn))));
    }

    private NewClaim voidOf(PriorClaim live, LongFunction<ClaimDocument> priorDocument, Counter pcn) {
        ClaimDocument document = priorDocument.apply(live.id()).voided(pcn.next(), live.payerClaimNumber());
        return replacement(live, document, live.part(), "8");
    }

    private static NewClaim replacement(PriorClaim live, ClaimDocument document, int part, String frequency) {
        if (live.payerClaimNumber() == null || live.payerClaimNumber().isBlank()) {
            return new NewClaim(document, part, ClaimStatus.HELD, ("8".equals(frequency) ? "the void" : "the replacement")
                    + " of claim " + live.patientControlNumber() + " waits for the payer's claim control number"
                    + " (from its 277CA or 835) to put in REF*F8", live);
        }
        return new NewClaim(document, part, ClaimStatus.CREATED, null, live);
    }

    /** The newest claim the payer holds for a part, unless a void has ended the chain. */
    static Optional<PriorClaim> live(List<PriorClaim> history, String sequence, int part) {
        PriorClaim newest = null;
        for (PriorClaim c : history) {
            if (c.status().sent() && c.payerSequence().equals(sequence) && c.part() == part) {
                newest = c;
            }
        }
        return newest == null || newest.isVoid() ? Optional.empty() : Optional.of(newest);
    }

    /** Charges the payer is asked to pay: active charges, not credits and not taken back by one. */
    static List<Charge> billable(List<Charge> charges) {
        // a charge sent without an amount is billed at the chargemaster price (see line())
        return charges.stream().filter(c -> "ACTIVE".equals(c.status()) && !"CD".equals(c.transactionType())
                && (c.amount() == null || c.amount().signum() > 0)).toList();
    }

    static List<List<Charge>> split(List<Charge> charges, int max) {
        List<List<Charge>> parts = new ArrayList<>();
        for (int i = 0; i < charges.size(); i += max) {
            parts.add(charges.subList(i, Math.min(charges.size(), i + max)));
        }
        return parts;
    }

    private static String payerName(Coverage coverage) {
        return coverage.payerName() == null ? "payer " + coverage.payerId() : coverage.payerName();
    }

    /** Patient control numbers: the encounter id and a count of its claims, so CLM01 leads back to it. */
    private static final class Counter {
        private final long encounterId;
        private int n;

        Counter(long encounterId, int made) {
            this.encounterId = encounterId;
            this.n = made;
        }

        String next() {
            n++;
            return current();
        }

        String current() {
            return encounterId + "-" + n;
        }
    }

    /** Builds one claim's document. */
    private final class Builder {
        private final EncounterDetails details;
        private final Practice practice;
        private final ClaimKind kind;
        private final List<Coverage> coverages;
        private final int index;
        private final List<Charge> charges;
        private final String pcn;

        Builder(EncounterDetails details, Practice practice, ClaimKind kind, List<Coverage> coverages, int index,
                List<Charge> charges, String pcn) {
            this.details = details;
            this.practice = practice;
            this.kind = kind;
            this.coverages = coverages;
            this.index = index;
            this.charges = charges;
            this.pcn = pcn;
        }

        /** What is known of a claim that could not be assembled, so its refusal can be shown. */
        ClaimDocument skeleton() {
            Coverage coverage = coverages.get(index);
            BigDecimal total = charges.stream().map(Charge::amount).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return new ClaimDocument(kind, pcn, "1", null, total, SEQUENCES[index], null, null, null,
                    new ClaimDocument.Payer(coverage.payerName(), coverage.payerId()), null, null, null, List.of(),
                    List.of(), null, null, null, null, null, List.of(), List.of(), origin(coverage));
        }

        ClaimDocument document(String frequency, String payerClaimNumber) {
            Coverage coverage = coverages.get(index);
            EncounterDetails.Encounter e = details.encounter();
            List<ClaimDocument.Diagnosis> diagnoses = diagnoses();
            List<ClaimDocument.Line> lines = new ArrayList<>();
            ClaimDocument.Provider rendering = kind == ClaimKind.PROFESSIONAL ? rendering() : null;
            for (Charge charge : charges) {
                lines.add(line(lines.size() + 1, charge, diagnoses, rendering));
            }
            BigDecimal total = lines.stream().map(ClaimDocument.Line::amount).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            String relationship = relationship(coverage);
            boolean self = "18".equals(relationship);
            ClaimDocument.Person subscriber = subscriber(coverage, self);
            List<ClaimDocument.OtherCoverage> others = new ArrayList<>();
            for (int i = 0; i < coverages.size(); i++) {
                if (i != index) {
                    others.add(other(coverages.get(i), i));
                }
            }
            return new ClaimDocument(kind, pcn, frequency, payerClaimNumber, total, SEQUENCES[index],
                    settings.filingIndicator(coverage.payerId()), billing(),
                    new ClaimDocument.Subscriber(subscriber, coverage.memberId(), coverage.groupNumber(),
                            coverage.groupNumber() == null ? coverage.groupName() : null, self ? "18" : null),
                    new ClaimDocument.Payer(coverage.payerName(), coverage.payerId()),
                    self ? null : patient(), relationship, visit(coverage, lines), diagnoses, procedures(),
                    provider(e.referringName(), e.referringNpi(), "encounter.referring_npi", e.id()),
                    rendering,
                    kind == ClaimKind.INSTITUTIONAL
                            ? provider(e.attendingName(), e.attendingNpi(), "encounter.attending_npi", e.id()) : null,
                    kind == ClaimKind.INSTITUTIONAL ? operating() : null, serviceFacility(),
                    others, lines, origin(coverage));
        }

        private ClaimDocument.Origin origin(Coverage coverage) {
            return new ClaimDocument.Origin(details.encounter().id(), details.encounter().revision(),
                    details.patient().id(), coverage.id(),
                    details.guarantor() == null ? null : details.guarantor().id());
        }

        private ClaimDocument.BillingProvider billing() {
            String zip = practice.postalCode() == null ? "" : practice.postalCode().replaceAll("[^0-9]", "");
            if (zip.length() != 9) {
                // 2010AA N403: the guide wants the full ZIP+4 for the billing provider
                throw new Refusal("the billing provider's ZIP code must have nine digits (ZIP+4) by the guide; '"
                        + practice.postalCode() + "' is set up for practice " + practice.sendingFacility()
                        + " (claimbridge.practices[].postal-code)");
            }
            ClaimDocument.Address address = new ClaimDocument.Address(practice.addressLine(), null, practice.city(),
                    practice.state(), practice.postalCode());
            ClaimDocument.Address payTo = !practice.hasPayToAddress() ? null
                    : new ClaimDocument.Address(practice.payToAddressLine(), null, practice.payToCity(),
                            practice.payToState(), practice.payToPostalCode());
            return new ClaimDocument.BillingProvider(practice.name(), practice.billingNpi(), practice.taxonomy(),
                    practice.tin() == null ? null : practice.tin().replace("-", ""), address, payTo);
        }

        private ClaimDocument.Facility serviceFacility() {
            var f = practice.serviceFacility();
            return f == null ? null : new ClaimDocument.Facility(f.name(), f.npi(),
                    new ClaimDocument.Address(f.addressLine(), null, f.city(), f.state(), f.postalCode()));
        }

        private ClaimDocument.Person patient() {
            EncounterDetails.Patient p = details.patient();
            return new ClaimDocument.Person(p.lastName(), p.firstName(), p.middleName(), p.birthDate(), sex(p.sex()),
                    new ClaimDocument.Address(p.addressLine1(), p.addressLine2(), p.city(), p.state(),
                            p.postalCode()));
        }

        private ClaimDocument.Person subscriber(Coverage c, boolean self) {
            if (self) {
                // the patient is the subscriber: their own demographics, which the guide then asks for
                EncounterDetails.Patient p = details.patient();
                return new ClaimDocument.Person(first(c.subscriberLastName(), p.lastName()),
                        first(c.subscriberFirstName(), p.firstName()), p.middleName(),
                        first(c.subscriberBirthDate(), p.birthDate()), sex(first(c.subscriberSex(), p.sex())),
                        new ClaimDocument.Address(p.addressLine1(), p.addressLine2(), p.city(), p.state(),
                                p.postalCode()));
            }
            ClaimDocument.Address address = c.subscriberAddress() == null ? null
                    : new ClaimDocument.Address(c.subscriberAddress(), null, c.subscriberCity(), c.subscriberState(),
                            c.subscriberPostalCode());
            return new ClaimDocument.Person(c.subscriberLastName(), c.subscriberFirstName(), null,
                    c.subscriberBirthDate(), c.subscriberSex() == null ? null : sex(c.subscriberSex()), address);
        }

        private ClaimDocument.OtherCoverage other(Coverage c, int position) {
            String relationship = relationship(c);
            return new ClaimDocument.OtherCoverage(c.id(), SEQUENCES[position], relationship,
                    settings.filingIndicator(c.payerId()), c.groupNumber(), subscriber(c, "18".equals(relationship)),
                    c.memberId(), new ClaimDocument.Payer(c.payerName(), c.payerId()), null);
        }

        /** The patient's relationship to the subscriber as an X12 individual relationship code. */
        private String relationship(Coverage c) {
            String r = c.relationship() == null ? "" : c.relationship().toUpperCase(Locale.ROOT);
            return switch (r) {
                case "SEL", "SELF", "18" -> "18";
                case "SPO", "01" -> "01";
                case "CHD", "DEP", "19" -> "19";
                case "EME", "20" -> "20";
                case "DOM", "53" -> "53";
                case "" -> samePerson(c) ? "18" : "G8";
                default -> "G8";
            };
        }

        private boolean samePerson(Coverage c) {
            EncounterDetails.Patient p = details.patient();
            return c.subscriberLastName() == null
                    || (c.subscriberLastName().equalsIgnoreCase(p.lastName())
                    && Objects.equals(c.subscriberFirstName(), p.firstName())
                    && (c.subscriberBirthDate() == null || c.subscriberBirthDate().equals(p.birthDate())));
        }

        private List<ClaimDocument.Diagnosis> diagnoses() {
            // the encounter's diagnoses in their order, then any a charge points at that the list lacks
            Map<String, ClaimDocument.Diagnosis> byCode = new LinkedHashMap<>();
            for (EncounterDetails.Diagnosis d : details.diagnoses()) {
                byCode.putIfAbsent(d.code(), new ClaimDocument.Diagnosis(d.id(), d.code(),
                        "A".equalsIgnoreCase(d.diagnosisType())));
            }
            for (Charge c : charges) {
                for (String code : c.diagnosisCodes()) {
                    byCode.putIfAbsent(code, new ClaimDocument.Diagnosis(0, code, false));
                }
            }
            List<ClaimDocument.Diagnosis> all = new ArrayList<>(byCode.values());
            int max = kind == ClaimKind.PROFESSIONAL ? 12 : 25;
            if (all.size() > max && kind == ClaimKind.PROFESSIONAL) {
                // a split part needs only what its own lines point at
                List<ClaimDocument.Diagnosis> used = new ArrayList<>();
                used.add(all.get(0));
                for (Charge c : charges) {
                    for (String code : c.diagnosisCodes()) {
                        ClaimDocument.Diagnosis d = byCode.get(code);
                        if (!used.contains(d)) {
                            used.add(d);
                        }
                    }
                }
                all = used;
            }
            if (all.isEmpty()) {
                throw new Refusal("no diagnosis to put in HI: the guide requires a principal diagnosis");
            }
            if (all.size() > max) {
                throw new Refusal(all.size() + " diagnoses: the " + kind.guide() + " claim takes at most " + max);
            }
            return all;
        }

        private List<ClaimDocument.SurgicalProcedure> procedures() {
            if (kind != ClaimKind.INSTITUTIONAL) {
                return List.of();
            }
            // only ICD-10-PCS goes into HI; CPT/HCPCS procedures are billed on the service lines
            return details.procedures().stream().filter(p -> isPcs(p.codingSystem()))
                    .map(p -> new ClaimDocument.SurgicalProcedure(p.id(), p.code(),
                            p.performedAt() == null ? null : p.performedAt().toLocalDate()))
                    .toList();
        }

        private static boolean isPcs(String codingSystem) {
            if (codingSystem == null) {
                return false;
            }
            String s = codingSystem.toUpperCase(Locale.ROOT).replace("-", "");
            return s.equals("I10P") || s.equals("ICD10PCS") || s.equals("PCS");
        }

        private ClaimDocument.Provider operating() {
            return details.procedures().stream().filter(p -> p.surgeonNpi() != null).findFirst()
                    .map(p -> {
                        String name = Objects.equals(p.surgeonNpi(), details.encounter().attendingNpi())
                                ? details.encounter().attendingName() : null;
                        return provider(name, p.surgeonNpi(), "procedure.surgeon_npi", p.id());
                    }).orElse(null);
        }

        private ClaimDocument.Provider rendering() {
            for (Charge c : charges) {
                if (c.performingNpi() != null) {
                    return provider(c.performingName(), c.performingNpi(), "charge.performing_npi", c.id());
                }
            }
            EncounterDetails.Encounter e = details.encounter();
            return provider(e.attendingName(), e.attendingNpi(), "encounter.attending_npi", e.id());
        }

        private ClaimDocument.Line line(int number, Charge charge, List<ClaimDocument.Diagnosis> diagnoses,
                                        ClaimDocument.Provider claimRendering) {
            String procedure = charge.procedureCode();
            String revenue = null;
            BigDecimal units = charge.units() == null ? BigDecimal.ONE : charge.units();
            BigDecimal amount = charge.amount();
            if (kind == ClaimKind.INSTITUTIONAL || procedure == null || amount == null) {
                ChargemasterItem item = charge.transactionCode() == null ? null
                        : settings.chargemaster(details.encounter().practiceId(), charge.transactionCode())
                        .orElse(null);
                if (item != null) {
                    procedure = procedure == null ? item.procedureCode() : procedure;
                    revenue = item.revenueCode();
                    amount = amount == null && item.price() != null
                            ? item.price().multiply(units).setScale(2, java.math.RoundingMode.HALF_UP) : amount;
                }
                if (amount == null) {
                    throw new Refusal("line " + number + ": charge " + charge.transactionId() + " has no amount"
                            + " and transaction code " + charge.transactionCode() + " no chargemaster price");
                }
                if (kind == ClaimKind.INSTITUTIONAL && revenue == null) {
                    throw new Refusal("line " + number + ": transaction code " + charge.transactionCode()
                            + " has no revenue code in the practice's chargemaster (SV201 is required)");
                }
            }
            if (procedure == null && kind == ClaimKind.PROFESSIONAL) {
                throw new Refusal("line " + number + ": charge " + charge.transactionId()
                        + " has no procedure code (SV101-2 is required)");
            }
            List<Integer> pointers = new ArrayList<>();
            if (kind == ClaimKind.PROFESSIONAL) {
                for (String code : charge.diagnosisCodes()) {
                    for (int i = 0; i < diagnoses.size() && pointers.size() < 4; i++) {
                        if (diagnoses.get(i).code().equals(code) && !pointers.contains(i + 1)) {
                            pointers.add(i + 1);
                        }
                    }
                }
                if (pointers.isEmpty()) {
                    pointers.add(1);
                }
            }
            ClaimDocument.Provider rendering = null;
            if (claimRendering != null && charge.performingNpi() != null
                    && !charge.performingNpi().equals(claimRendering.npi())) {
                rendering = provider(charge.performingName(), charge.performingNpi(), "charge.performing_npi",
                        charge.id());
            }
            return new ClaimDocument.Line(number, charge.id(), pcn + "-" + number, charge.serviceDate(), procedure,
                    charge.modifiers(), revenue, units, amount, pointers, charge.placeOfService(), rendering);
        }

        private ClaimDocument.Visit visit(Coverage coverage, List<ClaimDocument.Line> lines) {
            EncounterDetails.Encounter e = details.encounter();
            LocalDate from = lines.stream().map(ClaimDocument.Line::serviceDate).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(e.admittedAt() == null ? null
                            : e.admittedAt().toLocalDate());
            LocalDate to = lines.stream().map(ClaimDocument.Line::serviceDate).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(from);
            boolean inpatient = "I".equalsIgnoreCase(e.patientClass());
            if (inpatient && e.admittedAt() != null) {
                from = e.admittedAt().toLocalDate();
                to = e.dischargedAt() == null ? to : e.dischargedAt().toLocalDate();
            }
            String pos = lines.isEmpty() || lines.get(0).placeOfService() == null ? "11"
                    : lines.get(0).placeOfService();
            String admissionType = switch (e.admitType() == null ? "" : e.admitType().toUpperCase(Locale.ROOT)) {
                case "EM", "E", "1" -> "1";
                case "UR", "U", "2" -> "2";
                case "EL", "R", "3" -> "3";
                case "NB", "N", "4" -> "4";
                case "TR", "5" -> "5";
                default -> "9";
            };
            String status = inpatient && e.dischargedAt() == null ? "30" : "01";
            return new ClaimDocument.Visit(pos, inpatient ? "11" : "13", from, to, e.admittedAt(), e.dischargedAt(),
                    admissionType, "1", status, coverage.authorizationNumber(), inpatient);
        }
    }

    static ClaimDocument.Provider provider(String name, String npi, String source, long sourceId) {
        if (npi == null) {
            return null;
        }
        String last = name;
        String first = null;
        if (name != null && name.contains(",")) {
            last = name.substring(0, name.indexOf(',')).trim();
            first = name.substring(name.indexOf(',') + 1).trim();
        }
        return new ClaimDocument.Provider(last, first, npi, source, sourceId);
    }

    private static String sex(String sex) {
        return sex == null ? "U" : switch (sex.toUpperCase(Locale.ROOT)) {
            case "M" -> "M";
            case "F" -> "F";
            default -> "U";
        };
    }

    private static <T> T first(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
