package org.claimbridge.encounter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.uhn.hl7v2.ErrorCode;
import org.claimbridge.intake.Hl7Message;
import org.claimbridge.intake.Hl7Problem;
import org.claimbridge.intake.Hl7Segment;

/**
 * Reads the billing view out of ADT, DFT and BAR messages, segment by segment in the order they arrived (never
 * through HAPI's group structure, which sets out-of-order segments aside), and accounts for every segment: each one
 * is mapped or deliberately ignored, or the message is held. Pure: no database, no clock.
 */
final class BillingMapping {

    private static final Map<String, Set<String>> MAPPED = Map.of(
            "ADT", Set.of("A01", "A03", "A04", "A05", "A08", "A11", "A13", "A40"),
            "DFT", Set.of("P03"),
            "BAR", Set.of("P01", "P05", "P06"));

    /** Segments that carry nothing the billing view keeps. */
    private static final Set<String> IGNORED = Set.of("EVN", "SFT", "UAC", "NK1", "PD1", "ROL", "PRT", "OBX", "AL1",
            "IAM", "NTE", "ACC", "UB1", "UB2", "DRG", "PV2", "IN3", "DB1", "PDA", "ARV", "ORC", "OBR", "TQ1", "TQ2",
            "GSP", "GSR", "GSC");

    /** A CPT/HCPCS code with its modifiers appended, as some feeds send FT1-25.1: {@code 99213-25-59}. */
    private static final Pattern CODE_WITH_MODIFIERS = Pattern.compile("([A-Z0-9]{5})((?:[-:][A-Z0-9]{2})+)");

    private static final Set<String> CHARGE_TYPES = Set.of("CG", "CD");

    private final ZoneId unzoned;

    /** @param unzoned the zone of date/times that carry no offset */
    BillingMapping(ZoneId unzoned) {
        this.unzoned = unzoned;
    }

    static boolean maps(String messageType, String triggerEvent) {
        return messageType != null && MAPPED.getOrDefault(messageType, Set.of()).contains(triggerEvent);
    }

    Extraction extract(Hl7Message message) {
        return new Reading(message).read();
    }

    /** One message being read: the problems found and the segments used so far. */
    private final class Reading {

        private final Hl7Message message;
        private final String type;
        private final String event;
        private final List<Hl7Problem> problems = new ArrayList<>();
        private final Set<Hl7Segment> used = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<Hl7Segment, String> notMapped = new IdentityHashMap<>();

        Reading(Hl7Message message) {
            this.message = message;
            this.type = message.messageType();
            this.event = message.triggerEvent();
        }

        Extraction read() {
            used.add(message.msh());
            Hl7Segment pid = message.first("PID").orElse(null);
            Sourced mrn = null;
            Columns patient = Columns.none();
            if (pid == null) {
                problems.add(new Hl7Problem(Hl7Problem.Effect.ERROR, ErrorCode.SEGMENT_SEQUENCE_ERROR, "PID", 1, 0,
                        "PID segment missing: a " + type + "^" + event + " needs the patient"));
            } else {
                used.add(pid);
                mrn = mrn(pid);
                patient = patient(pid);
            }
            boolean merge = "A40".equals(event);
            Sourced priorMrn = merge ? priorMrn() : null;
            Hl7Segment pv1 = merge ? null : message.first("PV1").orElse(null);
            Sourced visitNumber = merge || pid == null ? null : visitNumber(pid, pv1);
            Columns encounter = Columns.none();
            if (pv1 != null && visitNumber != null) {
                used.add(pv1);
                encounter = encounter(pv1);
            }
            if (visitNumber != null && pid != null) {
                Sourced account = text("account_number", pid, 18, 1, 64);
                encounter = account == null ? encounter : new Columns(List.of(account)).orElse(encounter);
            }
            List<BillingUpdate.CoverageUpdate> coverages = merge ? List.of() : coverages();
            Columns guarantor = merge ? Columns.none() : guarantor();
            List<BillingUpdate.DiagnosisUpdate> diagnoses = merge ? List.of() : diagnoses();
            List<BillingUpdate.ProcedureUpdate> procedures = merge ? List.of() : procedures();
            List<BillingUpdate.ChargeUpdate> charges = merge ? List.of() : charges();
            if (pid != null && visitNumber == null && !merge && needsVisit(pv1, diagnoses, procedures)) {
                problems.add(new Hl7Problem(Hl7Problem.Effect.ERROR, ErrorCode.REQUIRED_FIELD_MISSING, "PV1", 1, 19,
                        "visit number missing: PV1-19 and PID-18 are both empty, and a " + type + "^" + event
                                + (pv1 != null ? " with a PV1" : "") + " needs one"));
            }
            accountForEverySegment(merge);
            BillingUpdate update = new BillingUpdate(type, event, message.sendingFacility(), mrn, patient, priorMrn,
                    visitNumber, encounter, coverages, guarantor, diagnoses, procedures, charges);
            return new Extraction(update, List.copyOf(problems));
        }

