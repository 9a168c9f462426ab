package org.claimbridge.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimbridge.encounter.FeedMessages.message;
import static org.claimbridge.encounter.FeedMessages.xcn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.claimbridge.intake.Hl7Problem;
import org.claimbridge.intake.Hl7TestMessages;
import org.junit.jupiter.api.Test;

class BillingMappingTest {

    private final BillingMapping mapping = new BillingMapping(ZoneId.of("UTC"));

    private Extraction extract(FeedMessages message) {
        return mapping.extract(Hl7TestMessages.parse(message.text()));
    }

    private static void assertValue(Columns columns, String column, Object value, String path) {
        Sourced sourced = columns.get(column);
        assertThat(sourced).as(column).isNotNull();
        assertThat(sourced.value()).as(column).isEqualTo(value);
        assertThat(sourced.path()).as(column + " path").isEqualTo(path);
    }

    static FeedMessages dft(String controlId) {
        return message("FAMPRAC", "DFT^P03", controlId, "2.5")
                .segment("EVN", 1, "P03", 2, "20261120101010")
                .segment("PID", 1, "1", 3, "X99^^^OTHER^PI~MRN100^^^FAMPRAC^MR", 5, "Doe^Jane^Q", 7, "19800512",
                        8, "F", 11, "12 Elm St^Apt 4^Springfield^IL^62701", 13, "(217)555-0100", 18, "ACC100")
                .segment("PV1", 1, "1", 2, "O", 3, "CLINIC^101^A^FAMPRAC", 4, "R",
                        7, "L123^Welby^Marcus~" + xcn("1234567893", "Welby", "Marcus", "NPI"),
                        8, "1987654321^Kildare^James", 10, "MED", 19, "V100", 44, "20261120083000",
                        45, "202611200930-0500")
                .segment("FT1", 1, "1", 2, "T1", 4, "20261120", 6, "CG", 7, "OV3^Office visit est 3", 10, "1",
                        11, "150.00", 16, "11", 19, "J06.9~R05", 20, xcn("1234567893", "Welby", "Marcus", "NPI"),
                        21, "1987654321^Kildare^James", 25, "99213^Office visit^C4", 26, "25~59")
                .segment("DG1", 1, "1", 3, "J06.9^Acute upper respiratory infection^I10", 6, "F", 15, "1")
                .segment("DG1", 1, "2", 3, "R05^Cough^I10", 6, "W")
                .segment("GT1", 1, "1", 3, "Doe^John", 5, "12 Elm St^^Springfield^IL^62701", 6, "(217)555-0101",
                        11, "SPO")
                .segment("IN1", 1, "1", 2, "PPO1", 3, "60054^^^^NAIC", 4, "Aetna Choice", 8, "GRP77",
                        9, "Acme Corp", 12, "20260101", 13, "20261231", 14, "AUTH9", 15, "PPO", 16, "Doe^John",
                        17, "SPO", 18, "19780203", 19, "12 Elm St^^Springfield^IL^62701", 22, "1", 36, "W123456789",
                        43, "M")
                .segment("IN1", 1, "2", 3, "MCR", 4, "Medicare Part B", 17, "SEL")
                .segment("IN2", 26, "1EG4TE5MK73")
                .segment("FT1", 1, "2", 2, "T2", 4, "20261120", 6, "CG", 7, "INJ", 10, "2", 12, "12.50",
                        19, "2~1", 25, "J1100-JW");
    }

