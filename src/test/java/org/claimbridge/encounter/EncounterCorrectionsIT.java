package org.claimbridge.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.claimbridge.encounter.FeedMessages.message;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.claimbridge.IntegrationTest;
import org.claimbridge.encounter.CoderCorrection.Action;
import org.claimbridge.encounter.CorrectionCommand.AddDiagnosis;
import org.claimbridge.encounter.CorrectionCommand.ChangeDiagnosisCode;
import org.claimbridge.encounter.CorrectionCommand.ChangeDiagnosisPointers;
import org.claimbridge.encounter.CorrectionCommand.ChangeModifiers;
import org.claimbridge.encounter.CorrectionCommand.ChangePlaceOfService;
import org.claimbridge.encounter.CorrectionCommand.ChangeProcedureCode;
import org.claimbridge.encounter.CorrectionCommand.ChangeUnits;
import org.claimbridge.encounter.CorrectionCommand.RemoveDiagnosis;
import org.claimbridge.encounter.CorrectionCommand.ReorderDiagnoses;
import org.claimbridge.intake.Arrival;
import org.claimbridge.intake.Channel;
import org.claimbridge.intake.Hl7Intake;
import org.claimbridge.intake.Receipt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A coder's corrections against encounters the feed built from real messages: what each changes, what it records,
 * what it refuses, and the feed going on afterwards.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncounterCorrectionsIT {

    private static final String CODER = "coder1";
    private static final AtomicInteger visits = new AtomicInteger();

    /** An EncounterChanged seen, and whether a transaction was open when it was published. */
    record Seen(EncounterChanged event, boolean inTransaction) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    @Autowired
    EncounterCorrections corrections;

    @Autowired
    Encounters encounters;

    @Autowired
    Lineage lineage;

    @Autowired
    Hl7Intake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    @BeforeAll
    void listenForEncounterChanges() {
        context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) event -> {
            if (event.getPayload() instanceof EncounterChanged changed) {
                seen.add(new Seen(changed, TransactionSynchronizationManager.isActualTransactionActive()));
            }
        });
    }

    @BeforeEach
    void forgetEvents() {
        seen.clear();
    }

    // ---- data in through the feed

    private Receipt apply(FeedMessages message) {
        Receipt receipt = intake.receive(new Arrival(message.text().getBytes(StandardCharsets.UTF_8), Channel.HTTP,
                "EncounterCorrectionsIT", Instant.now()));
        assertThat(receipt.ackCode()).as(receipt.ack()).isEqualTo("AA");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> !"RECEIVED".equals(status(receipt.messageId())));
        assertThat(status(receipt.messageId())).isEqualTo("APPLIED");
        return receipt;
    }

    private String status(long messageId) {
        return jdbc.sql("SELECT status FROM hl7_message WHERE id = ?").param(messageId).query(String.class).single();
    }

    /**
     * A visit with three diagnoses (J06.9, R05, R50.9) and two charge lines: 99213-25 for J06.9 and R05, place of
     * service 11, one unit; and 36415 with no pointers.
     */
    private Visit visit() {
        String visit = "V-COR-" + visits.incrementAndGet();
        Receipt dft = apply(message("FAMPRAC", "DFT^P03", "IT-" + visit, "2.5")
                .segment("PID", 1, "1", 3, "MRN-" + visit, 5, "Roe^Rita", 7, "19900101", 8, "F")
                .segment("PV1", 1, "1", 2, "O", 19, visit)
                .segment("FT1", 1, "1", 2, "T-1", 4, "20261120", 6, "CG", 7, "OV3^Office visit", 10, "1",
                        11, "150.00", 16, "11", 19, "J06.9~R05", 25, "99213^Office visit^C4", 26, "25")
                .segment("FT1", 1, "2", 2, "T-2", 4, "20261120", 6, "CG", 7, "VEN", 10, "1", 11, "12.00",
                        25, "36415")
                .segment("DG1", 1, "1", 3, "J06.9^URI^I10")
                .segment("DG1", 1, "2", 3, "R05^Cough^I10")
                .segment("DG1", 1, "3", 3, "R50.9^Fever^I10"));
        Visit loaded = new Visit(visit, dft.messageId(), details(visit));
        seen.clear(); // the feed's own event for the message: published before the message showed as applied
        return loaded;
    }

    private record Visit(String number, long messageId, EncounterDetails details) {

        long id() {
            return details.encounter().id();
        }

        int revision() {
            return details.encounter().revision();
        }

        EncounterDetails.Charge office() {
            return details.charges().get(0);
        }

        EncounterDetails.Diagnosis diagnosis(String code) {
            return details.diagnoses().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
        }
    }

    private EncounterDetails details(String visit) {
        long practiceId = jdbc.sql("SELECT id FROM practice WHERE sending_facility = 'FAMPRAC'").query(Long.class)
                .single();
        return encounters.find(practiceId, visit).orElseThrow();
    }

    private EncounterDetails details(long encounterId) {
        return encounters.find(encounterId).orElseThrow();
    }

    // ---- what every correction does

    /** The revision moved on by one, the correction is on record, and the change was announced in its transaction. */
    private void assertRecorded(Visit visit, CoderCorrection correction, Action action) {
        EncounterDetails after = details(visit.id());
        assertThat(after.encounter().revision()).isEqualTo(visit.revision() + 1);
        assertThat(after.encounter().changedAt()).isAfterOrEqualTo(visit.details().encounter().changedAt())
                .isEqualTo(LocalDateTime.ofInstant(correction.correctedAt(), ZoneOffset.UTC));
        assertThat(correction.revision()).isEqualTo(visit.revision() + 1);
        assertThat(correction.action()).isEqualTo(action);
        assertThat(correction.correctedBy()).isEqualTo(CODER);
        assertThat(corrections.of(visit.id())).first().isEqualTo(correction);
        assertThat(seen).containsExactly(new Seen(new EncounterChanged(visit.id(), visit.revision() + 1), true));
    }

    /** The field's current source is the correction, and its history still shows the message before it. */
    private void assertCorrectedField(Visit visit, CoderCorrection correction, String entity, long entityId,
                                      String field, String value) {
        FieldChange current = lineage.sourceOf(entity, entityId, field).orElseThrow();
        assertThat(current.corrected()).isTrue();
        assertThat(current.messageId()).isNull();
        assertThat(current.hl7Path()).isNull();
        assertThat(current.value()).isEqualTo(value);
        assertThat(current.correction()).isEqualTo(new FieldChange.Correction(correction.id(), CODER,
                correction.correctedAt(), correction.reason()));
        assertThat(current.source()).isEqualTo("corrected by " + CODER + " at " + correction.correctedAt() + ": "
                + correction.reason());
        assertThat(lineage.changedByCorrection(correction.id())).contains(current);
    }

    private void assertFromMessageThenCorrected(Visit visit, String entity, long entityId, String field,
                                                String hl7Path) {
        List<FieldChange> history = lineage.historyOf(entity, entityId, field);
        assertThat(history).hasSizeGreaterThanOrEqualTo(2);
        assertThat(history.get(0).messageId()).isEqualTo(visit.messageId());
        assertThat(history.get(0).hl7Path()).isEqualTo(hl7Path);
        assertThat(history.get(0).corrected()).isFalse();
        assertThat(history.get(history.size() - 1).corrected()).isTrue();
    }

    // ---- diagnoses

    @Test
    void addsADiagnosisInTheRequestedPlace() {
        Visit visit = visit();
        CoderCorrection added = corrections.addDiagnosis(new AddDiagnosis(visit.id(), visit.revision(), CODER,
                "documented in the note", " j02.9 ", "Acute pharyngitis", 2));

        EncounterDetails after = details(visit.id());
        assertThat(after.diagnoses()).extracting(d -> d.sequence() + " " + d.code())
                .containsExactly("1 J06.9", "2 J02.9", "3 R05", "4 R50.9");
        EncounterDetails.Diagnosis pharyngitis = after.diagnoses().get(1);
        assertThat(pharyngitis.id()).isEqualTo(added.entityId());
        assertThat(pharyngitis.codingSystem()).isEqualTo("I10");
        assertThat(pharyngitis.description()).isEqualTo("Acute pharyngitis");
        assertThat(added).extracting(CoderCorrection::entity, CoderCorrection::field, CoderCorrection::before,
                CoderCorrection::after, CoderCorrection::reason)
                .containsExactly("diagnosis", "code", null, "J02.9", "documented in the note");
        assertRecorded(visit, added, Action.ADD_DIAGNOSIS);
        assertCorrectedField(visit, added, "diagnosis", pharyngitis.id(), "code", "J02.9");
        assertCorrectedField(visit, added, "diagnosis", pharyngitis.id(), "sequence", "2");
        // the diagnoses that moved down are on record with the correction as the source of their sequence
        long cough = visit.diagnosis("R05").id();
        assertCorrectedField(visit, added, "diagnosis", cough, "sequence", "3");
        assertFromMessageThenCorrected(visit, "diagnosis", cough, "sequence", "DG1(2) (order)");
    }

    @Test
    void addsADiagnosisLastWhenNoPlaceIsGiven() {
        Visit visit = visit();
        corrections.addDiagnosis(new AddDiagnosis(visit.id(), visit.revision(), CODER, "in the note", "Z20.822",
                null, null));
        assertThat(details(visit.id()).diagnoses()).extracting(d -> d.sequence() + " " + d.code())
                .containsExactly("1 J06.9", "2 R05", "3 R50.9", "4 Z20.822");
    }

    @Test
    void changesADiagnosisCodeAndTheChargeLinesThatPointToIt() {
        Visit visit = visit();
        long uri = visit.diagnosis("J06.9").id();
        CoderCorrection changed = corrections.changeDiagnosisCode(new ChangeDiagnosisCode(visit.id(),
                visit.revision(), CODER, "more specific per note", uri, "J02.9", null));
        EncounterDetails after = details(visit.id());
        EncounterDetails.Diagnosis diagnosis = after.diagnoses().get(0);
        assertThat(diagnosis.id()).isEqualTo(uri);
        assertThat(diagnosis.code()).isEqualTo("J02.9");
        assertThat(diagnosis.sequence()).isEqualTo(1);
        assertThat(after.charges().get(0).diagnosisCodes()).containsExactly("J02.9", "R05");
        assertThat(changed).extracting(CoderCorrection::entity, CoderCorrection::entityId, CoderCorrection::before,
                CoderCorrection::after).containsExactly("diagnosis", uri, "J06.9", "J02.9");
        assertRecorded(visit, changed, Action.CHANGE_DIAGNOSIS_CODE);
        assertCorrectedField(visit, changed, "diagnosis", uri, "code", "J02.9");
        assertFromMessageThenCorrected(visit, "diagnosis", uri, "code", "DG1(1)-3.1");
        assertCorrectedField(visit, changed, "charge", visit.office().id(), "diagnosis_codes", "J02.9,R05");
        assertFromMessageThenCorrected(visit, "charge", visit.office().id(), "diagnosis_codes", "FT1(1)-19");
    }

    @Test
    void removesADiagnosisNoLinePointsToAndClosesUpTheSequence() {
        Visit loaded = visit();
        long cough = loaded.diagnosis("R05").id();
        corrections.changeDiagnosisPointers(new ChangeDiagnosisPointers(loaded.id(), loaded.revision(), CODER,
                "cough not addressed", loaded.office().id(), List.of("J06.9")));
        Visit visit = new Visit(loaded.number(), loaded.messageId(), details(loaded.id()));
        seen.clear();

        CoderCorrection removed = corrections.removeDiagnosis(new RemoveDiagnosis(visit.id(), visit.revision(),
                CODER, "not documented", cough));
        assertThat(details(visit.id()).diagnoses()).extracting(d -> d.sequence() + " " + d.code())
                .containsExactly("1 J06.9", "2 R50.9");
        assertThat(removed).extracting(CoderCorrection::entity, CoderCorrection::entityId, CoderCorrection::before,
                CoderCorrection::after).containsExactly("diagnosis", cough, "R05", null);
        assertRecorded(visit, removed, Action.REMOVE_DIAGNOSIS);
        assertCorrectedField(visit, removed, "diagnosis", visit.diagnosis("R50.9").id(), "sequence", "2");
    }

    @Test
    void reordersTheDiagnoses() {
        Visit visit = visit();
        long uri = visit.diagnosis("J06.9").id();
        long cough = visit.diagnosis("R05").id();
        long fever = visit.diagnosis("R50.9").id();
        CoderCorrection reordered = corrections.reorderDiagnoses(new ReorderDiagnoses(visit.id(), visit.revision(),
                CODER, "fever is primary", List.of(fever, uri, cough)));
        assertThat(details(visit.id()).diagnoses()).extracting(d -> d.sequence() + " " + d.code())
                .containsExactly("1 R50.9", "2 J06.9", "3 R05");
        assertThat(reordered).extracting(CoderCorrection::entity, CoderCorrection::entityId, CoderCorrection::field,
                CoderCorrection::before, CoderCorrection::after)
                .containsExactly("encounter", visit.id(), "diagnoses", "J06.9,R05,R50.9", "R50.9,J06.9,R05");
        assertRecorded(visit, reordered, Action.REORDER_DIAGNOSES);
        assertCorrectedField(visit, reordered, "diagnosis", fever, "sequence", "1");
        assertCorrectedField(visit, reordered, "diagnosis", uri, "sequence", "2");
        assertCorrectedField(visit, reordered, "diagnosis", cough, "sequence", "3");
        // the line's pointers are codes, so they keep pointing at the same diagnoses
        assertThat(details(visit.id()).charges().get(0).diagnosisCodes()).containsExactly("J06.9", "R05");
    }

    // ---- charge lines

    @Test
    void changesAProcedureCode() {
        Visit visit = visit();
        long line = visit.office().id();
        CoderCorrection changed = corrections.changeProcedureCode(new ChangeProcedureCode(visit.id(),
                visit.revision(), CODER, "level 4 documented", line, "99214"));
        assertThat(details(visit.id()).charges().get(0).procedureCode()).isEqualTo("99214");
        assertThat(changed).extracting(CoderCorrection::entity, CoderCorrection::entityId, CoderCorrection::field,
                CoderCorrection::before, CoderCorrection::after)
                .containsExactly("charge", line, "procedure_code", "99213", "99214");
        assertRecorded(visit, changed, Action.CHANGE_PROCEDURE_CODE);
        assertCorrectedField(visit, changed, "charge", line, "procedure_code", "99214");
        assertFromMessageThenCorrected(visit, "charge", line, "procedure_code", "FT1(1)-25.1");
    }

    @Test
    void changesModifiers() {
        Visit visit = visit();
        long line = visit.office().id();
        CoderCorrection changed = corrections.changeModifiers(new ChangeModifiers(visit.id(), visit.revision(),
                CODER, "separate procedure", line, List.of("25", " 59", "xu")));
        assertThat(details(visit.id()).charges().get(0).modifiers()).containsExactly("25", "59", "XU");
        assertThat(changed).extracting(CoderCorrection::before, CoderCorrection::after)
                .containsExactly("25", "25,59,XU");
        assertRecorded(visit, changed, Action.CHANGE_MODIFIERS);
        assertCorrectedField(visit, changed, "charge", line, "modifiers", "25,59,XU");
        assertFromMessageThenCorrected(visit, "charge", line, "modifiers", "FT1(1)-26");
    }

    @Test
    void takesAllModifiersOff() {
        Visit visit = visit();
        CoderCorrection changed = corrections.changeModifiers(new ChangeModifiers(visit.id(), visit.revision(),
                CODER, "no separate E/M", visit.office().id(), List.of()));
        assertThat(details(visit.id()).charges().get(0).modifiers()).isEmpty();
        assertThat(changed).extracting(CoderCorrection::before, CoderCorrection::after).containsExactly("25", null);
    }

    @Test
    void changesUnits() {
        Visit visit = visit();
        long line = visit.office().id();
        CoderCorrection changed = corrections.changeUnits(new ChangeUnits(visit.id(), visit.revision(), CODER,
                "two units documented", line, new BigDecimal("2")));
        EncounterDetails.Charge after = details(visit.id()).charges().get(0);
        assertThat(after.units()).isEqualByComparingTo("2");
        assertThat(after.amount()).isEqualByComparingTo("150.00");
        assertThat(changed).extracting(CoderCorrection::before, CoderCorrection::after)
                .containsExactly("1.00", "2.00");
        assertRecorded(visit, changed, Action.CHANGE_UNITS);
        assertCorrectedField(visit, changed, "charge", line, "units", "2.00");
        assertFromMessageThenCorrected(visit, "charge", line, "units", "FT1(1)-10");
    }

    @Test
    void changesDiagnosisPointers() {
        Visit visit = visit();
        long line = visit.office().id();
        CoderCorrection changed = corrections.changeDiagnosisPointers(new ChangeDiagnosisPointers(visit.id(),
                visit.revision(), CODER, "fever drove the visit", line, List.of("r509", "J06.9")));
        // written as the encounter spells them, so they resolve to its diagnoses
        assertThat(details(visit.id()).charges().get(0).diagnosisCodes()).containsExactly("R50.9", "J06.9");
        assertThat(changed).extracting(CoderCorrection::field, CoderCorrection::before, CoderCorrection::after)
                .containsExactly("diagnosis_codes", "J06.9,R05", "R50.9,J06.9");
        assertRecorded(visit, changed, Action.CHANGE_DIAGNOSIS_POINTERS);
        assertCorrectedField(visit, changed, "charge", line, "diagnosis_codes", "R50.9,J06.9");
    }

    @Test
    void changesThePlaceOfService() {
        Visit visit = visit();
        long line = visit.office().id();
        CoderCorrection changed = corrections.changePlaceOfService(new ChangePlaceOfService(visit.id(),
                visit.revision(), CODER, "telehealth visit", line, "02"));
        assertThat(details(visit.id()).charges().get(0).placeOfService()).isEqualTo("02");
        assertThat(changed).extracting(CoderCorrection::before, CoderCorrection::after).containsExactly("11", "02");
        assertRecorded(visit, changed, Action.CHANGE_PLACE_OF_SERVICE);
        assertCorrectedField(visit, changed, "charge", line, "place_of_service", "02");
        assertFromMessageThenCorrected(visit, "charge", line, "place_of_service", "FT1(1)-16.1");
    }

    @Test
    void correctionsOfAnEncounterAreListedNewestFirst() {
        Visit visit = visit();
        long line = visit.office().id();
        CoderCorrection first = corrections.apply(new ChangeUnits(visit.id(), visit.revision(), CODER, "a", line,
                new BigDecimal("3")));
        CoderCorrection second = corrections.apply(new ChangePlaceOfService(visit.id(), first.revision(), "coder2",
                "b", line, "22"));
        assertThat(corrections.of(visit.id())).containsExactly(second, first);
        assertThat(corrections.find(first.id())).contains(first);
        assertThat(second.revision()).isEqualTo(visit.revision() + 2);
    }
    // ---- refusals: each one names the record and field, and leaves everything as it was

    /** Everything a correction could have changed. */
    private record Snapshot(EncounterDetails details, long sources, long corrections) {
    }

    private Snapshot snapshot(long encounterId) {
        return new Snapshot(encounters.find(encounterId).orElse(null),
                jdbc.sql("SELECT COUNT(*) FROM field_source").query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM coder_correction").query(Long.class).single());
    }

    private <T extends CorrectionRefused> T refused(Class<T> type, long encounterId, CorrectionCommand command) {
        Snapshot before = snapshot(encounterId);
        seen.clear();
        Throwable thrown = catchThrowable(() -> corrections.apply(command));
        assertThat(thrown).isInstanceOf(type);
        assertThat(snapshot(encounterId)).as("nothing changed").isEqualTo(before);
        assertThat(seen).as("nothing announced").isEmpty();
        return type.cast(thrown);
    }

    private static CorrectionRefused.Problem problem(String record, String field, String message) {
        return new CorrectionRefused.Problem(record, field, message);
    }

    @Test
    void aCorrectionNeedsAReasonAndAUser() {
        Visit visit = visit();
        String encounter = "encounter " + visit.id();
        InvalidCorrection blank = refused(InvalidCorrection.class, visit.id(), new ChangeUnits(visit.id(),
                visit.revision(), CODER, "   ", visit.office().id(), new BigDecimal("2")));
        assertThat(blank.problems()).containsExactly(problem(encounter, "reason", "a correction needs a reason"));
        assertThat(blank.record()).isEqualTo(encounter);
        assertThat(blank.field()).isEqualTo("reason");
        assertThat(blank.getMessage()).isEqualTo(encounter + " reason: a correction needs a reason");

        InvalidCorrection nobody = refused(InvalidCorrection.class, visit.id(), new ChangeUnits(visit.id(),
                visit.revision(), null, null, visit.office().id(), new BigDecimal("2")));
        assertThat(nobody.problems()).extracting(CorrectionRefused.Problem::field).containsExactly("user", "reason");
    }

    @Test
    void everyProblemOfAFormIsNamedAtOnce() {
        Visit visit = visit();
        InvalidCorrection refused = refused(InvalidCorrection.class, visit.id(), new ChangeModifiers(visit.id(),
                visit.revision(), CODER, "", visit.office().id(), List.of("25", "5", "25")));
        String charge = "charge " + visit.office().id();
        assertThat(refused.problems()).containsExactly(
                problem("encounter " + visit.id(), "reason", "a correction needs a reason"),
                problem(charge, "modifiers", "'5' is not a modifier: two letters or digits"),
                problem(charge, "modifiers", "names a modifier more than once"));
    }

    @Test
    void modifiersAreAtMostFourOfTwoLettersOrDigits() {
        Visit visit = visit();
        long line = visit.office().id();
        String charge = "charge " + line;
        assertThat(refused(InvalidCorrection.class, visit.id(), new ChangeModifiers(visit.id(), visit.revision(),
                CODER, "x", line, List.of("2-5"))).problems())
                .containsExactly(problem(charge, "modifiers", "'2-5' is not a modifier: two letters or digits"));
        assertThat(refused(InvalidCorrection.class, visit.id(), new ChangeModifiers(visit.id(), visit.revision(),
                CODER, "x", line, List.of("25", "59", "XU", "76", "77"))).problems())
                .containsExactly(problem(charge, "modifiers", "at most 4 modifiers, not 5"));
        assertThat(refused(InvalidCorrection.class, visit.id(), new ChangeModifiers(visit.id(), visit.revision(),
                CODER, "x", line, List.of("25"))).problems())
                .containsExactly(problem(charge, "modifiers", "is 25 already: nothing to change"));
    }

    @Test
    void pointersAreAtMostFourDiagnosesOfTheEncounter() {
        Visit visit = visit();
        long line = visit.office().id();
        String charge = "charge " + line;
        String encounter = "encounter " + visit.id();
        assertThat(refused(InvalidCorrection.class, visit.id(), new ChangeDiagnosisPointers(visit.id(),
                visit.revision(), CODER, "x", line, List.of("J06.9", "Z00.00"))).problems())
                .containsExactly(problem(charge, "diagnosisCodes", "Z00.00 is not a diagnosis on " + encounter
                        + ": add it first"));
        corrections.addDiagnosis(new AddDiagnosis(visit.id(), visit.revision(), CODER, "x", "Z20.822", null, null));
        int revision = visit.revision() + 1;
        corrections.addDiagnosis(new AddDiagnosis(visit.id(), revision, CODER, "x", "Z86.16", null, null));
        assertThat(refused(InvalidCorrection.class, visit.id(), new ChangeDiagnosisPointers(visit.id(),
                revision + 1, CODER, "x", line, List.of("J06.9", "R05", "R50.9", "Z20.822", "Z86.16"))).problems())
                .containsExactly(problem(charge, "diagnosisCodes", "at most 4 diagnosis pointers, not 5"));
        assertThat(refused(InvalidCorrection.class, visit.id(), new ChangeDiagnosisPointers(visit.id(),
                revision + 1, CODER, "x", line, List.of("J06.9", "J069"))).problems())
                .containsExactly(problem(charge, "diagnosisCodes", "points to a diagnosis more than once"));
    }

    @Test
    void unitsAreMoreThanZeroWithAtMostTwoDecimals() {
        Visit visit = visit();
        long line = visit.office().id();
        String charge = "charge " + line;
        for (String units : List.of("0", "-1", "0.00")) {
            assertThat(refused(InvalidCorrection.class, visit.id(), new ChangeUnits(visit.id(), visit.revision(),
                    CODER, "x", line, new BigDecimal(units))).problems())
                    .containsExactly(problem(charge, "units", "must be more than 0, not " + units));
        }
        assertThat(refused(InvalidCorrection.class, visit.id(), new ChangeUnits(visit.id(), visit.revision(),
                CODER, "x", line, new BigDecimal("1.125"))).problems())
                .containsExactly(problem(charge, "units", "at most two decimal places, not 1.125"));
        assertThat(refused(InvalidCorrection.class, visit.id(), new ChangeUnits(visit.id(), visit.revision(),
                CODER, "x", line, new BigDecimal("100000"))).problems())
                .containsExactly(problem(charge, "units", "must be less than 100000, not 100000"));
        assertThat(refused(InvalidCorrection.class, visit.id(), new ChangeUnits(visit.id(), visit.revision(),
                CODER, "x", line, null)).problems()).containsExactly(problem(charge, "units", "is required"));
        assertThat(refused(InvalidCorrection.class, visit.id(), new ChangeUnits(visit.id(), visit.revision(),
                CODER, "x", line, new BigDecimal("1.0"))).problems())
                .containsExactly(problem(charge, "units", "is 1.00 already: nothing to change"));
    }

    @Test
    void codesMustBeWellFormed() {
        Visit visit = visit();
        long line = visit.office().id();
        String encounter = "encounter " + visit.id();
        assertThat(refused(InvalidCorrection.class, visit.id(), new ChangeProcedureCode(visit.id(), visit.revision(),
                CODER, "x", line, "9921")).field()).isEqualTo("procedureCode");
        assertThat(refused(InvalidCorrection.class, visit.id(), new ChangePlaceOfService(visit.id(),
                visit.revision(), CODER, "x", line, "1")).problems())
                .containsExactly(problem("charge " + line, "placeOfService",
                        "'1' is not a place of service code: two digits"));
        assertThat(refused(InvalidCorrection.class, visit.id(), new AddDiagnosis(visit.id(), visit.revision(),
                CODER, "x", "123.4", null, null)).field()).isEqualTo("code");
        assertThat(refused(InvalidCorrection.class, visit.id(), new AddDiagnosis(visit.id(), visit.revision(),
                CODER, "x", "j069", null, null)).problems())
                .containsExactly(problem(encounter, "code", "J069 is on the encounter already, as diagnosis "
                        + visit.diagnosis("J06.9").id()));
        assertThat(refused(InvalidCorrection.class, visit.id(), new AddDiagnosis(visit.id(), visit.revision(),
                CODER, "x", "Z20.822", null, 5)).problems())
                .containsExactly(problem(encounter, "sequence", "must be from 1 to 4"));
        long uri = visit.diagnosis("J06.9").id();
        assertThat(refused(InvalidCorrection.class, visit.id(), new ChangeDiagnosisCode(visit.id(), visit.revision(),
                CODER, "x", uri, "R05", null)).problems())
                .containsExactly(problem("diagnosis " + uri, "code", "R05 is on the encounter already, as diagnosis "
                        + visit.diagnosis("R05").id()));
    }

    @Test
    void aDiagnosisALinePointsToStays() {
        Visit visit = visit();
        long cough = visit.diagnosis("R05").id();
        assertThat(refused(InvalidCorrection.class, visit.id(), new RemoveDiagnosis(visit.id(), visit.revision(),
                CODER, "x", cough)).problems())
                .containsExactly(problem("diagnosis " + cough, "diagnosisId", "R05 is a diagnosis pointer of charge "
                        + visit.office().id() + ": change the line's diagnosis pointers first"));
    }

    @Test
    void aReorderNamesEveryDiagnosisOnce() {
        Visit visit = visit();
        long uri = visit.diagnosis("J06.9").id();
        long cough = visit.diagnosis("R05").id();
        long fever = visit.diagnosis("R50.9").id();
        String encounter = "encounter " + visit.id();
        assertThat(refused(InvalidCorrection.class, visit.id(), new ReorderDiagnoses(visit.id(), visit.revision(),
                CODER, "x", List.of(fever, uri))).problems())
                .containsExactly(problem(encounter, "diagnosisIds",
                        "must name every diagnosis of the encounter; missing R05"));
        assertThat(refused(InvalidCorrection.class, visit.id(), new ReorderDiagnoses(visit.id(), visit.revision(),
                CODER, "x", List.of(fever, uri, cough, uri))).problems())
                .containsExactly(problem(encounter, "diagnosisIds", "names a diagnosis more than once"));
        assertThat(refused(InvalidCorrection.class, visit.id(), new ReorderDiagnoses(visit.id(), visit.revision(),
                CODER, "x", List.of(uri, cough, fever))).problems())
                .containsExactly(problem(encounter, "diagnosisIds",
                        "the diagnoses are in this order already: nothing to change"));
    }

    @Test
    void aStaleRevisionIsAConflict() {
        Visit visit = visit();
        corrections.changeUnits(new ChangeUnits(visit.id(), visit.revision(), CODER, "first", visit.office().id(),
                new BigDecimal("2")));
        CorrectionConflict conflict = refused(CorrectionConflict.class, visit.id(), new ChangePlaceOfService(
                visit.id(), visit.revision(), "coder2", "second, on what they saw before", visit.office().id(),
                "22"));
        assertThat(conflict.problems()).containsExactly(problem("encounter " + visit.id(), "expectedRevision",
                "the encounter changed since it was loaded (revision " + visit.revision() + ", now "
                        + (visit.revision() + 1) + "): load it again and decide afresh"));
    }

    @Test
    void unknownRecordsAreNotFound() {
        Visit visit = visit();
        Visit other = visit();
        long line = visit.office().id();
        assertThat(refused(CorrectionTargetNotFound.class, visit.id(), new ChangeUnits(999_999_999L, 0, CODER, "x",
                line, BigDecimal.TEN)).problems())
                .containsExactly(problem("encounter 999999999", "encounterId", "no such encounter"));
        assertThat(refused(CorrectionTargetNotFound.class, visit.id(), new ChangeUnits(visit.id(), visit.revision(),
                CODER, "x", 999_999_999L, BigDecimal.TEN)).problems())
                .containsExactly(problem("charge 999999999", "chargeId", "no such charge on encounter " + visit.id()));
        // a charge of another encounter is not one of this encounter's
        assertThat(refused(CorrectionTargetNotFound.class, visit.id(), new ChangeUnits(visit.id(), visit.revision(),
                CODER, "x", other.office().id(), BigDecimal.TEN)).field()).isEqualTo("chargeId");
        long othersDiagnosis = other.diagnosis("R05").id();
        assertThat(refused(CorrectionTargetNotFound.class, visit.id(), new RemoveDiagnosis(visit.id(),
                visit.revision(), CODER, "x", othersDiagnosis)).problems())
                .containsExactly(problem("diagnosis " + othersDiagnosis, "diagnosisId",
                        "no such diagnosis on encounter " + visit.id()));
        assertThat(refused(CorrectionTargetNotFound.class, visit.id(), new ChangeDiagnosisCode(visit.id(),
                visit.revision(), CODER, "x", 999_999_999L, "J02.9", null)).field()).isEqualTo("diagnosisId");
        assertThat(refused(CorrectionTargetNotFound.class, visit.id(), new ReorderDiagnoses(visit.id(),
                visit.revision(), CODER, "x", List.of(othersDiagnosis))).field()).isEqualTo("diagnosisIds");
    }

    @Test
    void aCancelledEncounterTakesNoCorrections() {
        Visit visit = visit();
        apply(message("FAMPRAC", "ADT^A11", "IT-" + visit.number() + "-A11", "2.5")
                .segment("PID", 1, "1", 3, "MRN-" + visit.number())
                .segment("PV1", 1, "1", 2, "O", 19, visit.number()));
        EncounterDetails cancelled = details(visit.id());
        assertThat(cancelled.encounter().status()).isEqualTo("CANCELLED");
        CorrectionConflict conflict = refused(CorrectionConflict.class, visit.id(), new ChangeUnits(visit.id(),
                cancelled.encounter().revision(), CODER, "x", visit.office().id(), BigDecimal.TEN));
        assertThat(conflict.problems()).containsExactly(problem("encounter " + visit.id(), "encounterId",
                "the encounter is cancelled: it takes no corrections"));
    }

    @Test
    void creditsAndReversedChargesTakeNoCorrections() {
        Visit visit = visit();
        apply(message("FAMPRAC", "DFT^P03", "IT-" + visit.number() + "-CD", "2.5")
                .segment("PID", 1, "1", 3, "MRN-" + visit.number())
                .segment("PV1", 1, "1", 2, "O", 19, visit.number())
                .segment("FT1", 1, "1", 2, "T-3", 4, "20261120", 6, "CD", 7, "OV3", 10, "-1", 11, "-150.00",
                        25, "99213"));
        EncounterDetails after = details(visit.id());
        long reversed = after.charges().get(0).id();
        long credit = after.charges().get(2).id();
        int revision = after.encounter().revision();
        assertThat(refused(CorrectionConflict.class, visit.id(), new ChangeUnits(visit.id(), revision, CODER, "x",
                reversed, BigDecimal.TEN)).problems()).containsExactly(problem("charge " + reversed, "chargeId",
                "was reversed by a credit: it goes on no claim and takes no corrections"));
        assertThat(refused(CorrectionConflict.class, visit.id(), new ChangeUnits(visit.id(), revision, CODER, "x",
                credit, BigDecimal.TEN)).problems()).containsExactly(problem("charge " + credit, "chargeId",
                "is a credit, not a charge line: it takes no corrections"));
    }

    // ---- the feed goes on

    @Test
    void aLaterMessageAppliesOverACorrectionAndTheLineageShowsBoth() {
        Visit visit = visit();
        long line = visit.office().id();
        CoderCorrection corrected = corrections.changeProcedureCode(new ChangeProcedureCode(visit.id(),
                visit.revision(), CODER, "level 4", line, "99214"));
        CoderCorrection added = corrections.addDiagnosis(new AddDiagnosis(visit.id(), corrected.revision(), CODER,
                "in the note", "Z20.822", null, 1));

        // the practice sends the same transaction again, corrected their way: the sender's truth, applied
        Receipt resend = apply(message("FAMPRAC", "DFT^P03", "IT-" + visit.number() + "-2", "2.5")
                .segment("PID", 1, "1", 3, "MRN-" + visit.number())
                .segment("PV1", 1, "1", 2, "O", 19, visit.number())
                .segment("FT1", 1, "1", 2, "T-1", 4, "20261120", 6, "CG", 7, "OV3^Office visit", 10, "1",
                        11, "150.00", 16, "11", 19, "J06.9~R05", 25, "99215^Office visit^C4", 26, "25"));
        EncounterDetails after = details(visit.id());
        assertThat(after.charges().get(0).procedureCode()).isEqualTo("99215");
        assertThat(after.encounter().revision()).isEqualTo(added.revision() + 1);
        assertThat(lineage.sourceOf("charge", line, "procedure_code").orElseThrow())
                .extracting(FieldChange::messageId, FieldChange::hl7Path, FieldChange::correction)
                .containsExactly(resend.messageId(), "FT1(1)-25.1", null);
        assertThat(lineage.historyOf("charge", line, "procedure_code"))
                .extracting(FieldChange::source)
                .containsExactly("message " + visit.messageId() + ", FT1(1)-25.1",
                        "corrected by " + CODER + " at " + corrected.correctedAt() + ": level 4",
                        "message " + resend.messageId() + ", FT1(1)-25.1");
        assertThat(lineage.changedBy(resend.messageId())).isNotEmpty()
                .allSatisfy(change -> assertThat(change.correction()).isNull());
        // the diagnosis the coder added stays: a DFT only adds what the encounter lacks
        assertThat(after.diagnoses()).extracting(EncounterDetails.Diagnosis::code)
                .containsExactly("Z20.822", "J06.9", "R05", "R50.9");

        // an A08 replaces the diagnoses with what it sends, the corrected ones included
        apply(message("FAMPRAC", "ADT^A08", "IT-" + visit.number() + "-3", "2.5")
                .segment("EVN", 1, "A08")
                .segment("PID", 1, "1", 3, "MRN-" + visit.number() + "^^^FAMPRAC^MR", 5, "Roe^Rita")
                .segment("PV1", 1, "1", 2, "O", 19, visit.number())
                .segment("DG1", 1, "1", 3, "J06.9^URI^I10", 15, "1")
                .segment("DG1", 1, "2", 3, "R05^Cough^I10", 15, "2"));
        EncounterDetails afterA08 = details(visit.id());
        assertThat(afterA08.diagnoses()).extracting(d -> d.sequence() + " " + d.code())
                .containsExactly("1 J06.9", "2 R05");
        // and the coder goes on from the revision the messages left
        CoderCorrection again = corrections.changeUnits(new ChangeUnits(visit.id(),
                afterA08.encounter().revision(), CODER, "two units", line, new BigDecimal("2")));
        assertThat(again.revision()).isEqualTo(afterA08.encounter().revision() + 1);
        assertThat(corrections.of(visit.id())).extracting(CoderCorrection::id)
                .containsExactly(again.id(), added.id(), corrected.id());
    }
}