        private boolean needsVisit(Hl7Segment pv1, List<?> diagnoses, List<?> procedures) {
            return pv1 != null || !"ADT".equals(type) || "A11".equals(event) || "A13".equals(event)
                    || !diagnoses.isEmpty() || !procedures.isEmpty() || !message.segments("FT1").isEmpty();
        }

        // ---- patient

        private Sourced mrn(Hl7Segment pid) {
            int rep = repetitionOfType(pid, 3, 5, "MR");
            String value = pid.get(3, rep, 1);
            if (value == null) {
                problems.add(Hl7Problem.error(ErrorCode.REQUIRED_FIELD_MISSING, pid, 3,
                        "PID-3 patient identifier (MRN) is empty"));
                return null;
            }
            return checked("mrn", pid, 3, value, pid.path(3, rep, 1), 64);
        }

        private Columns patient(Hl7Segment pid) {
            List<Sourced> values = new ArrayList<>();
            name(values, pid, 5, "last_name", "first_name", "middle_name");
            add(values, date("birth_date", pid, 7));
            add(values, code("sex", pid, 8, 1, "an HL7 table 0001 sex code"));
            address(values, pid, 11, "address_line1", "address_line2", "city", "state", "postal_code");
            add(values, phone("phone", pid, 13));
            return new Columns(values);
        }

        private Sourced priorMrn() {
            Hl7Segment mrg = message.first("MRG").orElse(null);
            if (mrg == null) {
                problems.add(new Hl7Problem(Hl7Problem.Effect.ERROR, ErrorCode.SEGMENT_SEQUENCE_ERROR, "MRG", 1, 0,
                        "MRG segment missing: an A40 merge needs the prior patient identifier in MRG-1"));
                return null;
            }
            used.add(mrg);
            int rep = repetitionOfType(mrg, 1, 5, "MR");
            String value = mrg.get(1, rep, 1);
            if (value == null) {
                problems.add(Hl7Problem.error(ErrorCode.REQUIRED_FIELD_MISSING, mrg, 1,
                        "MRG-1 prior patient identifier is empty"));
                return null;
            }
            return checked("mrn", mrg, 1, value, mrg.path(1, rep, 1), 64);
        }

        // ---- visit

        private Sourced visitNumber(Hl7Segment pid, Hl7Segment pv1) {
            if (pv1 != null && pv1.get(19) != null) {
                return checked("visit_number", pv1, 19, pv1.get(19), pv1.path(19, 1), 64);
            }
            String account = pid.get(18);
            return account == null ? null : checked("visit_number", pid, 18, account, pid.path(18, 1), 64);
        }

        private Columns encounter(Hl7Segment pv1) {
            List<Sourced> values = new ArrayList<>();
            add(values, code("patient_class", pv1, 2, 4, "a patient class (table 0004)"));
            add(values, location("location", pv1, 3));
            add(values, code("admit_type", pv1, 4, 8, "an admission type (table 0007)"));
            provider(values, pv1, 7, "attending_npi", "attending_name");
            provider(values, pv1, 8, "referring_npi", "referring_name");
            add(values, code("hospital_service", pv1, 10, 20, "a hospital service code (table 0069)"));
            add(values, instant("admitted_at", pv1, 44));
            add(values, instant("discharged_at", pv1, 45));
            return new Columns(values);
        }

