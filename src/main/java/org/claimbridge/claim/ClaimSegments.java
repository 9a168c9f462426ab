package org.claimbridge.claim;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import org.claimbridge.practice.Submitter;
import org.claimbridge.system.X12Segments;

import static org.claimbridge.claim.X12Text.code;
import static org.claimbridge.claim.X12Text.date;
import static org.claimbridge.claim.X12Text.digits;
import static org.claimbridge.claim.X12Text.id;
import static org.claimbridge.claim.X12Text.number;
import static org.claimbridge.claim.X12Text.text;

/**
 * The segments of one claim's transaction set, loop by loop as the 837P (X222A1) and 837I (X223A2) guides lay them
 * out. Elements are positional: a null writes an empty element, trailing empty ones are dropped by the writer.
 */
final class ClaimSegments {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    private final EDIStreamWriter writer;
    private final Consumer<String> loop;
    private final InterchangeWriter.Envelope envelope;
    private int count;

    ClaimSegments(EDIStreamWriter writer, Consumer<String> loop, InterchangeWriter.Envelope envelope) {
        this.writer = writer;
        this.loop = loop;
        this.envelope = envelope;
    }

    /** A composite element's components. */
    static String[] composite(String... components) {
        return components;
    }

    void segment(String tag, Object... elements) throws EDIStreamException {
        X12Segments.write(writer, tag, elements);
        count++;
    }