    @Test
    void readsEveryFieldOfADftWhateverTheSegmentOrderWithItsPath() {
        Extraction extraction = extract(dft("D1"));
        assertThat(extraction.problems()).isEmpty();
        BillingUpdate u = extraction.update();

        assertThat(u.messageType()).isEqualTo("DFT");
        assertThat(u.sendingFacility()).isEqualTo("FAMPRAC");
        assertThat(u.mrn().value()).isEqualTo("MRN100");
        assertThat(u.mrn().path()).isEqualTo("PID(1)-3[2].1");
        assertValue(u.patient(), "last_name", "Doe", "PID(1)-5.1");
        assertValue(u.patient(), "first_name", "Jane", "PID(1)-5.2");
        assertValue(u.patient(), "middle_name", "Q", "PID(1)-5.3");
        assertValue(u.patient(), "birth_date", LocalDate.of(1980, 5, 12), "PID(1)-7");
        assertValue(u.patient(), "sex", "F", "PID(1)-8");
        assertValue(u.patient(), "address_line1", "12 Elm St", "PID(1)-11.1");
        assertValue(u.patient(), "address_line2", "Apt 4", "PID(1)-11.2");
        assertValue(u.patient(), "city", "Springfield", "PID(1)-11.3");
        assertValue(u.patient(), "state", "IL", "PID(1)-11.4");
        assertValue(u.patient(), "postal_code", "62701", "PID(1)-11.5");
        assertValue(u.patient(), "phone", "(217)555-0100", "PID(1)-13.1");

        assertThat(u.visitNumber().value()).isEqualTo("V100");
        assertThat(u.visitNumber().path()).isEqualTo("PV1(1)-19.1");
        assertValue(u.encounter(), "account_number", "ACC100", "PID(1)-18.1");
        assertValue(u.encounter(), "patient_class", "O", "PV1(1)-2");
        assertValue(u.encounter(), "location", "CLINIC / 101 / A / FAMPRAC", "PV1(1)-3");
        assertValue(u.encounter(), "admit_type", "R", "PV1(1)-4");
        // the repetition typed NPI wins over a local id listed first
        assertValue(u.encounter(), "attending_npi", "1234567893", "PV1(1)-7[2].1");
        assertValue(u.encounter(), "attending_name", "Welby, Marcus", "PV1(1)-7[2].2");
        assertValue(u.encounter(), "referring_npi", "1987654321", "PV1(1)-8.1");
        assertValue(u.encounter(), "referring_name", "Kildare, James", "PV1(1)-8.2");
        assertValue(u.encounter(), "hospital_service", "MED", "PV1(1)-10");
        assertValue(u.encounter(), "admitted_at", LocalDateTime.of(2026, 11, 20, 8, 30), "PV1(1)-44");
        assertValue(u.encounter(), "discharged_at", LocalDateTime.of(2026, 11, 20, 14, 30), "PV1(1)-45");

        assertThat(u.coverages()).hasSize(2);
        BillingUpdate.CoverageUpdate primary = u.coverages().get(0);
        assertThat(primary.priority()).isEqualTo(1);
        assertThat(primary.priorityPath()).isEqualTo("IN1(1)-22");
        Columns c = primary.columns();
        assertValue(c, "plan_id", "PPO1", "IN1(1)-2.1");
        assertValue(c, "payer_id", "60054", "IN1(1)-3.1");
        assertValue(c, "payer_name", "Aetna Choice", "IN1(1)-4.1");
        assertValue(c, "group_number", "GRP77", "IN1(1)-8");
        assertValue(c, "group_name", "Acme Corp", "IN1(1)-9.1");
        assertValue(c, "effective_date", LocalDate.of(2026, 1, 1), "IN1(1)-12");
        assertValue(c, "expiration_date", LocalDate.of(2026, 12, 31), "IN1(1)-13");
        assertValue(c, "authorization_number", "AUTH9", "IN1(1)-14.1");
        assertValue(c, "plan_type", "PPO", "IN1(1)-15");
        assertValue(c, "subscriber_last_name", "Doe", "IN1(1)-16.1");
        assertValue(c, "subscriber_first_name", "John", "IN1(1)-16.2");
        assertValue(c, "relationship", "SPO", "IN1(1)-17");
        assertValue(c, "subscriber_birth_date", LocalDate.of(1978, 2, 3), "IN1(1)-18");
        assertValue(c, "subscriber_address", "12 Elm St", "IN1(1)-19.1");
        assertValue(c, "subscriber_city", "Springfield", "IN1(1)-19.3");
        assertValue(c, "subscriber_state", "IL", "IN1(1)-19.4");
        assertValue(c, "subscriber_postal_code", "62701", "IN1(1)-19.5");
        assertValue(c, "subscriber_sex", "M", "IN1(1)-43");
        assertValue(c, "member_id", "W123456789", "IN1(1)-36");
        BillingUpdate.CoverageUpdate secondary = u.coverages().get(1);
        assertThat(secondary.priority()).isEqualTo(2);
        assertThat(secondary.priorityPath()).isEqualTo("IN1(2)-1 (order)");
        // no IN1-36 or IN1-49: the payor's subscriber id in the IN2 that follows
        assertValue(secondary.columns(), "member_id", "1EG4TE5MK73", "IN2(1)-26");
        assertValue(secondary.columns(), "relationship", "SEL", "IN1(2)-17");

        assertValue(u.guarantor(), "last_name", "Doe", "GT1(1)-3.1");
        assertValue(u.guarantor(), "first_name", "John", "GT1(1)-3.2");
        assertValue(u.guarantor(), "address_line1", "12 Elm St", "GT1(1)-5.1");
        assertValue(u.guarantor(), "city", "Springfield", "GT1(1)-5.3");
        assertValue(u.guarantor(), "phone", "(217)555-0101", "GT1(1)-6.1");
        assertValue(u.guarantor(), "relationship", "SPO", "GT1(1)-11");

        assertThat(u.diagnoses()).extracting(BillingUpdate.DiagnosisUpdate::code).containsExactly("J06.9", "R05");
        Columns dx = u.diagnoses().get(0).columns();
        assertValue(dx, "code", "J06.9", "DG1(1)-3.1");
        assertValue(dx, "coding_system", "I10", "DG1(1)-3.3");
        assertValue(dx, "description", "Acute upper respiratory infection", "DG1(1)-3.2");
        assertValue(dx, "diagnosis_type", "F", "DG1(1)-6");
        assertValue(dx, "sequence", 1, "DG1(1)-15");
        assertValue(u.diagnoses().get(1).columns(), "sequence", 2, "DG1(2) (order)");

        assertThat(u.charges()).hasSize(2);
        Columns ft1 = u.charges().get(0).columns();
        assertValue(ft1, "transaction_type", "CG", "FT1(1)-6");
        assertValue(ft1, "transaction_id", "T1", "FT1(1)-2");
        assertValue(ft1, "service_date", LocalDate.of(2026, 11, 20), "FT1(1)-4");
        assertValue(ft1, "transaction_code", "OV3", "FT1(1)-7.1");
        assertValue(ft1, "description", "Office visit est 3", "FT1(1)-7.2");
        assertValue(ft1, "units", new BigDecimal("1.00"), "FT1(1)-10");
        assertValue(ft1, "amount", new BigDecimal("150.00"), "FT1(1)-11");
        assertValue(ft1, "procedure_code", "99213", "FT1(1)-25.1");
        assertValue(ft1, "modifiers", "25,59", "FT1(1)-26");
        assertValue(ft1, "diagnosis_codes", "J06.9,R05", "FT1(1)-19");
        assertValue(ft1, "place_of_service", "11", "FT1(1)-16.1");
        assertValue(ft1, "performing_npi", "1234567893", "FT1(1)-20.1");
        assertValue(ft1, "performing_name", "Welby, Marcus", "FT1(1)-20.2");
        assertValue(ft1, "ordering_npi", "1987654321", "FT1(1)-21.1");

        Columns second = u.charges().get(1).columns();
        // unit amount times units when FT1-11 is empty
        assertValue(second, "amount", new BigDecimal("25.00"), "FT1(2)-12");
        assertThat(second.get("amount").raw()).isEqualTo("12.50 x 2.00");
        // modifiers appended to the code in FT1-25.1, and FT1-19 pointers to DG1 set ids
        assertValue(second, "procedure_code", "J1100", "FT1(2)-25.1");
        assertValue(second, "modifiers", "JW", "FT1(2)-25.1");
        assertValue(second, "diagnosis_codes", "R05,J06.9", "FT1(2)-19");
    }