        // ---- coverage and guarantor

        private List<BillingUpdate.CoverageUpdate> coverages() {
            List<BillingUpdate.CoverageUpdate> coverages = new ArrayList<>();
            Map<Integer, Hl7Segment> byPriority = new LinkedHashMap<>();
            Hl7Segment in1 = null;
            List<Hl7Segment> group = new ArrayList<>();
            for (Hl7Segment segment : message.segments()) {
                if (segment.name().equals("IN1")) {
                    if (in1 != null) {
                        coverages.add(coverage(in1, group, coverages.size() + 1, byPriority));
                    }
                    in1 = segment;
                    group = new ArrayList<>();
                } else if (segment.name().equals("IN2") && in1 != null) {
                    group.add(segment);
                }
            }
            if (in1 != null) {
                coverages.add(coverage(in1, group, coverages.size() + 1, byPriority));
            }
            coverages.removeIf(java.util.Objects::isNull);
            return coverages;
        }

        private BillingUpdate.CoverageUpdate coverage(Hl7Segment in1, List<Hl7Segment> in2s, int order,
                                                      Map<Integer, Hl7Segment> byPriority) {
            Hl7Segment in2 = in2s.isEmpty() ? null : in2s.get(0);
            int priority = order;
            String priorityPath = in1.path(1) + " (order)";
            String cob = in1.get(22);
            if (cob != null) {
                if (!cob.matches("[1-9]")) {
                    problems.add(Hl7Problem.error(ErrorCode.DATA_TYPE_ERROR, in1, 22,
                            "IN1-22 coordination of benefits priority '" + cob + "' is not 1 to 9"));
                    return null;
                }
                priority = Integer.parseInt(cob);
                priorityPath = in1.path(22);
            }
            Hl7Segment earlier = byPriority.putIfAbsent(priority, in1);
            if (earlier != null) {
                problems.add(Hl7Problem.error(ErrorCode.DATA_TYPE_ERROR, in1, 22, in1 + " has the same priority "
                        + priority + " as " + earlier + ": one coverage would overwrite the other"));
                return null;
            }
            List<Sourced> values = new ArrayList<>();
            add(values, text("plan_id", in1, 2, 1, 80));
            add(values, firstOf(text("payer_id", in1, 3, 1, 80), in2 == null ? null : text("payer_id", in2, 25, 1, 80)));
            add(values, text("payer_name", in1, 4, 1, 120));
            add(values, text("group_number", in1, 8, 0, 80));
            add(values, text("group_name", in1, 9, 1, 120));
            add(values, date("effective_date", in1, 12));
            add(values, date("expiration_date", in1, 13));
            add(values, text("authorization_number", in1, 14, 1, 80));
            add(values, code("plan_type", in1, 15, 20, "a plan type (table 0086)"));
            name(values, in1, 16, "subscriber_last_name", "subscriber_first_name", null);
            add(values, firstOf(code("relationship", in1, 17, 8, "a relationship code (table 0063)"),
                    in2 == null ? null : code("relationship", in2, 72, 8, "a relationship code (table 0344)")));
            add(values, date("subscriber_birth_date", in1, 18));
            address(values, in1, 19, "subscriber_address", null, "subscriber_city", "subscriber_state",
                    "subscriber_postal_code");
            add(values, code("subscriber_sex", in1, 43, 1, "an HL7 table 0001 sex code"));
            // IN1-36 policy number is where most feeds put the member id; the standard's other homes for it follow
            Sourced member = firstOf(text("member_id", in1, 36, 0, 80), text("member_id", in1, 49, 1, 80));
            if (member == null && in2 != null) {
                member = firstOf(text("member_id", in2, 26, 0, 80), text("member_id", in2, 61, 1, 80),
                        text("member_id", in2, 6, 0, 80), text("member_id", in2, 8, 0, 80));
            }
            add(values, member);
            used.add(in1);
            used.addAll(in2s);
            return new BillingUpdate.CoverageUpdate(priority, priorityPath, new Columns(values));
        }