    void claim(ClaimDocument claim, String stControl) throws EDIStreamException {
        boolean professional = claim.kind() == ClaimKind.PROFESSIONAL;
        count = 0;
        loop.accept("ST: ");
        segment("ST", "837", stControl, claim.kind().guide());
        segment("BHT", "0019", "00", claim.patientControlNumber(), date(envelope.at().toLocalDate()),
                envelope.at().format(X12Text.TIME), "CH");
        Submitter submitter = envelope.submitter();
        loop.accept("1000A submitter: ");
        segment("NM1", "41", "2", text(submitter.name(), 60), null, null, null, null, "46",
                id(submitter.id(), 80));
        List<String> contact = new ArrayList<>();
        if (!blank(submitter.contactPhone())) {
            contact.add("TE");
            contact.add(digits(submitter.contactPhone()));
        }
        if (!blank(submitter.contactEmail())) {
            contact.add("EM");
            contact.add(submitter.contactEmail());
        }
        segment("PER", "IC", text(submitter.contactName(), 60), contact.size() > 0 ? contact.get(0) : null,
                contact.size() > 1 ? contact.get(1) : null, contact.size() > 2 ? contact.get(2) : null,
                contact.size() > 3 ? contact.get(3) : null);
        loop.accept("1000B receiver: ");
        segment("NM1", "40", "2", text(envelope.receiver().name(), 60), null, null, null, null, "46",
                id(envelope.receiver().nm1Id(), 80));

        int hl = 1;
        loop.accept("2000A billing provider: ");
        segment("HL", "1", null, "20", "1");
        ClaimDocument.BillingProvider billing = claim.billing();
        if (!blank(billing.taxonomy())) {
            segment("PRV", "BI", "PXC", billing.taxonomy());
        }
        loop.accept("2010AA billing provider: ");
        segment("NM1", "85", "2", text(billing.name(), 60), null, null, null, null, "XX", billing.npi());
        address(billing.address());
        segment("REF", "EI", digits(billing.tin()));
        if (billing.payTo() != null) {
            loop.accept("2010AB pay-to address: ");
            segment("NM1", "87", "2");
            address(billing.payTo());
        }

        int subscriberHl = ++hl;
        boolean dependent = claim.patient() != null;
        loop.accept("2000B subscriber: ");
        segment("HL", String.valueOf(subscriberHl), "1", "22", dependent ? "1" : "0");
        ClaimDocument.Subscriber subscriber = claim.subscriber();
        segment("SBR", claim.payerSequence(), subscriber.relationship(), id(subscriber.groupNumber(), 50),
                text(subscriber.groupName(), 60), null, null, null, null, claim.filingIndicator());
        loop.accept("2010BA subscriber: ");
        person("IL", subscriber.person(), "MI", id(subscriber.memberId(), 80), !dependent);
        loop.accept("2010BB payer: ");
        segment("NM1", "PR", "2", text(claim.payer().name(), 60), null, null, null, null, "PI",
                id(claim.payer().id(), 80));

        if (dependent) {
            loop.accept("2000C patient: ");
            segment("HL", String.valueOf(++hl), String.valueOf(subscriberHl), "23", "0");
            segment("PAT", claim.patientRelationship());
            loop.accept("2010CA patient: ");
            person("QC", claim.patient(), null, null, true);
        }

        loop.accept("2300 claim: ");
        ClaimDocument.Visit visit = claim.visit();
        if (professional) {
            segment("CLM", claim.patientControlNumber(), number(claim.totalCharge()), null, null,
                    composite(visit.placeOfService(), "B", claim.frequency()), "Y", "A", "Y", "Y");
        } else {
            segment("CLM", claim.patientControlNumber(), number(claim.totalCharge()), null, null,
                    composite(visit.facilityType(), "A", claim.frequency()), null, "A", "Y", "Y");
            if (visit.inpatient() && visit.dischargedAt() != null) {
                segment("DTP", "096", "TM", visit.dischargedAt().format(X12Text.TIME));
            }
            segment("DTP", "434", "RD8", date(visit.statementFrom()) + "-" + date(visit.statementTo()));
            if (visit.inpatient() && visit.admittedAt() != null) {
                segment("DTP", "435", "DT", visit.admittedAt().format(DATE_TIME));
            }
            // required on every 837I, outpatient too; the point of origin only where an admission has one
            segment("CL1", visit.admissionType(), visit.inpatient() ? visit.admissionSource() : null,
                    visit.patientStatus());
        }
        if (!blank(visit.priorAuthorization())) {
            segment("REF", "G1", id(visit.priorAuthorization(), 50));
        }
        if (!"1".equals(claim.frequency())) {
            segment("REF", "F8", id(claim.payerClaimNumber(), 50));
        }
        diagnoses(claim, professional);

        if (professional) {
            provider("2310A referring provider: ", "DN", claim.referring());
            provider("2310B rendering provider: ", "82", claim.rendering());
            facility("2310C service facility: ", claim.serviceFacility());
        } else {
            provider("2310A attending provider: ", "71", claim.attending());
            provider("2310B operating physician: ", "72", claim.operating());
            facility("2310E service facility: ", claim.serviceFacility());
            provider("2310F referring provider: ", "DN", claim.referring());
        }

        for (ClaimDocument.OtherCoverage other : claim.otherCoverages()) {
            loop.accept("2320 other subscriber: ");
            segment("SBR", other.payerSequence(), other.relationship(), id(other.groupNumber(), 50), null, null,
                    null, null, null, other.filingIndicator());
            if (other.priorPayment() != null) {
                adjustments(other.priorPayment().adjustments());
                segment("AMT", "D", number(other.priorPayment().paid()));
            }
            segment("OI", null, null, "Y", null, null, "Y");
            loop.accept("2330A other subscriber: ");
            ClaimDocument.Person person = other.subscriber();
            segment("NM1", "IL", "1", text(person.lastName(), 60), text(person.firstName(), 35),
                    text(person.middleName(), 25), null, null, "MI", id(other.memberId(), 80));
            loop.accept("2330B other payer: ");
            segment("NM1", "PR", "2", text(other.payer().name(), 60), null, null, null, null, "PI",
                    id(other.payer().id(), 80));
        }

        for (ClaimDocument.Line line : claim.lines()) {
            loop.accept("2400 line " + line.number() + ": ");
            segment("LX", String.valueOf(line.number()));
            String[] procedure = procedure(line);
            if (professional) {
                String pos = line.placeOfService() != null && !line.placeOfService().equals(visit.placeOfService())
                        ? line.placeOfService() : null;
                String[] pointers = line.pointers().stream().map(String::valueOf).toArray(String[]::new);
                segment("SV1", procedure, number(line.amount()), "UN", number(line.units()), pos, null,
                        composite(pointers));
            } else {
                segment("SV2", line.revenueCode(), procedure, number(line.amount()), "UN", number(line.units()));
            }
            segment("DTP", "472", "D8", date(line.serviceDate()));
            segment("REF", "6R", line.controlNumber());
            if (professional && line.rendering() != null) {
                provider("2420A line " + line.number() + " rendering provider: ", "82", line.rendering());
            }
            for (ClaimDocument.OtherCoverage other : claim.otherCoverages()) {
                lineAdjudication(line, procedure, other);
            }
        }
        loop.accept("SE: ");
        segment("SE", String.valueOf(count + 1), stControl);
    }

    /** 2430: what a prior payer did with this line, when its remittance came. */
    private void lineAdjudication(ClaimDocument.Line line, String[] procedure, ClaimDocument.OtherCoverage other)
            throws EDIStreamException {
        if (other.priorPayment() == null) {
            return;
        }
        for (ClaimDocument.LineAdjudication adjudicated : other.priorPayment().lines()) {
            if (adjudicated.lineNumber() != line.number()) {
                continue;
            }
            loop.accept("2430 line " + line.number() + " adjudication: ");
            segment("SVD", id(other.payer().id(), 80), number(adjudicated.paid()),
                    procedure == null ? composite("NU", line.revenueCode()) : procedure, null,
                    number(adjudicated.units() == null ? line.units() : adjudicated.units()));
            adjustments(adjudicated.adjustments());
            segment("DTP", "573", "D8", date(other.priorPayment().adjudicated()));
        }
    }