    @Test
    void ftOnesAfterDgOneGtOneAndInOneAreAllCharges() {
        Extraction extraction = extract(message("FAMPRAC", "DFT^P03", "D2", "2.5")
                .segment("PID", 1, "1", 3, "MRN1")
                .segment("PV1", 1, "1", 2, "O", 19, "V1")
                .segment("DG1", 1, "1", 3, "J06.9^^I10")
                .segment("GT1", 1, "1", 3, "Doe^John")
                .segment("IN1", 1, "1", 3, "P1", 36, "M1")
                .segment("FT1", 1, "1", 4, "20261120", 6, "CG", 25, "99213")
                .segment("FT1", 1, "2", 4, "20261120", 6, "CG", 25, "81002")
                .segment("FT1", 1, "3", 4, "20261120", 6, "CG", 25, "36415"));
        assertThat(extraction.problems()).isEmpty();
        assertThat(extraction.update().charges()).extracting(BillingUpdate.ChargeUpdate::procedureCode)
                .containsExactly("99213", "81002", "36415");
    }

    @Test
    void readsVersion23Layouts() {
        Extraction extraction = extract(message("FAMPRAC", "ADT^A01", "A1", "2.3")
                .segment("EVN", 1, "A01")
                .segment("PID", 1, "1", 3, "MRN23", 5, "Roe^Richard", 7, "197001", 8, "M",
                        13, "217-555-0199^PRN^PH")
                .segment("PV1", 1, "1", 2, "I", 19, "V23", 44, "200611201200")
                .segment("DG1", 1, "1", 2, "I9", 3, "786.2", 4, "COUGH"));
        assertThat(extraction.problems()).isEmpty();
        BillingUpdate u = extraction.update();
        assertValue(u.patient(), "birth_date", LocalDate.of(1970, 1, 1), "PID(1)-7");
        assertThat(u.patient().get("birth_date").raw()).isEqualTo("197001");
        assertValue(u.patient(), "phone", "217-555-0199", "PID(1)-13.1");
        Columns dx = u.diagnoses().get(0).columns();
        assertValue(dx, "coding_system", "I9", "DG1(1)-2");
        assertValue(dx, "description", "COUGH", "DG1(1)-4");
    }