        private Columns guarantor() {
            List<Hl7Segment> gt1s = message.segments("GT1");
            if (gt1s.isEmpty()) {
                return Columns.none();
            }
            // one guarantor per patient: a second GT1 is left unmapped, and so holds the message
            Hl7Segment gt1 = gt1s.get(0);
            if (gt1s.size() > 1) {
                notMapped.put(gt1s.get(1), "the billing view keeps one guarantor per patient");
            }
            List<Sourced> values = new ArrayList<>();
            name(values, gt1, 3, "last_name", "first_name", null);
            address(values, gt1, 5, "address_line1", null, "city", "state", "postal_code");
            add(values, phone("phone", gt1, 6));
            add(values, code("relationship", gt1, 11, 8, "a relationship code (table 0063)"));
            used.add(gt1);
            return new Columns(values);
        }

        // ---- clinical lists

        private List<BillingUpdate.DiagnosisUpdate> diagnoses() {
            List<BillingUpdate.DiagnosisUpdate> diagnoses = new ArrayList<>();
            for (Hl7Segment dg1 : message.segments("DG1")) {
                List<Sourced> values = codedEntry(dg1, "diagnosis");
                if (values == null) {
                    continue;
                }
                Sourced code = values.get(0);
                add(values, code("diagnosis_type", dg1, 6, 4, "a diagnosis type (table 0052)"));
                add(values, sequence(dg1, 15, dg1.occurrence()));
                used.add(dg1);
                diagnoses.add(new BillingUpdate.DiagnosisUpdate((String) code.value(), new Columns(values)));
            }
            return diagnoses;
        }

        private List<BillingUpdate.ProcedureUpdate> procedures() {
            List<BillingUpdate.ProcedureUpdate> procedures = new ArrayList<>();
            for (Hl7Segment pr1 : message.segments("PR1")) {
                List<Sourced> values = codedEntry(pr1, "procedure");
                if (values == null) {
                    continue;
                }
                Sourced code = values.get(0);
                Sourced performed = instant("performed_at", pr1, 5);
                add(values, performed);
                add(values, text("surgeon_npi", pr1, 11, 1, 20));
                add(values, sequence(pr1, 1, pr1.occurrence()));
                used.add(pr1);
                procedures.add(new BillingUpdate.ProcedureUpdate((String) code.value(),
                        performed == null ? null : (LocalDateTime) performed.value(), new Columns(values)));
            }
            return procedures;
        }

        /**
         * DG1 and PR1 share their first fields: the code (field 3.1, first in the list), its coding system (3.3, else
         * field 2) and its description (3.2, else field 4). Null, with the problem noted, when there is no code.
         */
        private List<Sourced> codedEntry(Hl7Segment segment, String noun) {
            Sourced code = text("code", segment, 3, 1, 20);
            if (code == null || code.value() == null) {
                problems.add(Hl7Problem.error(ErrorCode.REQUIRED_FIELD_MISSING, segment, 3,
                        segment.name() + "-3 " + noun + " code is empty"));
                return null;
            }
            List<Sourced> values = new ArrayList<>();
            values.add(code);
            add(values, firstOf(text("coding_system", segment, 3, 3, 20), text("coding_system", segment, 2, 0, 20)));
            add(values, firstOf(description("description", segment, 3, 2), description("description", segment, 4, 0)));
            return values;
        }

        private Sourced sequence(Hl7Segment segment, int field, int order) {
            String given = segment.get(field);
            if (given != null && given.matches("\\d{1,4}")) {
                return Sourced.of("sequence", Integer.parseInt(given), segment.path(field), given);
            }
            return Sourced.of("sequence", order, segment.toString() + " (order)", String.valueOf(order));
        }

        // ---- charges

