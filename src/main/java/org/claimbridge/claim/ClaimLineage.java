package org.claimbridge.claim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.claimbridge.encounter.FieldChange;
import org.claimbridge.encounter.Lineage;
import org.claimbridge.encounter.Lineage.FieldRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every value a claim billed came from: the HL7 message and path (or the coder's correction) behind it.
 * <p>
 * A claim keeps what it billed (its document, with the ids of the rows each value was read from) and the newest
 * field_source id visible when it was built (its mark). Sources are append-only, so the source of a billed value is
 * the newest source of its field at or below the mark that carries that value; checking the value as well covers a
 * change that was being written, under a lower id, while the claim was read.
 */
@Service
@Transactional(readOnly = true)
public class ClaimLineage {

    private final JdbcClient jdbc;
    private final ClaimRecords records;
    private final Lineage lineage;

    ClaimLineage(JdbcClient jdbc, ClaimRecords records, Lineage lineage) {
        this.jdbc = jdbc;
        this.records = records;
        this.lineage = lineage;
    }

    /**
     * One billed value and its source.
     *
     * @param element where it is in the 837, e.g. {@code 2010BA NM109 subscriber id}
     * @param source  the message or correction behind it; null when it came from configuration (billing provider,
     *                chargemaster) rather than a feed
     */
    public record BilledValue(String element, String value, String entity, long entityId, String field,
                              FieldChange source) {
    }

    public Optional<List<BilledValue>> of(long claimId) {
        Optional<Long> mark = jdbc.sql("SELECT lineage_mark FROM claim WHERE id = ?").param(claimId).query(Long.class)
                .optional();
        if (mark.isEmpty()) {
            return Optional.empty();
        }
        ClaimDocument d = records.document(claimId);
        List<Billed> billed = billed(d);
        Set<FieldRef> refs = new LinkedHashSet<>();
        billed.stream().filter(b -> b.ref() != null).forEach(b -> refs.add(b.ref()));
        Map<FieldRef, List<FieldChange>> histories = lineage.historiesUpTo(refs, mark.get());
        List<BilledValue> values = new ArrayList<>();
        for (Billed b : billed) {
            FieldChange source = b.ref() == null ? null : sourceOf(histories.getOrDefault(b.ref(), List.of()),
                    b.value());
            values.add(new BilledValue(b.element(), b.value(), b.ref() == null ? b.origin() : b.ref().entity(),
                    b.ref() == null ? 0 : b.ref().entityId(), b.ref() == null ? null : b.ref().field(), source));
        }
        return Optional.of(values);
    }

    private static FieldChange sourceOf(List<FieldChange> history, String billed) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (same(history.get(i).value(), billed)) {
                return history.get(i);
            }
        }
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    /** The feed's text against the billed value: numbers by value, dates by their digits, codes without dots. */
    static boolean same(String stored, String billed) {
        if (stored == null || billed == null) {
            return stored == null && billed == null;
        }
        try {
            return new BigDecimal(stored.trim()).compareTo(new BigDecimal(billed.trim())) == 0;
        } catch (NumberFormatException notNumbers) {
            String s = normal(stored);
            String b = normal(billed);
            return s.equals(b) || (b.length() == 8 && s.startsWith(b) && b.chars().allMatch(Character::isDigit));
        }
    }

    private static String normal(String text) {
        return text.replaceAll("[^A-Za-z0-9,]", "").toUpperCase(Locale.ROOT);
    }

    private record Billed(String element, String value, FieldRef ref, String origin) {
    }

    private static List<Billed> billed(ClaimDocument d) {
        List<Billed> out = new ArrayList<>();
        ClaimDocument.Origin o = d.origin();
        if (d.billing() != null) {
            out.add(new Billed("2010AA NM109 billing provider NPI", d.billing().npi(), null, "configuration"));
        }
        if (o.coverageId() != null && d.subscriber() != null) {
            long c = o.coverageId();
            out.add(new Billed("2010BA NM109 subscriber id", d.subscriber().memberId(),
                    new FieldRef("coverage", c, "member_id"), null));
            out.add(new Billed("2010BA NM103 subscriber last name", d.subscriber().person().lastName(),
                    d.patient() == null ? new FieldRef("patient", o.patientId(), "last_name")
                            : new FieldRef("coverage", c, "subscriber_last_name"), null));
            out.add(new Billed("2000B SBR03 group number", d.subscriber().groupNumber(),
                    new FieldRef("coverage", c, "group_number"), null));
            out.add(new Billed("2010BB NM109 payer id", d.payer().id(), new FieldRef("coverage", c, "payer_id"),
                    null));
            if (d.visit() != null && d.visit().priorAuthorization() != null) {
                out.add(new Billed("2300 REF*G1 prior authorization", d.visit().priorAuthorization(),
                        new FieldRef("coverage", c, "authorization_number"), null));
            }
        }
        ClaimDocument.Person person = d.patient() != null ? d.patient()
                : d.subscriber() == null ? null : d.subscriber().person();
        if (person != null) {
            String loop = d.patient() != null ? "2010CA" : "2010BA";
            out.add(new Billed(loop + " NM103 patient last name", person.lastName(),
                    new FieldRef("patient", o.patientId(), "last_name"), null));
            out.add(new Billed(loop + " DMG02 patient birth date", person.birthDate() == null ? null
                    : X12Text.date(person.birthDate()), new FieldRef("patient", o.patientId(), "birth_date"), null));
        }
        for (int i = 0; i < d.diagnoses().size(); i++) {
            ClaimDocument.Diagnosis dx = d.diagnoses().get(i);
            out.add(new Billed("2300 HI diagnosis " + (i + 1), dx.code(),
                    dx.id() == 0 ? null : new FieldRef("diagnosis", dx.id(), "code"),
                    dx.id() == 0 ? "charge diagnosis pointer" : null));
        }
        for (ClaimDocument.SurgicalProcedure p : d.procedures()) {
            out.add(new Billed("2300 HI procedure", p.code(), new FieldRef("procedure", p.id(), "code"), null));
        }
        provider(out, "2310 referring provider NPI", d.referring());
        provider(out, "2310 rendering provider NPI", d.rendering());
        provider(out, "2310 attending provider NPI", d.attending());
        provider(out, "2310 operating physician NPI", d.operating());
        for (ClaimDocument.Line l : d.lines()) {
            String at = "2400 line " + l.number() + " ";
            long charge = l.chargeId();
            out.add(new Billed(at + "procedure code", l.procedureCode(), new FieldRef("charge", charge,
                    "procedure_code"), null));
            if (!l.modifiers().isEmpty()) {
                out.add(new Billed(at + "modifiers", String.join(",", l.modifiers()),
                        new FieldRef("charge", charge, "modifiers"), null));
            }
            out.add(new Billed(at + "charge amount", X12Text.number(l.amount()),
                    new FieldRef("charge", charge, "amount"), null));
            out.add(new Billed(at + "units", X12Text.number(l.units()), new FieldRef("charge", charge, "units"),
                    null));
            out.add(new Billed(at + "DTP*472 service date", X12Text.date(l.serviceDate()),
                    new FieldRef("charge", charge, "service_date"), null));
            if (l.revenueCode() != null) {
                out.add(new Billed(at + "SV201 revenue code", l.revenueCode(), null, "chargemaster"));
            }
            provider(out, at + "rendering provider NPI", l.rendering());
        }
        return out;
    }

    private static void provider(List<Billed> out, String element, ClaimDocument.Provider provider) {
        if (provider == null) {
            return;
        }
        int dot = provider.source().indexOf('.');
        out.add(new Billed(element, provider.npi(), new FieldRef(provider.source().substring(0, dot),
                provider.sourceId(), provider.source().substring(dot + 1)), null));
    }
}