    @Test
    void readsVersion28Layouts() {
        Extraction extraction = extract(message("FAMPRAC", "ADT^A04", "A2", "2.8")
                .segment("EVN", 2, "20261120101010")
                .segment("PID", 1, "1", 3, "MRN28^^^FAMPRAC^MR", 5, "Roe^Rita", 7, "19900101", 8, "F",
                        13, "^PRN^PH^^1^217^5550123^45")
                .segment("PV1", 1, "1", 2, "O", 7, xcn("1234567893", "Welby", "Marcus", "NPI"), 19, "V28")
                .segment("PRT", 1, "1", 4, "AT")
                .segment("IN1", 1, "1", 3, "60054", 49, "ID49"));
        assertThat(extraction.problems()).isEmpty();
        BillingUpdate u = extraction.update();
        assertValue(u.patient(), "phone", "(217)5550123 x45", "PID(1)-13.7");
        assertValue(u.encounter(), "attending_npi", "1234567893", "PV1(1)-7.1");
        assertValue(u.coverages().get(0).columns(), "member_id", "ID49", "IN1(1)-49.1");
    }

    @Test
    void decodesEscapeSequences() {
        Extraction extraction = extract(message("FAMPRAC", "DFT^P03", "E1", "2.5")
                .segment("PID", 1, "1", 3, "MRN1", 5, "O\\T\\Brien^Ann", 11, "1\\S\\2 Main St^^Town^IL^62701")
                .segment("PV1", 1, "1", 19, "V1")
                .segment("FT1", 1, "1", 4, "20261120", 6, "CG", 7, "X1^Knee \\F\\ hip \\E\\ x", 25, "20610"));
        assertThat(extraction.problems()).isEmpty();
        assertValue(extraction.update().patient(), "last_name", "O&Brien", "PID(1)-5.1");
        assertValue(extraction.update().patient(), "address_line1", "1^2 Main St", "PID(1)-11.1");
        assertThat(extraction.update().charges().get(0).columns().value("description")).isEqualTo("Knee | hip \\ x");
    }

    @Test
    void readsLatin1BytesDeclaredOrNot() {
        for (String charset : new String[] {"8859/1", null}) {
            FeedMessages m = charset == null ? message("FAMPRAC", "ADT^A08", "L1", "2.5")
                    : message("FAMPRAC", "ADT^A08", "L1", "2.5", charset);
            m.segment("PID", 1, "1", 3, "MRN1", 5, "Muñoz^José");
            Extraction extraction = mapping.extract(Hl7TestMessages.parse(m.text().getBytes(StandardCharsets.ISO_8859_1)));
            assertThat(extraction.problems()).isEmpty();
            assertThat(extraction.update().patient().value("last_name")).isEqualTo("Muñoz");
            assertThat(extraction.update().patient().value("first_name")).isEqualTo("José");
        }
    }