        private List<BillingUpdate.ChargeUpdate> charges() {
            List<BillingUpdate.ChargeUpdate> charges = new ArrayList<>();
            Map<String, Hl7Segment> byTransactionId = new java.util.HashMap<>();
            for (Hl7Segment ft1 : message.segments("FT1")) {
                int before = problems.size();
                BillingUpdate.ChargeUpdate charge = charge(ft1);
                Hl7Segment earlier = charge == null || charge.transactionId() == null ? null
                        : byTransactionId.putIfAbsent(charge.transactionId(), ft1);
                if (earlier != null) {
                    // stored by transaction id, the second would silently overwrite the first
                    notMapped.put(ft1, "transaction id " + charge.transactionId() + " repeats " + earlier);
                } else if (charge != null && problems.size() == before) {
                    used.add(ft1);
                    charges.add(charge);
                }
            }
            return charges;
        }

        private BillingUpdate.ChargeUpdate charge(Hl7Segment ft1) {
            String transactionType = ft1.get(6);
            if (transactionType == null) {
                problems.add(Hl7Problem.error(ErrorCode.REQUIRED_FIELD_MISSING, ft1, 6,
                        "FT1-6 transaction type is empty"));
                return null;
            }
            if (!CHARGE_TYPES.contains(transactionType)) {
                notMapped.put(ft1, "transaction type '" + transactionType + "' is not a charge (CG) or credit (CD)");
                return null;
            }
            List<Sourced> values = new ArrayList<>();
            values.add(Sourced.of("transaction_type", transactionType, ft1.path(6), transactionType));
            add(values, text("transaction_id", ft1, 2, 0, 64));
            Sourced serviceDate = date("service_date", ft1, 4);
            if (serviceDate == null && ft1.get(4) == null) {
                problems.add(Hl7Problem.error(ErrorCode.REQUIRED_FIELD_MISSING, ft1, 4,
                        "FT1-4 transaction (service) date is empty"));
            }
            add(values, serviceDate);
            add(values, text("transaction_code", ft1, 7, 1, 64));
            add(values, firstOf(description("description", ft1, 7, 2), description("description", ft1, 8, 0)));
            Sourced units = decimal("units", ft1, 10, new BigDecimal("9999999.99"));
            add(values, units);
            add(values, amount(ft1, units));
            procedureAndModifiers(values, ft1);
            add(values, diagnosisLinks(ft1));
            add(values, text("place_of_service", ft1, 16, 1, 8));
            provider(values, ft1, 20, "performing_npi", "performing_name");
            add(values, text("ordering_npi", ft1, 21, 1, 20));
            return new BillingUpdate.ChargeUpdate(ft1.toString(), transactionType, new Columns(values));
        }

        /** FT1-11 extended amount; else FT1-12 unit amount times the units (one when FT1-10 is empty). */
        private Sourced amount(Hl7Segment ft1, Sourced units) {
            BigDecimal max = new BigDecimal("9999999999.99");
            Sourced extended = decimal("amount", ft1, 11, max);
            if (extended != null || ft1.isExplicitNull(11)) {
                return extended;
            }
            Sourced unit = decimal("amount", ft1, 12, max);
            if (unit == null || unit.value() == null) {
                return unit;
            }
            BigDecimal quantity = units == null || units.value() == null ? BigDecimal.ONE : (BigDecimal) units.value();
            BigDecimal total = ((BigDecimal) unit.value()).multiply(quantity).setScale(2, RoundingMode.HALF_UP);
            return Sourced.of("amount", total, unit.path(), unit.raw() + " x " + quantity.toPlainString());
        }

        private void procedureAndModifiers(List<Sourced> values, Hl7Segment ft1) {
            Sourced code = text("procedure_code", ft1, 25, 1, 40);
            List<String> modifiers = new ArrayList<>();
            for (int rep = 0; rep < ft1.repetitions(26); rep++) {
                String modifier = ft1.get(26, rep, 1);
                if (modifier != null) {
                    modifiers.add(modifier);
                }
            }
            String modifierPath = ft1.path(26);
            if (code != null && code.value() != null) {
                Matcher suffixed = CODE_WITH_MODIFIERS.matcher((String) code.value());
                if (suffixed.matches()) {
                    code = Sourced.of("procedure_code", suffixed.group(1), code.path(), code.raw());
                    if (modifiers.isEmpty()) {
                        modifiers.addAll(List.of(suffixed.group(2).substring(1).split("[-:]")));
                        modifierPath = code.path();
                    }
                }
                if (((String) code.value()).length() > 16) {
                    problems.add(Hl7Problem.error(ErrorCode.DATA_TYPE_ERROR, ft1, 25, "FT1-25.1 procedure code '"
                            + code.value() + "' is longer than a CPT/HCPCS code can be"));
                    code = null;
                }
            }
            add(values, code);
            if (!modifiers.isEmpty()) {
                add(values, checked("modifiers", ft1, 26, String.join(",", modifiers), modifierPath, 20));
            } else if (ft1.isExplicitNull(26)) {
                values.add(Sourced.clear("modifiers", ft1.path(26)));
            }
        }