    /** CAS: one segment per group, at most six reasons each. */
    private void adjustments(List<ClaimDocument.Adjustment> adjustments) throws EDIStreamException {
        java.util.Map<String, List<ClaimDocument.Adjustment>> byGroup = new java.util.LinkedHashMap<>();
        for (ClaimDocument.Adjustment a : adjustments) {
            byGroup.computeIfAbsent(a.group(), g -> new ArrayList<>()).add(a);
        }
        for (var group : byGroup.entrySet()) {
            List<ClaimDocument.Adjustment> all = group.getValue();
            for (int from = 0; from < all.size(); from += 6) {
                List<Object> elements = new ArrayList<>();
                elements.add(group.getKey());
                for (ClaimDocument.Adjustment a : all.subList(from, Math.min(all.size(), from + 6))) {
                    elements.add(a.reason());
                    elements.add(number(a.amount()));
                    elements.add(null);
                }
                segment("CAS", elements.toArray());
            }
        }
    }

    private String[] procedure(ClaimDocument.Line line) {
        List<String> parts = new ArrayList<>();
        parts.add("HC");
        parts.add(line.procedureCode() == null ? null : line.procedureCode().toUpperCase(java.util.Locale.ROOT));
        for (int i = 0; i < Math.min(4, line.modifiers().size()); i++) {
            parts.add(line.modifiers().get(i));
        }
        if (line.procedureCode() == null) {
            return null;
        }
        return parts.toArray(String[]::new);
    }

    private void diagnoses(ClaimDocument claim, boolean professional) throws EDIStreamException {
        List<ClaimDocument.Diagnosis> diagnoses = claim.diagnoses();
        if (professional) {
            List<String[]> composites = new ArrayList<>();
            for (int i = 0; i < diagnoses.size(); i++) {
                composites.add(composite(i == 0 ? "ABK" : "ABF", code(diagnoses.get(i).code())));
            }
            segment("HI", composites.toArray());
            return;
        }
        segment("HI", (Object) composite("ABK", code(diagnoses.get(0).code())));
        if (claim.visit().inpatient()) {
            var admitting = diagnoses.stream().filter(ClaimDocument.Diagnosis::admitting).findFirst();
            if (admitting.isPresent()) {
                segment("HI", (Object) composite("ABJ", code(admitting.get().code())));
            }
        }
        List<String[]> others = new ArrayList<>();
        for (int i = 1; i < diagnoses.size(); i++) {
            others.add(composite("ABF", code(diagnoses.get(i).code())));
        }
        for (int i = 0; i < others.size(); i += 12) {
            segment("HI", others.subList(i, Math.min(others.size(), i + 12)).toArray());
        }
        List<ClaimDocument.SurgicalProcedure> procedures = claim.procedures();
        if (!procedures.isEmpty()) {
            ClaimDocument.SurgicalProcedure principal = procedures.get(0);
            segment("HI", (Object) composite("BBR", code(principal.code()), "D8", date(principal.date())));
            List<String[]> rest = new ArrayList<>();
            for (int i = 1; i < procedures.size(); i++) {
                rest.add(composite("BBQ", code(procedures.get(i).code()), "D8", date(procedures.get(i).date())));
            }
            for (int i = 0; i < rest.size(); i += 12) {
                segment("HI", rest.subList(i, Math.min(rest.size(), i + 12)).toArray());
            }
        }
    }

    private void provider(String where, String entity, ClaimDocument.Provider provider) throws EDIStreamException {
        if (provider == null) {
            return;
        }
        loop.accept(where);
        segment("NM1", entity, "1", text(provider.lastName(), 60), text(provider.firstName(), 35), null, null,
                null, "XX", provider.npi());
    }

    private void facility(String where, ClaimDocument.Facility facility) throws EDIStreamException {
        if (facility == null) {
            return;
        }
        loop.accept(where);
        segment("NM1", "77", "2", text(facility.name(), 60), null, null, null, null, "XX", facility.npi());
        address(facility.address());
    }

    private void person(String entity, ClaimDocument.Person person, String idQualifier, String id,
                        boolean demographics) throws EDIStreamException {
        segment("NM1", entity, "1", text(person.lastName(), 60), text(person.firstName(), 35),
                text(person.middleName(), 25), null, null, idQualifier, id);
        if (person.address() != null && person.address().line1() != null) {
            address(person.address());
        }
        if (demographics && person.birthDate() != null) {
            segment("DMG", "D8", date(person.birthDate()), person.sex() == null ? "U" : person.sex());
        }
    }

    private void address(ClaimDocument.Address address) throws EDIStreamException {
        segment("N3", text(address.line1(), 55), text(address.line2(), 55));
        segment("N4", text(address.city(), 30), address.state(), digits(address.postalCode()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
