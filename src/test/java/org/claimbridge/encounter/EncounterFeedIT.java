package org.claimbridge.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.claimbridge.encounter.FeedMessages.message;
import static org.claimbridge.encounter.FeedMessages.xcn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.claimbridge.IntegrationTest;
import org.claimbridge.intake.MessageStatus;
import org.claimbridge.intake.mllp.MllpClient;
import org.claimbridge.intake.mllp.MllpListener;
import org.claimbridge.intake.Receipt;
import org.claimbridge.practice.PracticeDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Messages in over a real MLLP connection, applied by the feed, checked in the database column by column. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncounterFeedIT {

    private static final List<EncounterChanged> changes = new CopyOnWriteArrayList<>();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MllpListener mllp;

    @Autowired
    Encounters encounters;

    @Autowired
    PracticeDirectory practices;

    @Autowired
    ConfigurableApplicationContext context;

    @BeforeAll
    void listenForEncounterChanges() {
        context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) event -> {
            if (event.getPayload() instanceof EncounterChanged changed) {
                changes.add(changed);
            } else if (event.getPayload() instanceof EncountersChanged changed) {
                changes.addAll(changed.changes());
            }
        });
    }

    private Receipt send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends a message the way practices do, over a real MLLP connection, and reads back from the store what became of
     * it: the row its ACK names (MSA-2 is the control id), and whether it was already there (a resend).
     */
    private Receipt send(byte[] bytes) {
        String controlId = controlIdOf(bytes);
        Long before = latestWithControlId(controlId);
        String ack;
        try (MllpClient client = MllpClient.local(mllp.port())) {
            ack = client.sendBytes(MllpClient.frame(bytes)).readAck();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(ack).as("ACK for %s", controlId).contains("\rMSA|");
        String code = ack.substring(ack.indexOf("\rMSA|") + 5, ack.indexOf("\rMSA|") + 7);
        long id = latestWithControlId(controlId);
        return new Receipt(id, ack, code, MessageStatus.valueOf(status(id)), before != null && before == id);
    }

    /** MSH-10, read off the first line with the field separator the message declares. */
    private static String controlIdOf(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String msh = text.split("[\r\n]", 2)[0];
        return msh.split(java.util.regex.Pattern.quote(msh.substring(3, 4)), -1)[9];
    }

    private Long latestWithControlId(String controlId) {
        return jdbc.sql("SELECT MAX(id) FROM hl7_message WHERE control_id = ?").param(controlId).query(Long.class)
                .optional().orElse(null);
    }

    /** Sends a message over MLLP and waits until the feed has applied (or held) it. */
    private Receipt apply(FeedMessages message) {
        Receipt receipt = send(message.text());
        assertThat(receipt.ackCode()).as(receipt.ack()).isEqualTo("AA");
        awaitDone(receipt.messageId());
        assertThat(status(receipt.messageId())).as(note(receipt.messageId())).isEqualTo("APPLIED");
        return receipt;
    }

    private void awaitDone(long messageId) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> !"RECEIVED".equals(status(messageId)));
    }

    private String status(long messageId) {
        return jdbc.sql("SELECT status FROM hl7_message WHERE id = ?").param(messageId).query(String.class).single();
    }

    private String note(long messageId) {
        return jdbc.sql("SELECT COALESCE(apply_note, error_text) FROM hl7_message WHERE id = ?").param(messageId)
                .query(String.class).optional().orElse(null);
    }

    private long practiceId(String sender) {
        return practices.find(sender).orElseThrow().id();
    }

    private EncounterDetails encounter(String sender, String visit) {
        return encounters.find(practiceId(sender), visit).orElseThrow();
    }

    private Map<String, Object> row(String sql, Object... params) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        for (Object param : params) {
            spec = spec.param(param);
        }
        return spec.query().singleRow();
    }

    private Map<String, Object> source(String entity, long id, String field) {
        return row("""
                SELECT message_id, hl7_path, value FROM field_source WHERE entity = ? AND entity_id = ? AND field = ?
                ORDER BY id DESC LIMIT 1""", entity, id, field);
    }

    private static FeedMessages admission(String event, String controlId, String mrn, String visit) {
        return message("FAMPRAC", "ADT^" + event, controlId, "2.5")
                .segment("EVN", 1, event, 2, "20261120101010")
                .segment("PID", 1, "1", 3, mrn + "^^^FAMPRAC^MR", 5, "Doe^Jane^Q", 7, "19800512", 8, "F",
                        11, "12 Elm St^Apt 4^Springfield^IL^62701", 13, "(217)555-0100", 18, "ACC-" + visit)
                .segment("NK1", 1, "1", 2, "Doe^John", 3, "SPO")
                .segment("PV1", 1, "1", 2, "I", 3, "3W^301^B^RIVERSIDE", 4, "E",
                        7, xcn("1234567893", "Welby", "Marcus", "NPI"), 8, "1987654321^Kildare^James", 10, "MED",
                        19, visit, 44, "20261118221500-0600")
                .segment("PV2", 3, "Chest pain")
                .segment("DG1", 1, "1", 3, "R07.9^Chest pain, unspecified^I10", 6, "A", 15, "1")
                .segment("DG1", 1, "2", 3, "I10^Essential hypertension^I10", 6, "W", 15, "2")
                .segment("PR1", 1, "1", 3, "93000^ECG complete^C4", 5, "20261119080000-0600",
                        11, "1234567893^Welby^Marcus")
                .segment("GT1", 1, "1", 3, "Doe^John", 5, "12 Elm St^^Springfield^IL^62701", 6, "(217)555-0101",
                        11, "SPO")
                .segment("IN1", 1, "1", 2, "PPO1", 3, "60054", 4, "Aetna Choice", 8, "GRP77", 9, "Acme Corp",
                        12, "20260101", 13, "20261231", 14, "AUTH9", 15, "PPO", 16, "Doe^John", 17, "SPO",
                        18, "19780203", 19, "12 Elm St^^Springfield^IL^62701", 22, "1", 36, "W123456789", 43, "M")
                .segment("IN1", 1, "2", 3, "MCD", 4, "State Medicaid", 17, "SEL")
                .segment("IN2", 8, "MCD-555");
    }

    @Test
    void anA01StoresPatientCoverageGuarantorEncounterDiagnosesAndProceduresWithTheirSources() {
        Receipt receipt = apply(admission("A01", "IT-A01", "MRN-A01", "V-A01"));
        long messageId = receipt.messageId();
        EncounterDetails details = encounter("FAMPRAC", "V-A01");

        EncounterDetails.Encounter e = details.encounter();
        assertThat(e.visitNumber()).isEqualTo("V-A01");
        assertThat(e.accountNumber()).isEqualTo("ACC-V-A01");
        assertThat(e.patientClass()).isEqualTo("I");
        assertThat(e.location()).isEqualTo("3W / 301 / B / RIVERSIDE");
        assertThat(e.admitType()).isEqualTo("E");
        assertThat(e.hospitalService()).isEqualTo("MED");
        assertThat(e.attendingNpi()).isEqualTo("1234567893");
        assertThat(e.attendingName()).isEqualTo("Welby, Marcus");
        assertThat(e.referringNpi()).isEqualTo("1987654321");
        assertThat(e.referringName()).isEqualTo("Kildare, James");
        assertThat(e.admittedAt()).isEqualTo(LocalDateTime.of(2026, 11, 19, 4, 15));
        assertThat(e.dischargedAt()).isNull();
        assertThat(e.status()).isEqualTo("ACTIVE");
        assertThat(e.holdReason()).isNull();
        assertThat(e.revision()).isEqualTo(1);
        assertThat(changes).contains(new EncounterChanged(e.id(), 1));

        EncounterDetails.Patient p = details.patient();
        assertThat(p.mrn()).isEqualTo("MRN-A01");
        assertThat(p.lastName()).isEqualTo("Doe");
        assertThat(p.firstName()).isEqualTo("Jane");
        assertThat(p.middleName()).isEqualTo("Q");
        assertThat(p.birthDate()).isEqualTo(LocalDate.of(1980, 5, 12));
        assertThat(p.sex()).isEqualTo("F");
        assertThat(p.addressLine1()).isEqualTo("12 Elm St");
        assertThat(p.addressLine2()).isEqualTo("Apt 4");
        assertThat(p.city()).isEqualTo("Springfield");
        assertThat(p.state()).isEqualTo("IL");
        assertThat(p.postalCode()).isEqualTo("62701");
        assertThat(p.phone()).isEqualTo("(217)555-0100");
        assertThat(p.mergedIntoId()).isNull();

        assertThat(details.guarantor()).isEqualTo(new EncounterDetails.Guarantor(details.guarantor().id(), "Doe",
                "John", "12 Elm St", "Springfield", "IL", "62701", "(217)555-0101", "SPO"));

        assertThat(details.coverages()).hasSize(2);
        EncounterDetails.Coverage primary = details.coverages().get(0);
        assertThat(primary).isEqualTo(new EncounterDetails.Coverage(primary.id(), 1, "60054", "Aetna Choice", "PPO1",
                "PPO", "W123456789", "GRP77", "Acme Corp", "Doe", "John", LocalDate.of(1978, 2, 3), "M",
                "12 Elm St", "Springfield", "IL", "62701", "SPO", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), "AUTH9"));
        EncounterDetails.Coverage secondary = details.coverages().get(1);
        assertThat(secondary.priority()).isEqualTo(2);
        assertThat(secondary.payerName()).isEqualTo("State Medicaid");
        assertThat(secondary.memberId()).isEqualTo("MCD-555");
        assertThat(secondary.relationship()).isEqualTo("SEL");

        assertThat(details.diagnoses()).extracting(d -> d.sequence() + " " + d.code() + " " + d.codingSystem() + " "
                + d.diagnosisType() + " " + d.description())
                .containsExactly("1 R07.9 I10 A Chest pain, unspecified", "2 I10 I10 W Essential hypertension");
        assertThat(details.procedures()).singleElement().satisfies(pr -> {
            assertThat(pr.code()).isEqualTo("93000");
            assertThat(pr.codingSystem()).isEqualTo("C4");
            assertThat(pr.description()).isEqualTo("ECG complete");
            assertThat(pr.performedAt()).isEqualTo(LocalDateTime.of(2026, 11, 19, 14, 0));
            assertThat(pr.surgeonNpi()).isEqualTo("1234567893");
        });

        assertThat(source("coverage", primary.id(), "member_id"))
                .containsEntry("message_id", messageId).containsEntry("hl7_path", "IN1(1)-36")
                .containsEntry("value", "W123456789");
        assertThat(source("coverage", secondary.id(), "member_id")).containsEntry("hl7_path", "IN2(1)-8");
        assertThat(source("patient", p.id(), "birth_date")).containsEntry("hl7_path", "PID(1)-7")
                .containsEntry("value", "19800512");
        assertThat(source("encounter", e.id(), "attending_npi")).containsEntry("hl7_path", "PV1(1)-7.1");
        assertThat(source("diagnosis", details.diagnoses().get(0).id(), "code"))
                .containsEntry("hl7_path", "DG1(1)-3.1");
        assertThat(source("guarantor", details.guarantor().id(), "relationship"))
                .containsEntry("hl7_path", "GT1(1)-11");
        assertThat(note(messageId)).startsWith("encounter " + e.id() + " (revision 1)");
    }

    @Test
    void anA04RegistersAndAnA05PreAdmits() {
        apply(admission("A04", "IT-A04", "MRN-A04", "V-A04"));
        apply(admission("A05", "IT-A05", "MRN-A05", "V-A05"));
        assertThat(encounter("FAMPRAC", "V-A04").encounter().status()).isEqualTo("ACTIVE");
        assertThat(encounter("FAMPRAC", "V-A04").patient().mrn()).isEqualTo("MRN-A04");
        assertThat(encounter("FAMPRAC", "V-A05").encounter().patientClass()).isEqualTo("I");
        assertThat(encounter("FAMPRAC", "V-A05").coverages()).hasSize(2);
    }

    @Test
    void anA08UpdatesWhatItCarriesClearsWhatItNullsAndReplacesTheDiagnoses() {
        apply(admission("A01", "IT-A08-1", "MRN-A08", "V-A08"));
        Receipt update = apply(message("FAMPRAC", "ADT^A08", "IT-A08-2", "2.5")
                .segment("EVN", 1, "A08")
                .segment("PID", 1, "1", 3, "MRN-A08^^^FAMPRAC^MR", 5, "Doe-Smith^Jane", 13, "\"\"")
                .segment("PV1", 1, "1", 2, "I", 3, "4E^410", 19, "V-A08")
                .segment("DG1", 1, "1", 3, "I21.4^NSTEMI^I10", 6, "F", 15, "1")
                .segment("DG1", 1, "2", 3, "I10^Essential hypertension^I10", 6, "F", 15, "2"));
        EncounterDetails details = encounter("FAMPRAC", "V-A08");
        assertThat(details.patient().lastName()).isEqualTo("Doe-Smith");
        assertThat(details.patient().middleName()).isEqualTo("Q"); // PID-5.3 empty: not touched
        assertThat(details.patient().phone()).isNull();             // PID-13 "": cleared
        assertThat(details.patient().birthDate()).isEqualTo(LocalDate.of(1980, 5, 12));
        assertThat(details.encounter().location()).isEqualTo("4E / 410");
        assertThat(details.encounter().attendingNpi()).isEqualTo("1234567893");
        assertThat(details.encounter().revision()).isEqualTo(2);
        assertThat(details.diagnoses()).extracting(d -> d.code() + " " + d.diagnosisType())
                .containsExactly("I21.4 F", "I10 F");
        assertThat(details.procedures()).hasSize(1); // no PR1 sent: the list stays
        assertThat(source("patient", details.patient().id(), "phone"))
                .containsEntry("message_id", update.messageId()).containsEntry("hl7_path", "PID(1)-13")
                .containsEntry("value", "\"\"");
    }

    @Test
    void anA03DischargesAnA13TakesTheDischargeBackAndAnA11Cancels() {
        apply(admission("A01", "IT-A03-1", "MRN-A03", "V-A03"));
        apply(message("FAMPRAC", "ADT^A03", "IT-A03-2", "2.5")
                .segment("PID", 1, "1", 3, "MRN-A03")
                .segment("PV1", 1, "1", 2, "I", 19, "V-A03", 45, "20261121100000-0600"));
        assertThat(encounter("FAMPRAC", "V-A03").encounter().dischargedAt())
                .isEqualTo(LocalDateTime.of(2026, 11, 21, 16, 0));
        Receipt a13 = apply(message("FAMPRAC", "ADT^A13", "IT-A03-3", "2.5")
                .segment("PID", 1, "1", 3, "MRN-A03")
                .segment("PV1", 1, "1", 2, "I", 19, "V-A03", 45, "20261121100000-0600"));
        EncounterDetails afterA13 = encounter("FAMPRAC", "V-A03");
        assertThat(afterA13.encounter().dischargedAt()).isNull();
        assertThat(afterA13.encounter().status()).isEqualTo("ACTIVE");
        assertThat(source("encounter", afterA13.encounter().id(), "discharged_at"))
                .containsEntry("message_id", a13.messageId()).containsEntry("hl7_path", "MSH(1)-9.2")
                .containsEntry("value", "A13");
        apply(message("FAMPRAC", "ADT^A11", "IT-A03-4", "2.5")
                .segment("PID", 1, "1", 3, "MRN-A03")
                .segment("PV1", 1, "1", 2, "I", 19, "V-A03"));
        EncounterDetails cancelled = encounter("FAMPRAC", "V-A03");
        assertThat(cancelled.encounter().status()).isEqualTo("CANCELLED");
        assertThat(cancelled.encounter().revision()).isEqualTo(4);
    }

    @Test
    void anA40MovesThePriorPatientsEncountersAndCoverageToTheSurvivor() {
        apply(admission("A01", "IT-A40-1", "MRN-OLD", "V-A40-OLD"));
        apply(message("FAMPRAC", "ADT^A04", "IT-A40-2", "2.5")
                .segment("PID", 1, "1", 3, "MRN-NEW", 5, "Doe^Jane", 7, "19800512")
                .segment("PV1", 1, "1", 2, "O", 19, "V-A40-NEW"));
        long oldId = encounter("FAMPRAC", "V-A40-OLD").patient().id();
        long newId = encounter("FAMPRAC", "V-A40-NEW").patient().id();
        Receipt merge = apply(message("FAMPRAC", "ADT^A40", "IT-A40-3", "2.5")
                .segment("EVN", 1, "A40")
                .segment("PID", 1, "1", 3, "MRN-NEW^^^FAMPRAC^MR", 5, "Doe^Jane")
                .segment("PD1", 4, "1234567893^Welby^Marcus")
                .segment("MRG", 1, "MRN-OLD^^^FAMPRAC^MR"));
        EncounterDetails moved = encounter("FAMPRAC", "V-A40-OLD");
        assertThat(moved.patient().id()).isEqualTo(newId);
        assertThat(moved.coverages()).extracting(EncounterDetails.Coverage::memberId)
                .containsExactly("W123456789", "MCD-555");
        assertThat(moved.guarantor()).isNotNull();
        assertThat(row("SELECT merged_into_id FROM patient WHERE id = ?", oldId))
                .containsEntry("merged_into_id", newId);
        assertThat(source("patient", oldId, "merged_into_id")).containsEntry("message_id", merge.messageId())
                .containsEntry("hl7_path", "MRG(1)-1.1").containsEntry("value", "MRN-OLD");
        assertThat(source("encounter", moved.encounter().id(), "patient_id")).containsEntry("hl7_path", "MRG(1)-1.1");
        // a late message under the old MRN reaches the survivor
        apply(message("FAMPRAC", "DFT^P03", "IT-A40-4", "2.5")
                .segment("PID", 1, "1", 3, "MRN-OLD")
                .segment("PV1", 1, "1", 2, "O", 19, "V-A40-OLD")
                .segment("FT1", 1, "1", 2, "T-A40", 4, "20261122", 6, "CG", 10, "1", 11, "80", 25, "99212"));
        assertThat(encounter("FAMPRAC", "V-A40-OLD").patient().id()).isEqualTo(newId);
        assertThat(encounter("FAMPRAC", "V-A40-OLD").charges()).hasSize(1);
    }

    @Test
    void aDftAddsChargesAndACreditReversesTheMatchingOne() {
        Receipt first = apply(message("FAMPRAC", "DFT^P03", "IT-DFT-1", "2.5")
                .segment("EVN", 1, "P03")
                .segment("PID", 1, "1", 3, "MRN-DFT", 5, "Roe^Rita", 7, "19900101", 8, "F")
                .segment("PV1", 1, "1", 2, "O", 19, "V-DFT")
                .segment("FT1", 1, "1", 2, "T-1", 4, "20261120", 6, "CG", 7, "OV3^Office visit", 10, "1",
                        11, "150.00&USD", 16, "11", 19, "J06.9~R05", 20, xcn("1234567893", "Welby", "Marcus", "NPI"),
                        21, "1987654321^Kildare^James", 25, "99213^Office visit^C4", 26, "25~59")
                .segment("FT1", 1, "2", 2, "T-2", 4, "20261120", 6, "CG", 7, "VEN", 10, "1", 12, "12.00",
                        25, "36415")
                .segment("DG1", 1, "1", 3, "J06.9^URI^I10")
                .segment("DG1", 1, "2", 3, "R05^Cough^I10"));
        EncounterDetails afterCharges = encounter("FAMPRAC", "V-DFT");
        assertThat(afterCharges.charges()).hasSize(2);
        EncounterDetails.Charge visit = afterCharges.charges().get(0);
        assertThat(visit).isEqualTo(new EncounterDetails.Charge(visit.id(), "T-1", LocalDate.of(2026, 11, 20), "CG",
                "OV3", "Office visit", "99213", List.of("25", "59"), new BigDecimal("1.00"), new BigDecimal("150.00"),
                List.of("J06.9", "R05"), "11", "1234567893", "Welby, Marcus", "1987654321", "ACTIVE", null,
                first.messageId()));
        assertThat(afterCharges.charges().get(1).amount()).isEqualByComparingTo("12.00");
        assertThat(source("charge", visit.id(), "procedure_code")).containsEntry("message_id", first.messageId())
                .containsEntry("hl7_path", "FT1(1)-25.1").containsEntry("value", "99213");
        assertThat(source("charge", visit.id(), "modifiers")).containsEntry("hl7_path", "FT1(1)-26");

        Receipt credit = apply(message("FAMPRAC", "DFT^P03", "IT-DFT-2", "2.5")
                .segment("PID", 1, "1", 3, "MRN-DFT")
                .segment("PV1", 1, "1", 2, "O", 19, "V-DFT")
                .segment("FT1", 1, "1", 2, "T-3", 4, "20261120", 6, "CD", 7, "OV3", 10, "-1", 11, "-150.00",
                        25, "99213")
                .segment("FT1", 1, "2", 2, "T-4", 4, "20261120", 6, "CD", 7, "XR", 10, "1", 11, "-40.00",
                        25, "73030")
                .segment("DG1", 1, "1", 3, "R50.9^Fever^I10"));
        EncounterDetails afterCredit = encounter("FAMPRAC", "V-DFT");
        assertThat(afterCredit.charges()).extracting(c -> c.transactionId() + " " + c.transactionType() + " "
                + c.status() + " " + c.reversesChargeId())
                .containsExactly("T-1 CG REVERSED null", "T-2 CG ACTIVE null",
                        "T-3 CD ACTIVE " + visit.id(), "T-4 CD ACTIVE null");
        // a DFT adds the diagnoses it lacks and keeps the rest
        assertThat(afterCredit.diagnoses()).extracting(EncounterDetails.Diagnosis::code)
                .containsExactlyInAnyOrder("J06.9", "R05", "R50.9");
        assertThat(source("charge", visit.id(), "status")).containsEntry("message_id", credit.messageId())
                .containsEntry("hl7_path", "FT1(1)-6").containsEntry("value", "CD");
        assertThat(note(credit.messageId())).contains("FT1(1) credit reversed charge " + visit.id())
                .contains("FT1(2) credit matched no active charge: stored unmatched");
    }

    @Test
    void barMessagesOpenUpdateAndEndAnAccount() {
        apply(message("HOSPOP", "BAR^P01", "IT-BAR-1", "2.5")
                .segment("EVN", 1, "P01")
                .segment("PID", 1, "1", 3, "MRN-BAR", 5, "Poe^Paul", 7, "1955", 8, "M", 18, "ACCT-BAR")
                .segment("PV1", 1, "1", 2, "O", 3, "OPCLIN", 10, "CAR")
                .segment("DG1", 1, "1", 3, "I48.91^Atrial fibrillation^I10", 6, "F")
                .segment("GT1", 1, "1", 3, "Poe^Paul", 11, "SEL")
                .segment("IN1", 1, "1", 3, "MCR", 4, "Medicare", 36, "1EG4TE5MK73", 17, "SEL"));
        EncounterDetails opened = encounter("HOSPOP", "ACCT-BAR");
        assertThat(opened.encounter().visitNumber()).isEqualTo("ACCT-BAR");
        assertThat(opened.encounter().accountNumber()).isEqualTo("ACCT-BAR");
        assertThat(opened.encounter().hospitalService()).isEqualTo("CAR");
        assertThat(opened.patient().birthDate()).isEqualTo(LocalDate.of(1955, 1, 1));
        assertThat(opened.coverages()).singleElement().extracting(EncounterDetails.Coverage::memberId)
                .isEqualTo("1EG4TE5MK73");
        assertThat(source("encounter", opened.encounter().id(), "visit_number")).containsEntry("hl7_path",
                "PID(1)-18.1");

        apply(message("HOSPOP", "BAR^P05", "IT-BAR-2", "2.5")
                .segment("PID", 1, "1", 3, "MRN-BAR", 18, "ACCT-BAR")
                .segment("PV1", 1, "1", 2, "O", 3, "OPCLIN2")
                .segment("DG1", 1, "1", 3, "I48.0^Paroxysmal atrial fibrillation^I10", 6, "F"));
        EncounterDetails updated = encounter("HOSPOP", "ACCT-BAR");
        assertThat(updated.encounter().location()).isEqualTo("OPCLIN2");
        assertThat(updated.diagnoses()).extracting(EncounterDetails.Diagnosis::code).containsExactly("I48.0");

        apply(message("HOSPOP", "BAR^P06", "IT-BAR-3", "2.5")
                .segment("PID", 1, "1", 3, "MRN-BAR", 18, "ACCT-BAR")
                .segment("PV1", 1, "1", 2, "O", 45, "20261125"));
        EncounterDetails ended = encounter("HOSPOP", "ACCT-BAR");
        assertThat(ended.encounter().dischargedAt()).isEqualTo(LocalDateTime.of(2026, 11, 25, 0, 0));
        assertThat(ended.encounter().revision()).isEqualTo(3);
    }

    @Test
    void aBurstFromManySendersAtOnceIsAppliedOnceEachInOrder() throws Exception {
        int senders = 6;
        int perSender = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(senders);
        List<java.util.concurrent.Future<List<Long>>> sent = new java.util.ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            sent.add(pool.submit(() -> {
                List<Long> ids = new java.util.ArrayList<>();
                for (int i = 0; i < perSender; i++) {
                    String visit = "V-BURST-" + sender + "-" + i;
                    ids.add(send(message("FAMPRAC", "DFT^P03", "IT-BURST-" + sender + "-" + i, "2.5")
                            .segment("EVN", 1, "P03")
                            .segment("PID", 1, "1", 3, "MRN-BURST-" + sender, 5, "Burst^Betty", 7, "19900101", 8, "F")
                            .segment("PV1", 1, "1", 2, "O", 19, visit)
                            .segment("FT1", 1, "1", 2, "T-" + visit, 4, "20261120", 6, "CG", 10, "1",
                                    11, "80.00", 25, "99212")
                            .text()).messageId());
                }
                return ids;
            }));
        }
        List<Long> ids = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<List<Long>> f : sent) {
            ids.addAll(f.get());
        }
        pool.shutdown();
        ids.forEach(this::awaitDone);
        assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("APPLIED"));
        long practice = practiceId("FAMPRAC");
        for (int s = 0; s < senders; s++) {
            for (int i = 0; i < perSender; i++) {
                EncounterDetails burst = encounters.find(practice, "V-BURST-" + s + "-" + i).orElseThrow();
                assertThat(burst.charges()).as("charges of V-BURST-%d-%d", s, i).hasSize(1);
                assertThat(row("SELECT revision FROM encounter WHERE id = ?", burst.encounter().id()).get("revision"))
                        .as("V-BURST-%d-%d applied once", s, i).isEqualTo(1);
            }
        }
    }

    @Test
    void theSameMessageSentTwiceIsAppliedOnce() {
        FeedMessages dft = message("FAMPRAC", "DFT^P03", "IT-DUP-1", "2.5")
                .segment("PID", 1, "1", 3, "MRN-DUP")
                .segment("PV1", 1, "1", 19, "V-DUP")
                .segment("FT1", 1, "1", 4, "20261120", 6, "CG", 11, "50", 25, "99211")
                .segment("FT1", 1, "2", 4, "20261120", 6, "CG", 11, "20", 25, "81002");
        Receipt first = apply(dft);
        Receipt again = send(dft.text());
        assertThat(again.resend()).isTrue();
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(encounter("FAMPRAC", "V-DUP").charges()).hasSize(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hl7_message WHERE control_id = 'IT-DUP-1'").query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void theMisparseTrapsAreMappedInFull() {
        FeedMessages outOfOrder = message("FAMPRAC", "DFT^P03", "IT-TRAP-1", "2.5")
                .segment("EVN", 1, "P03")
                .segment("PID", 1, "1", 3, "MRN-TRAP", 5, "Doe^Jane")
                .segment("PV1", 1, "1", 2, "O", 19, "V-TRAP-1")
                .segment("DG1", 1, "1", 3, "J06.9^^I10")
                .segment("GT1", 1, "1", 3, "Doe^John")
                .segment("IN1", 1, "1", 3, "P1", 36, "M-TRAP")
                .segment("FT1", 1, "1", 2, "A", 4, "20261120", 6, "CG", 11, "100", 25, "99213")
                .segment("FT1", 1, "2", 2, "B", 4, "20261120", 6, "CG", 11, "20", 25, "81002")
                .segment("FT1", 1, "3", 2, "C", 4, "20261120", 6, "CG", 11, "15", 25, "36415");
        apply(outOfOrder);
        EncounterDetails trapped = encounter("FAMPRAC", "V-TRAP-1");
        assertThat(trapped.charges()).extracting(EncounterDetails.Charge::procedureCode)
                .containsExactly("99213", "81002", "36415");
        assertThat(trapped.coverages()).extracting(EncounterDetails.Coverage::memberId).containsExactly("M-TRAP");
        assertThat(trapped.guarantor().lastName()).isEqualTo("Doe");

        String newlines = message("FAMPRAC", "DFT^P03", "IT-TRAP-2", "2.5")
                .segment("PID", 1, "1", 3, "MRN-TRAP")
                .segment("PV1", 1, "1", 2, "O", 19, "V-TRAP-2")
                .segment("FT1", 1, "1", 2, "A", 4, "20261120", 6, "CG", 11, "100", 25, "99213")
                .segment("FT1", 1, "2", 2, "B", 4, "20261120", 6, "CG", 11, "20", 25, "81002")
                .text("\n");
        Receipt lf = send(newlines);
        assertThat(lf.ackCode()).isEqualTo("AA");
        awaitDone(lf.messageId());
        assertThat(encounter("FAMPRAC", "V-TRAP-2").charges()).hasSize(2);

        for (String charset : new String[] {"8859/1", null}) {
            String visit = charset == null ? "V-LATIN-UNDECLARED" : "V-LATIN-DECLARED";
            FeedMessages latin = (charset == null ? message("FAMPRAC", "ADT^A04", "IT-" + visit, "2.5")
                    : message("FAMPRAC", "ADT^A04", "IT-" + visit, "2.5", charset))
                    .segment("PID", 1, "1", 3, "MRN-" + visit, 5, "Muñoz^José", 11, "1 Calle Peña^^Señora^IL^62701")
                    .segment("PV1", 1, "1", 2, "O", 19, visit);
            Receipt receipt = send(latin.text().getBytes(StandardCharsets.ISO_8859_1));
            assertThat(receipt.ackCode()).isEqualTo("AA");
            awaitDone(receipt.messageId());
            EncounterDetails.Patient patient = encounter("FAMPRAC", visit).patient();
            assertThat(patient.lastName()).isEqualTo("Muñoz");
            assertThat(patient.firstName()).isEqualTo("José");
            assertThat(patient.city()).isEqualTo("Señora");
        }
    }

    @Test
    void aHeldMessageAppliesNothingAndSaysWhy() {
        Receipt held = send(message("FAMPRAC", "DFT^P03", "IT-HELD-1", "2.5")
                .segment("PID", 1, "1", 3, "MRN-HELD")
                .segment("PV1", 1, "1", 19, "V-HELD")
                .segment("FT1", 1, "1", 4, "20261120", 6, "CG", 11, "100", 25, "99213")
                .segment("FT1", 1, "2", 4, "20261120", 6, "PY", 11, "-30")
                .segment("FT1", 1, "3", 4, "20261120", 6, "CG", 11, "20", 25, "81002").text());
        assertThat(held.ackCode()).isEqualTo("AE");
        assertThat(held.status()).isEqualTo(MessageStatus.HELD);
        assertThat(status(held.messageId())).isEqualTo("HELD");
        assertThat(note(held.messageId())).startsWith("3 FT1 in raw, 2 mapped (FT1(2): transaction type 'PY'");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient WHERE mrn = 'MRN-HELD'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM field_source WHERE message_id = ?").param(held.messageId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void senderDataErrorsGetAnAeNamingTheField() {
        Receipt badDate = send(message("FAMPRAC", "ADT^A08", "IT-ERR-1", "2.5")
                .segment("PID", 1, "1", 3, "MRN-ERR", 7, "19801340").text());
        assertThat(badDate.ackCode()).isEqualTo("AE");
        assertThat(badDate.status()).isEqualTo(MessageStatus.ERROR);
        assertThat(badDate.ack()).contains("ERR|").contains("PID^1^7").contains("102");
        Receipt noVisit = send(message("FAMPRAC", "DFT^P03", "IT-ERR-2", "2.5")
                .segment("PID", 1, "1", 3, "MRN-ERR")
                .segment("FT1", 1, "1", 4, "20261120", 6, "CG", 11, "100", 25, "99213").text());
        assertThat(noVisit.ackCode()).isEqualTo("AE");
        assertThat(noVisit.ack()).contains("PV1^1^19").contains("101");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient WHERE mrn = 'MRN-ERR'").query(Long.class).single())
                .isZero();
    }

    @Test
    void anUnconfiguredPracticesEncountersAreHeld() {
        Receipt receipt = apply(message("NEWCLINIC", "ADT^A04", "IT-UNCONF-1", "2.5")
                .segment("PID", 1, "1", 3, "MRN-UNCONF")
                .segment("PV1", 1, "1", 2, "O", 19, "V-UNCONF"));
        assertThat(practices.find("NEWCLINIC")).hasValueSatisfying(p -> {
            assertThat(p.configured()).isFalse();
            assertThat(p.kind().name()).isEqualTo("PROFESSIONAL");
        });
        EncounterDetails held = encounter("NEWCLINIC", "V-UNCONF");
        assertThat(held.encounter().holdReason()).isEqualTo("unconfigured practice: NEWCLINIC");
        assertThat(note(receipt.messageId())).contains("held: unconfigured practice: NEWCLINIC");
    }

    @Autowired
    HeldEncounters heldEncounters;

    @Test
    void heldEncountersAreReleasedOnceTheirPracticeIsConfigured() {
        apply(message("LATECLINIC", "ADT^A04", "IT-LATE-1", "2.5")
                .segment("PID", 1, "1", 3, "MRN-LATE")
                .segment("PV1", 1, "1", 2, "O", 19, "V-LATE"));
        EncounterDetails.Encounter held = encounter("LATECLINIC", "V-LATE").encounter();
        assertThat(held.holdReason()).isEqualTo("unconfigured practice: LATECLINIC");
        // what a restart with LATECLINIC in claimbridge.practices does to its row
        jdbc.sql("UPDATE practice SET configured = TRUE WHERE sending_facility = 'LATECLINIC'").update();
        assertThat(heldEncounters.releaseConfiguredPractices())
                .contains(new EncounterChanged(held.id(), held.revision() + 1));
        assertThat(encounter("LATECLINIC", "V-LATE").encounter().holdReason()).isNull();
    }

    @Test
    void configuredPracticesAreWrittenAtStartUp() {
        assertThat(practices.find("HOSPOP")).hasValueSatisfying(p -> {
            assertThat(p.configured()).isTrue();
            assertThat(p.kind().name()).isEqualTo("INSTITUTIONAL");
            assertThat(p.name()).isEqualTo("Riverside Hospital Outpatient");
            assertThat(p.billingNpi()).isEqualTo("1245319599");
            assertThat(p.tin()).isEqualTo("98-7654321");
            assertThat(p.taxonomy()).isEqualTo("282N00000X");
            assertThat(p.addressLine()).isEqualTo("1 River Rd");
            assertThat(p.city()).isEqualTo("Springfield");
            assertThat(p.state()).isEqualTo("IL");
            assertThat(p.postalCode()).isEqualTo("627020001");
        });
        assertThat(practices.isConfigured("FAMPRAC")).isTrue();
        assertThat(practices.rejectsUnknownSenders()).isFalse();
    }

    @Test
    void aMessageThatFailsToApplyIsHeldAndTheNextOnesGoOn() {
        // stored as accepted, but not a message any more: applying it throws
        jdbc.sql("""
                INSERT INTO hl7_message (received_at, channel, sending_facility, control_id, message_type,
                    trigger_event, version, raw_bytes, raw_text, content_hash, status)
                VALUES (UTC_TIMESTAMP(6), 'HTTP', 'FAMPRAC', 'IT-BROKEN', 'DFT', 'P03', '2.5', 'x', 'not HL7',
                        UNHEX(SHA2('not HL7', 256)), 'RECEIVED')""").update();
        long broken = jdbc.sql("SELECT id FROM hl7_message WHERE control_id = 'IT-BROKEN'").query(Long.class).single();
        apply(message("FAMPRAC", "ADT^A04", "IT-AFTER-BROKEN", "2.5")
                .segment("PID", 1, "1", 3, "MRN-AFTER")
                .segment("PV1", 1, "1", 2, "O", 19, "V-AFTER"));
        assertThat(status(broken)).isEqualTo("HELD");
        assertThat(note(broken)).startsWith("could not apply, nothing of it kept: IllegalArgumentException");
        assertThat(encounter("FAMPRAC", "V-AFTER").encounter().status()).isEqualTo("ACTIVE");
    }
    @Test
    void aRunAppliedTogetherIsTakenBackWholeAndAppliedOneByOneWhenOneOfItFails() {
        // stored straight into the store so that the feed finds them waiting together, the broken one in the middle
        List<String> controlIds = List.of("IT-RUN-1", "IT-RUN-2", "IT-RUN-BROKEN", "IT-RUN-3");
        for (String controlId : controlIds) {
            String text = controlId.endsWith("BROKEN") ? "not HL7 either"
                    : message("FAMPRAC", "DFT^P03", controlId, "2.5")
                    .segment("EVN", 1, "P03")
                    .segment("PID", 1, "1", 3, "MRN-RUN", 5, "Run^Ruth", 7, "19900101", 8, "F")
                    .segment("PV1", 1, "1", 2, "O", 19, "V-" + controlId)
                    .segment("FT1", 1, "1", 2, "T-" + controlId, 4, "20261120", 6, "CG", 10, "1", 11, "80.00",
                            25, "99212")
                    .text();
            jdbc.sql("""
                    INSERT INTO hl7_message (received_at, channel, sending_facility, control_id, message_type,
                        trigger_event, version, raw_text, charset, content_hash, status)
                    VALUES (UTC_TIMESTAMP(6), 'HTTP', 'FAMPRAC', ?, 'DFT', 'P03', '2.5', ?, 'UTF-8',
                            UNHEX(SHA2(?, 256)), 'RECEIVED')""").param(controlId).param(text).param(text).update();
        }
        apply(message("FAMPRAC", "ADT^A04", "IT-RUN-TRIGGER", "2.5")
                .segment("PID", 1, "1", 3, "MRN-RUN-TRIGGER")
                .segment("PV1", 1, "1", 2, "O", 19, "V-RUN-TRIGGER"));
        for (String controlId : controlIds) {
            long id = jdbc.sql("SELECT id FROM hl7_message WHERE control_id = ?").param(controlId).query(Long.class)
                    .single();
            awaitDone(id);
            if (controlId.endsWith("BROKEN")) {
                assertThat(status(id)).isEqualTo("HELD");
                continue;
            }
            assertThat(status(id)).as(controlId).isEqualTo("APPLIED");
            EncounterDetails run = encounter("FAMPRAC", "V-" + controlId);
            assertThat(run.charges()).as(controlId).hasSize(1);
            assertThat(row("SELECT revision FROM encounter WHERE id = ?", run.encounter().id()).get("revision"))
                    .as(controlId + " applied once").isEqualTo(1);
        }
    }
}