        /** FT1-19: codes in pointer order; a bare number points at the DG1 with that set id. */
        private Sourced diagnosisLinks(Hl7Segment ft1) {
            if (ft1.isExplicitNull(19)) {
                return Sourced.clear("diagnosis_codes", ft1.path(19));
            }
            List<String> codes = new ArrayList<>();
            List<String> raw = new ArrayList<>();
            for (int rep = 0; rep < ft1.repetitions(19); rep++) {
                String value = ft1.get(19, rep, 1);
                if (value == null) {
                    continue;
                }
                raw.add(value);
                if (value.matches("\\d{1,2}")) {
                    String pointed = diagnosisBySetId(Integer.parseInt(value));
                    if (pointed == null) {
                        problems.add(Hl7Problem.error(ErrorCode.DATA_TYPE_ERROR, ft1, 19, "FT1-19 diagnosis pointer "
                                + value + " matches no DG1 in the message"));
                        return null;
                    }
                    value = pointed;
                }
                codes.add(value);
            }
            if (codes.isEmpty()) {
                return null;
            }
            Sourced links = checked("diagnosis_codes", ft1, 19, String.join(",", codes), ft1.path(19), 120);
            return links == null ? null : Sourced.of(links.column(), links.value(), links.path(), String.join("~", raw));
        }

        private String diagnosisBySetId(int setId) {
            for (Hl7Segment dg1 : message.segments("DG1")) {
                String id = dg1.get(1);
                if (id != null ? id.equals(String.valueOf(setId)) : dg1.occurrence() == setId) {
                    return dg1.get(3, 1);
                }
            }
            return null;
        }

        // ---- accounting

        private void accountForEverySegment(boolean merge) {
            if (problems.stream().anyMatch(p -> p.effect() != Hl7Problem.Effect.HOLD)) {
                return;
            }
            Map<String, int[]> counts = new LinkedHashMap<>();
            List<String> reasons = new ArrayList<>();
            for (Hl7Segment segment : message.segments()) {
                String name = segment.name();
                int[] count = counts.computeIfAbsent(name, n -> new int[2]);
                count[0]++;
                if (used.contains(segment) || deliberatelyIgnored(name, merge)) {
                    count[1]++;
                } else if (notMapped.containsKey(segment)) {
                    reasons.add(segment + ": " + notMapped.get(segment));
                }
            }
            List<String> lost = new ArrayList<>();
            counts.forEach((name, count) -> {
                if (count[1] < count[0]) {
                    lost.add(count[0] + " " + name + " in raw, " + count[1] + " mapped");
                }
            });
            if (!lost.isEmpty()) {
                problems.add(Hl7Problem.hold(String.join("; ", lost) + (reasons.isEmpty() ? ""
                        : " (" + String.join("; ", reasons) + ")") + ": held rather than half-applied"));
            }
        }

        private boolean deliberatelyIgnored(String name, boolean merge) {
            return IGNORED.contains(name) || name.startsWith("Z")
                    || (name.equals("MRG") && !merge)
                    // an A40 moves the patient's records; its other segments repeat what is already on file
                    || (merge && Set.of("PV1", "IN1", "IN2", "GT1", "DG1", "PR1").contains(name));
        }

        // ---- field readers

        private int repetitionOfType(Hl7Segment segment, int field, int typeComponent, String type) {
            for (int rep = 0; rep < segment.repetitions(field); rep++) {
                if (type.equals(segment.get(field, rep, typeComponent)) && segment.get(field, rep, 1) != null) {
                    return rep;
                }
            }
            return 0;
        }

