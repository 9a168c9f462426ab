package org.claimbridge.claim;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.claimbridge.practice.Delimiters;
import org.claimbridge.practice.Receiver;
import org.claimbridge.practice.Submitter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InterchangeWriterTest {

    static final GuideSchemas SCHEMAS = new GuideSchemas();
    static final Submitter SUBMITTER = new Submitter("Claimbridge Billing", "ZZ", "CLAIMBRIDGE", "CLAIMBRIDGE",
            "Billing Desk", "2175550100", null);
    static final Receiver RECEIVER = new Receiver("AVAILITY", "Availity", "ZZ", "030240928", "030240928",
            "030240928", 'T', Delimiters.STANDARD, List.of("*"));

    @Test
    void aClaimTheGuideRefusesIsLeftOutWholeAndTheOthersAreWrittenAndValid() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<String> good;
        List<String> bad;
        List<String> second;
        try (InterchangeWriter writer = new InterchangeWriter(file, envelope(), SCHEMAS);
             TransactionSets sets = new TransactionSets(envelope(), SCHEMAS)) {
            writer.startGroup(ClaimKind.PROFESSIONAL, "17");
            good = write(writer, sets, claim("42-1", "Quimby"), "0001");
            bad = write(writer, sets, claim("43-1", null), "0002");
            second = write(writer, sets, claim("44-1", "Ortega"), "0003");
            assertThat(writer.endGroup()).isTrue();
            writer.finish();
        }

        assertThat(good).isEmpty();
        assertThat(second).isEmpty();
        assertThat(bad).isNotEmpty();
        assertThat(String.join("; ", bad)).contains("2010BA");

        X12ReadBack.Read read = X12ReadBack.read(file.toByteArray(), SCHEMAS);
        assertThat(read.errors()).isEmpty();
        assertThat(read.all("CLM")).extracting(s -> s.get(1)).containsExactly("42-1", "44-1");
        assertThat(read.all("ST")).extracting(s -> s.get(2)).containsExactly("0001", "0003");
        assertThat(read.all("GE").get(0).get(1)).isEqualTo("2");
        assertThat(read.all("ISA").get(0).get(13)).isEqualTo("000000123");
        assertThat(read.all("IEA").get(0).get(1)).isEqualTo("1");
        List<X12ReadBack.Segment> claim = read.claim("42-1");
        assertThat(claim.get(claim.size() - 1).get(1)).isEqualTo(String.valueOf(claim.size()));
    }

    @Test
    void aGroupWhoseClaimsWereAllRefusedLeavesNoTrace() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (InterchangeWriter writer = new InterchangeWriter(file, envelope(), SCHEMAS);
             TransactionSets sets = new TransactionSets(envelope(), SCHEMAS)) {
            writer.startGroup(ClaimKind.PROFESSIONAL, "18");
            assertThat(write(writer, sets, claim("45-1", null), "0004")).isNotEmpty();
            assertThat(writer.endGroup()).isFalse();
            writer.startGroup(ClaimKind.PROFESSIONAL, "19");
            assertThat(write(writer, sets, claim("46-1", "Quimby"), "0005")).isEmpty();
            assertThat(writer.endGroup()).isTrue();
            writer.finish();
        }

        X12ReadBack.Read read = X12ReadBack.read(file.toByteArray(), SCHEMAS);
        assertThat(read.errors()).isEmpty();
        assertThat(read.all("GS")).extracting(s -> s.get(6)).containsExactly("19");
        assertThat(read.all("IEA").get(0).get(1)).isEqualTo("1");
    }

    @Test
    void aServiceFacilityGoesInto2310cAndIsValid() throws Exception {
        ClaimDocument plain = claim("47-1", "Quimby");
        ClaimDocument withFacility = new ClaimDocument(plain.kind(), plain.patientControlNumber(), "1", null,
                plain.totalCharge(), "P", "MB", plain.billing(), plain.subscriber(), plain.payer(), null, "18",
                plain.visit(), plain.diagnoses(), List.of(), null, plain.rendering(), null, null,
                new ClaimDocument.Facility("Maple Family Practice West Clinic", "1144221847",
                        new ClaimDocument.Address("800 West Ave", null, "Springfield", "IL", "627049876")),
                List.of(), plain.lines(), plain.origin());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (InterchangeWriter writer = new InterchangeWriter(file, envelope(), SCHEMAS);
             TransactionSets sets = new TransactionSets(envelope(), SCHEMAS)) {
            writer.startGroup(ClaimKind.PROFESSIONAL, "20");
            assertThat(write(writer, sets, withFacility, "0006")).isEmpty();
            writer.endGroup();
            writer.finish();
        }

        X12ReadBack.Read read = X12ReadBack.read(file.toByteArray(), SCHEMAS);
        assertThat(read.errors()).isEmpty();
        assertThat(read.all("NM1")).extracting(X12ReadBack.Segment::toString)
                .contains("NM1*77*2*MAPLE FAMILY PRACTICE WEST CLINIC*****XX*1144221847");
        assertThat(read.all("N4")).extracting(X12ReadBack.Segment::toString).contains("N4*SPRINGFIELD*IL*627049876");
    }

    private static List<String> write(InterchangeWriter writer, TransactionSets sets, ClaimDocument claim, String st)
            throws Exception {
        TransactionSets.Rendered rendered = sets.render(claim, st);
        if (!rendered.refused()) {
            writer.append(claim.kind(), rendered.bytes());
        }
        return rendered.errors();
    }

    private static InterchangeWriter.Envelope envelope() {
        return new InterchangeWriter.Envelope(RECEIVER, SUBMITTER, "000000123", LocalDateTime.of(2026, 11, 25, 9,
                30));
    }

    static ClaimDocument claim(String pcn, String lastName) {
        ClaimDocument.Address address = new ClaimDocument.Address("100 Main St", null, "Springfield", "IL",
                "627011234");
        ClaimDocument.Person person = new ClaimDocument.Person(lastName, "Harold", null, LocalDate.of(1952, 4, 2),
                "M", address);
        return new ClaimDocument(ClaimKind.PROFESSIONAL, pcn, "1", null, new BigDecimal("150.00"), "P", "MB",
                new ClaimDocument.BillingProvider("Maple Family Practice", "1234567893", "207Q00000X", "123456789",
                        address, null),
                new ClaimDocument.Subscriber(person, "1EG4TE5MK73", null, null, "18"),
                new ClaimDocument.Payer("Medicare Part B", "06102"), null, "18",
                new ClaimDocument.Visit("11", null, LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 3), null, null,
                        null, null, null, null, false),
                List.of(new ClaimDocument.Diagnosis(1, "E11.9", false)), List.of(), null,
                new ClaimDocument.Provider("Okafor", "Adaeze", "1049283710", "charge.performing_npi", 1), null, null,
                null, List.of(),
                List.of(new ClaimDocument.Line(1, 1, pcn + "-1", LocalDate.of(2026, 11, 3), "99214", List.of("25"),
                        null, BigDecimal.ONE, new BigDecimal("150.00"), List.of(1), "11", null)),
                new ClaimDocument.Origin(1, 1, 1, 1L, null));
    }
}