    @Test
    void readsDatesOfEveryPrecision() {
        assertThat(Hl7Time.date("1980")).isEqualTo(LocalDate.of(1980, 1, 1));
        assertThat(Hl7Time.date("198005")).isEqualTo(LocalDate.of(1980, 5, 1));
        assertThat(Hl7Time.date("19800512")).isEqualTo(LocalDate.of(1980, 5, 12));
        assertThat(Hl7Time.date("198005122359")).isEqualTo(LocalDate.of(1980, 5, 12));
        assertThat(Hl7Time.date("19800512235959-0800")).isEqualTo(LocalDate.of(1980, 5, 12));
        ZoneId utc = ZoneId.of("UTC");
        assertThat(Hl7Time.utc("2026112008", utc)).isEqualTo(LocalDateTime.of(2026, 11, 20, 8, 0));
        assertThat(Hl7Time.utc("20261120083015.1234-0500", utc))
                .isEqualTo(LocalDateTime.of(2026, 11, 20, 13, 30, 15, 123_400_000));
        assertThat(Hl7Time.utc("20261120083015+0100", utc)).isEqualTo(LocalDateTime.of(2026, 11, 20, 7, 30, 15));
        assertThat(Hl7Time.utc("202611200830", ZoneId.of("America/Chicago")))
                .isEqualTo(LocalDateTime.of(2026, 11, 20, 14, 30));
    }

    @Test
    void anUnreadableBirthDateIsADataTypeErrorAtPid7() {
        Extraction extraction = extract(message("FAMPRAC", "ADT^A08", "B1", "2.5")
                .segment("PID", 1, "1", 3, "MRN1", 7, "19801340"));
        assertThat(extraction.problems()).singleElement().satisfies(p -> {
            assertThat(p.effect()).isEqualTo(Hl7Problem.Effect.ERROR);
            assertThat(p.code().getCode()).isEqualTo(102);
            assertThat(p.location()).isEqualTo("PID(1)-7");
        });
    }

    @Test
    void senderErrorsNameCodeAndPlace() {
        Extraction missingMrn = extract(message("FAMPRAC", "ADT^A08", "B2", "2.5").segment("PID", 1, "1", 5, "Doe"));
        assertThat(missingMrn.problems()).extracting(p -> p.code().getCode() + " " + p.location())
                .containsExactly("101 PID(1)-3");

        Extraction badUnits = extract(message("FAMPRAC", "DFT^P03", "B3", "2.5")
                .segment("PID", 1, "1", 3, "MRN1").segment("PV1", 1, "1", 19, "V1")
                .segment("FT1", 1, "1", 4, "20261120", 6, "CG", 25, "99213")
                .segment("FT1", 1, "2", 4, "20261120", 6, "CG", 10, "two", 11, "1O.00", 25, "99213"));
        assertThat(badUnits.problems()).extracting(p -> p.code().getCode() + " " + p.location())
                .containsExactly("102 FT1(2)-10", "102 FT1(2)-11");

        Extraction noVisit = extract(message("FAMPRAC", "DFT^P03", "B4", "2.5")
                .segment("PID", 1, "1", 3, "MRN1").segment("PV1", 1, "1", 2, "O")
                .segment("FT1", 1, "1", 4, "20261120", 6, "CG", 25, "99213"));
        assertThat(noVisit.problems()).extracting(p -> p.code().getCode() + " " + p.location())
                .containsExactly("101 PV1(1)-19");
    }