        /** Component {@code component} of a field (0: the field's first component, path without component). */
        private Sourced text(String column, Hl7Segment segment, int field, int component, int max) {
            if (segment.isExplicitNull(field)) {
                return Sourced.clear(column, segment.path(field));
            }
            String value = segment.get(field, Math.max(component, 1));
            if (value == null) {
                return null;
            }
            return checked(column, segment, field, value,
                    component == 0 ? segment.path(field) : segment.path(field, component), max);
        }

        /** A coded value: too long for its column means it is not the code it should be. */
        private Sourced code(String column, Hl7Segment segment, int field, int max, String what) {
            Sourced value = text(column, segment, field, 1, Integer.MAX_VALUE);
            if (value != null && value.value() != null && ((String) value.value()).length() > max) {
                problems.add(Hl7Problem.error(ErrorCode.DATA_TYPE_ERROR, segment, field, segment.name() + "-" + field
                        + " '" + value.value() + "' is not " + what));
                return null;
            }
            if (value == null || value.cleared()) {
                return value;
            }
            return Sourced.of(column, value.value(), segment.path(field), value.raw());
        }

        /** Free text: cut to its column rather than refuse the message over a long description. */
        private Sourced description(String column, Hl7Segment segment, int field, int component) {
            String value = segment.get(field, Math.max(component, 1));
            if (value == null) {
                return null;
            }
            String path = component == 0 ? segment.path(field) : segment.path(field, component);
            return Sourced.of(column, value.length() > 255 ? value.substring(0, 255) : value, path, value);
        }

        private Sourced checked(String column, Hl7Segment segment, int field, String value, String path, int max) {
            if (value.length() > max) {
                problems.add(Hl7Problem.error(ErrorCode.DATA_TYPE_ERROR, segment, field, path + " value is "
                        + value.length() + " characters, more than the " + max + " it may have"));
                return null;
            }
            return Sourced.of(column, value, path, value);
        }

        private Sourced date(String column, Hl7Segment segment, int field) {
            if (segment.isExplicitNull(field)) {
                return Sourced.clear(column, segment.path(field));
            }
            String raw = segment.get(field, 0, 1, 1);
            if (raw == null) {
                return null;
            }
            try {
                LocalDate date = Hl7Time.date(raw);
                return Sourced.of(column, date, segment.path(field), raw);
            } catch (IllegalArgumentException e) {
                problems.add(Hl7Problem.error(ErrorCode.DATA_TYPE_ERROR, segment, field, segment.name() + "-" + field
                        + " " + e.getMessage()));
                return null;
            }
        }

        private Sourced instant(String column, Hl7Segment segment, int field) {
            if (segment.isExplicitNull(field)) {
                return Sourced.clear(column, segment.path(field));
            }
            String raw = segment.get(field, 0, 1, 1);
            if (raw == null) {
                return null;
            }
            try {
                return Sourced.of(column, Hl7Time.utc(raw, unzoned), segment.path(field), raw);
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                problems.add(Hl7Problem.error(ErrorCode.DATA_TYPE_ERROR, segment, field, segment.name() + "-" + field
                        + " " + e.getMessage()));
                return null;
            }
        }

        private Sourced decimal(String column, Hl7Segment segment, int field, BigDecimal max) {
            if (segment.isExplicitNull(field)) {
                return Sourced.clear(column, segment.path(field));
            }
            String raw = segment.get(field, 0, 1, 1);
            if (raw == null) {
                return null;
            }
            try {
                BigDecimal value = new BigDecimal(raw.replace(",", "")).setScale(2, RoundingMode.HALF_UP);
                if (value.abs().compareTo(max) > 0) {
                    throw new NumberFormatException("too large");
                }
                return Sourced.of(column, value, segment.path(field), raw);
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add(Hl7Problem.error(ErrorCode.DATA_TYPE_ERROR, segment, field, segment.name() + "-" + field
                        + " '" + raw + "' is not a number"));
                return null;
            }
        }

