package org.claimbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimbridge.IntegrationTest;
import org.claimbridge.system.ClaimbridgeProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Real files in the real drop folder, polled by the running application. */
@IntegrationTest
class DropFolderIT {

    @Autowired
    ClaimbridgeProperties claimbridge;

    @Autowired
    Hl7Intake intake;

    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String msh(String type, String controlId) {
        return "MSH|^~\\&|EHR|FAMPRAC|CLAIMBRIDGE|CB|20261103091500||" + type + "|" + run + "-" + controlId
                + "|P|2.5.1";
    }

    private String adt(String controlId) {
        return msh("ADT^A04^ADT_A01", controlId) + "\rEVN|A04|20261103091500\rPID|1||FP" + run
                + "^^^FAMPRAC^MR||Quimby^Harold||19520314|M\rPV1|1|O|EXAM1^^^FAMPRAC||||1234567893^Welby^Marcus"
                + "|".repeat(12) + "V" + run;
    }

    /** A failed test must not leave files behind for the next test JVM's drop folder to take at start-up. */
    @org.junit.jupiter.api.AfterEach
    void leaveTheInboxEmpty() throws IOException {
        try (var files = Files.list(inbox())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(run)).toList()) {
                if (Files.isDirectory(file)) {
                    Files.deleteIfExists(file);
                } else {
                    Files.delete(file);
                }
            }
        }
    }

    private Path inbox() {
        return claimbridge.inbox("hl7");
    }

    /** Written aside and moved in, as a well-behaved sender does, back-dated so the folder need not wait. */
    private Path drop(String name, byte[] bytes) throws IOException {
        Files.createDirectories(inbox());
        Path part = inbox().resolve(name + ".part");
        Files.write(part, bytes);
        Files.setLastModifiedTime(part, FileTime.from(Instant.now().minusSeconds(5)));
        return Files.move(part, inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private Path drop(String name, String text) throws IOException {
        return drop(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path awaitIn(String folder, String name) {
        Path target = inbox().resolve(folder).resolve(name);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(target) && !Files.exists(inbox().resolve(name)));
        return target;
    }

    private List<String> reportLines(Path target) throws IOException {
        return Files.readAllLines(target.resolveSibling(target.getFileName() + ".report.txt"));
    }

    private List<String> messageLines(Path target) throws IOException {
        List<String> lines = reportLines(target);
        return lines.subList(lines.indexOf(DropFolderReport.COLUMNS) + 1, lines.size());
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("SELECT * FROM hl7_message WHERE control_id LIKE ? ORDER BY id").param(run + "-%")
                .query().listOfRows();
    }

    @Test
    void aSingleMessageFileIsStoredAsFileAndMovedToDoneWithItsReport() throws IOException {
        String name = run + "-single.hl7";
        byte[] bytes = (adt("1") + "\r").getBytes(StandardCharsets.UTF_8);
        drop(name, bytes);
        Path done = awaitIn("done", name);
        assertThat(Files.readAllBytes(done)).isEqualTo(bytes);
        assertThat(messageLines(done)).singleElement().asString()
                .startsWith("1\t" + run + "-1\tADT^A04\tAA\t").contains("\tnew\t");
        assertThat(reportLines(done)).anySatisfy(l -> assertThat(l).isEqualTo("# file\t" + name + " (" + bytes.length
                + " bytes)"));
        List<Map<String, Object>> rows = rows();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("channel", "FILE").containsEntry("peer", name + "#1")
                    .containsEntry("ack_code", "AA").containsEntry("sending_facility", "FAMPRAC");
        });
    }

    @Test
    void aMultiMessageFileWithNewlineEndingsIsStoredInOrder() throws IOException {
        String name = run + "-multi.hl7";
        String file = String.join("\n", adt("1").split("\r")) + "\n\n"
                + String.join("\n", adt("2").replace("ADT^A04^ADT_A01", "ADT^A08^ADT_A01").split("\r")) + "\n"
                + String.join("\n", (msh("DFT^P03^DFT_P03", "3") + "\rEVN|P03\rPID|1||FP" + run
                + "\rPV1|1|O" + "|".repeat(17) + "V" + run + "\rFT1|1|T1||20261103|20261103|CG|99213^Office visit^CPT||||1|95.00||||||||||||99213")
                .split("\r")) + "\n";
        drop(name, file);
        Path done = awaitIn("done", name);
        assertThat(messageLines(done)).hasSize(3).allSatisfy(l -> assertThat(l.split("\t")[3]).isEqualTo("AA"));
        assertThat(rows()).extracting(r -> r.get("control_id"), r -> r.get("peer"), r -> r.get("message_type"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(run + "-1", name + "#1", "ADT"),
                        org.assertj.core.groups.Tuple.tuple(run + "-2", name + "#2", "ADT"),
                        org.assertj.core.groups.Tuple.tuple(run + "-3", name + "#3", "DFT"));
        // each message was decoded from its own bytes: the \n endings reached the store normalised
        assertThat((String) rows().get(2).get("raw_text")).contains("\rFT1|1|T1|");
    }

    @Test
    void anFhsBhsBatchIsSplitAndItsCountsChecked() throws IOException {
        String name = run + "-batch.hl7";
        String batch = "FHS|^~\\&|EHR|ORTHOGRP|CB|CB|20261104\rBHS|^~\\&|EHR|ORTHOGRP|CB|CB|20261104\r"
                + adt("1") + "\r" + adt("2") + "\rBTS|2\rFTS|1\r";
        drop(name, batch.replace("\r", "\r\n"));
        Path done = awaitIn("done", name);
        assertThat(messageLines(done)).hasSize(2);
        assertThat(reportLines(done)).noneMatch(l -> l.startsWith("# problem"));
        assertThat(rows()).hasSize(2);
    }

    @Test
    void aBatchWhoseCountIsWrongGoesToErrorThoughItsMessagesAreStored() throws IOException {
        String name = run + "-short.hl7";
        drop(name, "BHS|^~\\&|EHR|ORTHOGRP\r" + adt("1") + "\rBTS|3\r");
        Path error = awaitIn("error", name);
        assertThat(reportLines(error)).contains("# problem\tbatch 1: BTS-1 says 3 message(s), 1 found");
        assertThat(messageLines(error)).singleElement().asString().contains("\tAA\t");
        assertThat(rows()).hasSize(1);
    }

    @Test
    void aFileWithBadMessagesGoesToErrorWithEachMessagesAnswer() throws IOException {
        String name = run + "-bad.hl7";
        String file = "exported 2026-11-03 by PracticeSuite\r\n" + adt("1") + "\r\n"
                + msh("ZZZ^Z01", "2") + "\r\nPID|1||X\r\n" + msh("ADT^A04", "3").replace("|P|", "|T|") + "\r\n";
        drop(name, file);
        Path error = awaitIn("error", name);
        List<String> lines = messageLines(error);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).split("\t")).startsWith("1", "-", "-", "AE", "ERROR");
        assertThat(lines.get(0)).contains("must start with an MSH");
        assertThat(lines.get(1).split("\t")).startsWith("2", run + "-1", "ADT^A04", "AA");
        assertThat(lines.get(2).split("\t")).startsWith("3", run + "-2", "ZZZ^Z01", "AR", "REJECTED");
        assertThat(lines.get(2)).contains("not an HL7 v2 message type");
        assertThat(lines.get(3).split("\t")).startsWith("4", run + "-3", "ADT^A04", "AR", "REJECTED");
        assertThat(lines.get(3)).contains("processing id 'T'");
        assertThat(reportLines(error)).anySatisfy(l -> assertThat(l).startsWith("# problem\tpart 1:"));
        Integer garbage = jdbc.sql("SELECT COUNT(*) FROM hl7_message WHERE peer = ? AND status = 'ERROR'")
                .param(name + "#1").query(Integer.class).single();
        assertThat(garbage).isEqualTo(1);
    }

    @Test
    void theSameFileDroppedTwiceIsStoredOnce() throws IOException {
        String name = run + "-twice.hl7";
        String file = adt("1") + "\r" + adt("2") + "\r";
        drop(name, file);
        awaitIn("done", name);
        drop(name, file);
        String second = run + "-twice.2.hl7";
        Path done = awaitIn("done", second);
        assertThat(messageLines(done)).hasSize(2).allSatisfy(l -> assertThat(l).contains("\tAA\t").contains("\tresend\t"));
        assertThat(rows()).hasSize(2).allSatisfy(r -> assertThat(r).containsEntry("resend_count", 1));
    }

    @Test
    void aFileInterruptedHalfWayIsTakenAgainWithoutDuplicates() throws IOException {
        // as if the JVM died after committing the first message: it is stored, the file is still in the inbox
        String name = run + "-crash.hl7";
        String first = adt("1");
        intake.receive(new Arrival((first + "\r").getBytes(StandardCharsets.UTF_8), Channel.FILE, name + "#1",
                Instant.now()));
        drop(name, first + "\r" + adt("2") + "\r");
        Path done = awaitIn("done", name);
        assertThat(messageLines(done)).extracting(l -> l.split("\t")[6]).containsExactly("resend", "new");
        assertThat(rows()).hasSize(2);
    }

    @Test
    void filesStillBeingWrittenAreLeftAlone() throws IOException, InterruptedException {
        Files.createDirectories(inbox());
        Path tmp = Files.writeString(inbox().resolve(run + "-writing.hl7.tmp"), adt("1"));
        Path part = Files.writeString(inbox().resolve(run + "-writing.hl7.part"), adt("2"));
        Files.setLastModifiedTime(tmp, FileTime.from(Instant.now().minusSeconds(60)));
        Files.setLastModifiedTime(part, FileTime.from(Instant.now().minusSeconds(60)));
        String name = run + "-after.hl7";
        drop(name, adt("3"));
        awaitIn("done", name);
        Thread.sleep(500);
        assertThat(tmp).exists();
        assertThat(part).exists();
        assertThat(rows()).extracting(r -> r.get("control_id")).containsExactly(run + "-3");
        Files.delete(tmp);
        Files.delete(part);
    }

    @Test
    void aFileThatCannotBeReadDoesNotStopTheOthers() throws IOException {
        // a directory that looks like a file is skipped; an unreadable file (where permissions apply) goes to error/
        Path directory = Files.createDirectories(inbox().resolve(run + "-folder.hl7"));
        Path unreadable = drop(run + "-locked.hl7", adt("9"));
        boolean locked = unreadable.toFile().setReadable(false, false) && !Files.isReadable(unreadable);
        String name = run + "-fine.hl7";
        drop(name, adt("1"));
        awaitIn("done", name);
        assertThat(directory).isDirectory();
        if (locked) {
            Path error = awaitIn("error", run + "-locked.hl7");
            assertThat(reportLines(error)).anySatisfy(l -> assertThat(l).contains("could not be read"));
        }
        Files.delete(directory);
    }
}