    @Test
    void holdsWhenAFtOneGivesNoChargeOrASegmentIsNotKnown() {
        Extraction payment = extract(message("FAMPRAC", "DFT^P03", "H1", "2.5")
                .segment("PID", 1, "1", 3, "MRN1").segment("PV1", 1, "1", 19, "V1")
                .segment("FT1", 1, "1", 4, "20261120", 6, "PY", 11, "-20.00")
                .segment("FT1", 1, "2", 4, "20261120", 6, "PY", 11, "-5.00")
                .segment("ZPM", 1, "custom"));
        assertThat(payment.problems()).singleElement().satisfies(p -> {
            assertThat(p.effect()).isEqualTo(Hl7Problem.Effect.HOLD);
            assertThat(p.text()).startsWith("2 FT1 in raw, 0 mapped (FT1(1): transaction type 'PY' is not a charge");
        });

        Extraction unknown = extract(message("FAMPRAC", "ADT^A08", "H2", "2.5")
                .segment("PID", 1, "1", 3, "MRN1").segment("PID", 1, "2", 3, "MRN2")
                .segment("ABS", 1, "x"));
        assertThat(unknown.problems()).singleElement().satisfies(p -> {
            assertThat(p.effect()).isEqualTo(Hl7Problem.Effect.HOLD);
            assertThat(p.text()).isEqualTo("2 PID in raw, 1 mapped; 1 ABS in raw, 0 mapped: held rather than half-applied");
        });
    }

    @Test
    void holdsTwoFtOnesWithOneTransactionIdRatherThanKeepOnlyOne() {
        Extraction extraction = extract(message("FAMPRAC", "DFT^P03", "H3", "2.5")
                .segment("PID", 1, "1", 3, "MRN1").segment("PV1", 1, "1", 19, "V1")
                .segment("FT1", 1, "1", 2, "T1", 4, "20261120", 6, "CG", 25, "99213")
                .segment("FT1", 1, "2", 2, "T1", 4, "20261120", 6, "CG", 25, "36415"));
        assertThat(extraction.problems()).extracting(Hl7Problem::text).containsExactly(
                "2 FT1 in raw, 1 mapped (FT1(2): transaction id T1 repeats FT1(1)): held rather than half-applied");
    }

    @Test
    void anExplicitNullClearsAndAnEmptyFieldLeavesAlone() {
        Extraction extraction = extract(message("FAMPRAC", "ADT^A08", "N1", "2.5")
                .segment("PID", 1, "1", 3, "MRN1", 5, "Doe^Jane", 13, "\"\"")
                .segment("PV1", 1, "1", 7, "\"\"", 19, "V1"));
        BillingUpdate u = extraction.update();
        assertThat(extraction.problems()).isEmpty();
        assertThat(u.patient().get("phone").cleared()).isTrue();
        assertThat(u.patient().has("birth_date")).isFalse();
        assertThat(u.encounter().get("attending_npi").cleared()).isTrue();
        assertThat(u.encounter().get("attending_name").cleared()).isTrue();
        assertThat(u.encounter().has("referring_npi")).isFalse();
    }

    @Test
    void aMergeReadsThePriorMrnAndLeavesTheRestAlone() {
        Extraction extraction = extract(message("FAMPRAC", "ADT^A40", "M1", "2.5")
                .segment("EVN", 1, "A40")
                .segment("PID", 1, "1", 3, "MRN-NEW^^^FAMPRAC^MR", 5, "Doe^Jane")
                .segment("MRG", 1, "MRN-OLD^^^FAMPRAC^MR")
                .segment("PV1", 1, "1", 2, "O"));
        assertThat(extraction.problems()).isEmpty();
        assertThat(extraction.update().merges()).isTrue();
        assertThat(extraction.update().priorMrn().value()).isEqualTo("MRN-OLD");
        assertThat(extraction.update().priorMrn().path()).isEqualTo("MRG(1)-1.1");
        assertThat(extraction.update().visitNumber()).isNull();
    }

    @Test
    void mapsOnlyTheBillingMessages() {
        for (String event : List.of("A01", "A03", "A04", "A05", "A08", "A11", "A13", "A40")) {
            assertThat(BillingMapping.maps("ADT", event)).as(event).isTrue();
        }
        assertThat(BillingMapping.maps("DFT", "P03")).isTrue();
        assertThat(BillingMapping.maps("BAR", "P01")).isTrue();
        assertThat(BillingMapping.maps("BAR", "P05")).isTrue();
        assertThat(BillingMapping.maps("BAR", "P06")).isTrue();
        assertThat(BillingMapping.maps("ADT", "A02")).isFalse();
        assertThat(BillingMapping.maps("ORU", "R01")).isFalse();
        assertThat(BillingMapping.maps("DFT", "P11")).isFalse();
    }
}