        private void name(List<Sourced> values, Hl7Segment segment, int field, String family, String given,
                          String middle) {
            if (segment.isExplicitNull(field)) {
                values.add(Sourced.clear(family, segment.path(field)));
                values.add(Sourced.clear(given, segment.path(field)));
                if (middle != null) {
                    values.add(Sourced.clear(middle, segment.path(field)));
                }
                return;
            }
            add(values, part(family, segment, field, 1, 80));
            add(values, part(given, segment, field, 2, 80));
            if (middle != null) {
                add(values, part(middle, segment, field, 3, 80));
            }
        }

        private void address(List<Sourced> values, Hl7Segment segment, int field, String line1, String line2,
                             String city, String state, String postal) {
            if (segment.isExplicitNull(field)) {
                for (String column : new String[] {line1, line2, city, state, postal}) {
                    if (column != null) {
                        values.add(Sourced.clear(column, segment.path(field)));
                    }
                }
                return;
            }
            add(values, part(line1, segment, field, 1, 120));
            if (line2 != null) {
                add(values, part(line2, segment, field, 2, 120));
            }
            add(values, part(city, segment, field, 3, 60));
            add(values, part(state, segment, field, 4, 2));
            add(values, part(postal, segment, field, 5, 10));
        }

        private Sourced part(String column, Hl7Segment segment, int field, int component, int max) {
            String value = segment.get(field, 0, component, 1);
            return value == null ? null
                    : checked(column, segment, field, value, segment.path(field, component), max);
        }

        /** XTN: the formatted number (XTN.1) up to v2.6, area code and local number (XTN.6, .7) from v2.7 on. */
        private Sourced phone(String column, Hl7Segment segment, int field) {
            if (segment.isExplicitNull(field)) {
                return Sourced.clear(column, segment.path(field));
            }
            String formatted = segment.get(field, 1);
            if (formatted != null) {
                return checked(column, segment, field, formatted, segment.path(field, 1), 40);
            }
            String local = segment.get(field, 7);
            if (local == null) {
                return null;
            }
            String area = segment.get(field, 6);
            String extension = segment.get(field, 8);
            String phone = (area == null ? "" : "(" + area + ")") + local + (extension == null ? "" : " x" + extension);
            return checked(column, segment, field, phone, segment.path(field, 7), 40);
        }

        /** PL: point of care, room, bed, facility, as one readable location. */
        private Sourced location(String column, Hl7Segment segment, int field) {
            if (segment.isExplicitNull(field)) {
                return Sourced.clear(column, segment.path(field));
            }
            List<String> parts = new ArrayList<>();
            for (int component = 1; component <= 4; component++) {
                String part = segment.get(field, component);
                if (part != null) {
                    parts.add(part);
                }
            }
            return parts.isEmpty() ? null
                    : checked(column, segment, field, String.join(" / ", parts), segment.path(field), 120);
        }

        /** XCN: the repetition whose identifier type (XCN.13) is NPI, else the first; its id and name. */
        private void provider(List<Sourced> values, Hl7Segment segment, int field, String npiColumn,
                              String nameColumn) {
            if (segment.isExplicitNull(field)) {
                values.add(Sourced.clear(npiColumn, segment.path(field)));
                values.add(Sourced.clear(nameColumn, segment.path(field)));
                return;
            }
            int rep = repetitionOfType(segment, field, 13, "NPI");
            String id = segment.get(field, rep, 1);
            if (id != null) {
                add(values, checked(npiColumn, segment, field, id, segment.path(field, rep, 1), 20));
            }
            String family = segment.get(field, rep, 2, 1);
            String given = segment.get(field, rep, 3);
            if (family != null || given != null) {
                String name = family == null ? given : given == null ? family : family + ", " + given;
                add(values, checked(nameColumn, segment, field, name, segment.path(field, rep, 2), 120));
            }
        }

        private Sourced firstOf(Sourced... candidates) {
            for (Sourced candidate : candidates) {
                if (candidate != null) {
                    return candidate;
                }
            }
            return null;
        }

        private void add(List<Sourced> values, Sourced value) {
            if (value != null) {
                values.add(value);
            }
        }
    }
}
