package org.claimbridge.demo.payer;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;

/**
 * Reads an 837 file with StAEDI's reader, which takes the separators from the ISA (they differ per receiver) and
 * checks the envelope against the X12 00501 control schema. An envelope that does not add up is refused whole, as a
 * clearinghouse would refuse the interchange; inside a transaction set only the values the answers need are kept.
 */
final class ClaimFileReader {

    private static final DateTimeFormatter ISA_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    /** A segment as read: elements by position, each a list of its components. */
    record Segment(String tag, List<List<String>> elements, int position) {

        String get(int element) {
            return get(element, 1);
        }

        String get(int element, int component) {
            if (element > elements.size() || component > elements.get(element - 1).size()) {
                return null;
            }
            String value = elements.get(element - 1).get(component - 1);
            return value == null || value.isEmpty() ? null : value;
        }

        List<String> components(int element) {
            return element > elements.size() ? List.of() : elements.get(element - 1);
        }
    }

    Submission read(Path file) throws IOException {
        List<Segment> segments = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Character> delimiters = null;
        EDIInputFactory factory = EDIInputFactory.newFactory();
        try (InputStream in = Files.newInputStream(file); EDIStreamReader reader = factory.createEDIStreamReader(in)) {
            String tag = null;
            List<List<String>> elements = null;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        elements = new ArrayList<>();
                    }
                    case ELEMENT_DATA -> {
                        var location = reader.getLocation();
                        if (location.getElementOccurrence() > 1) {
                            // a repeated element: the first occurrence is the one the answers use
                            continue;
                        }
                        int position = location.getElementPosition();
                        while (elements.size() < position) {
                            elements.add(new ArrayList<>());
                        }
                        List<String> components = elements.get(position - 1);
                        int component = Math.max(1, location.getComponentPosition());
                        while (components.size() < component - 1) {
                            components.add("");
                        }
                        components.add(reader.getText());
                    }
                    case END_SEGMENT -> {
                        segments.add(new Segment(tag, elements, reader.getLocation().getSegmentPosition()));
                        if ("ISA".equals(tag)) {
                            delimiters = reader.getDelimiters();
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> errors.add(
                            reader.getLocation().getSegmentTag() + " at segment "
                                    + reader.getLocation().getSegmentPosition() + ": " + reader.getErrorType());
                    default -> {
                    }
                }
            }
        } catch (EDIStreamException e) {
            throw new IOException(file.getFileName() + " is not a readable X12 interchange: " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            throw new IOException(file.getFileName() + " has an envelope in error: " + String.join("; ", errors));
        }
        return assemble(file.getFileName().toString(), segments, delimiters);
    }

    private static Submission assemble(String fileName, List<Segment> segments, Map<String, Character> delimiters)
            throws IOException {
        if (segments.isEmpty() || !"ISA".equals(segments.get(0).tag()) || delimiters == null) {
            throw new IOException(fileName + " does not start with an ISA");
        }
        Segment isa = segments.get(0);
        Submission.Separators separators = new Submission.Separators(
                delimiters.get(EDIStreamConstants.Delimiters.SEGMENT),
                delimiters.get(EDIStreamConstants.Delimiters.DATA_ELEMENT),
                delimiters.get(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT),
                delimiters.getOrDefault(EDIStreamConstants.Delimiters.REPETITION, '^'));
        LocalDateTime at = LocalDateTime.of(LocalDate.parse(isa.get(9), ISA_DATE),
                LocalTime.parse(isa.get(10), X12Values.TIME));
        List<Submission.Group> groups = new ArrayList<>();
        Segment gs = null;
        List<Submission.TransactionSet> sets = null;
        List<Segment> set = null;
        for (Segment segment : segments) {
            switch (segment.tag()) {
                case "GS" -> {
                    if (gs == null) {
                        // the first group's date says the century, which the ISA's does not
                        at = LocalDateTime.of(X12Values.from(segment.get(4)),
                                LocalTime.parse(segment.get(5).substring(0, 4), X12Values.TIME));
                    }
                    gs = segment;
                    sets = new ArrayList<>();
                }
                case "ST" -> set = new ArrayList<>(List.of(segment));
                case "SE" -> {
                    set.add(segment);
                    sets.add(new TransactionSetReader(set).read());
                    set = null;
                }
                case "GE" -> groups.add(new Submission.Group(gs.get(1), gs.get(6), gs.get(2), gs.get(3), gs.get(8),
                        Integer.parseInt(segment.get(1)), List.copyOf(sets)));
                default -> {
                    if (set != null) {
                        set.add(segment);
                    }
                }
            }
        }
        Submission.Envelope envelope = new Submission.Envelope(isa.get(5), isa.get(6).trim(), isa.get(7),
                isa.get(8).trim(), isa.get(13), isa.get(15), at, separators);
        return new Submission(fileName, envelope, List.copyOf(groups));
    }

    /**
     * Walks one transaction set's hierarchy: billing provider (HL 20), subscriber (HL 22) with the payer, patient
     * (HL 23), then each claim and its lines. The other payers of a claim (2320-2330) are passed over: what they say
     * matters to this payer only for coordination of benefits, which the simulator does not play.
     */
    private static final class TransactionSetReader {

        private final List<Segment> segments;
        private final int start;
        private Submission.Party submitter;
        private Submission.BillingProvider billing;
        private Submission.Person subscriber;
        private Submission.Party payer;
        private Submission.Person patient;
        private String payerSequence;
        private String filingIndicator;
        private Submission.Spot memberSpot;
        private Submission.Spot subscriberSpot;
        private ClaimBuilder claim;
        private final List<Submission.Claim> claims = new ArrayList<>();
        /** Which entity the N3/N4 after an NM1 belong to. */
        private String entity;

        TransactionSetReader(List<Segment> segments) {
            this.segments = segments;
            this.start = segments.get(0).position();
        }

        Submission.TransactionSet read() {
            Segment st = segments.get(0);
            String batch = null;
            for (Segment s : segments) {
                Submission.Spot spot = new Submission.Spot(s.tag(), s.position() - start + 1, null);
                switch (s.tag()) {
                    case "BHT" -> batch = s.get(3);
                    case "HL" -> hierarchicalLevel(s);
                    case "SBR" -> {
                        if (claim == null) {
                            payerSequence = s.get(1);
                            filingIndicator = s.get(9);
                            subscriberSpot = new Submission.Spot("SBR", spot.position(), "2000B");
                        }
                    }
                    case "NM1" -> name(s, spot);
                    case "N3" -> {
                        if ("85".equals(entity) && billing != null) {
                            billing = new Submission.BillingProvider(billing.name(), billing.npi(), billing.tin(),
                                    s.get(1), billing.city(), billing.state(), billing.postalCode());
                        }
                    }
                    case "N4" -> {
                        if ("85".equals(entity) && billing != null) {
                            billing = new Submission.BillingProvider(billing.name(), billing.npi(), billing.tin(),
                                    billing.addressLine(), s.get(1), s.get(2), s.get(3));
                        }
                    }
                    case "REF" -> reference(s);
                    case "CLM" -> {
                        finishClaim();
                        // the 837I guide (X223) names itself in ST03
                        claim = new ClaimBuilder(s, st.get(3) != null && st.get(3).contains("X223"));
                    }
                    case "DTP" -> date(s);
                    case "HI" -> {
                        if (claim != null && claim.diagnosisSpot == null) {
                            claim.diagnosisSpot = new Submission.Spot("HI", spot.position(), "2300");
                            claim.diagnosis = s.get(1, 2);
                        }
                    }
                    case "LX" -> {
                        if (claim != null) {
                            claim.startLine(Integer.parseInt(s.get(1)));
                        }
                    }
                    case "SV1" -> {
                        if (claim != null) {
                            claim.professionalLine(s, new Submission.Spot("SV1", spot.position(), "2400"));
                        }
                    }
                    case "SV2" -> {
                        if (claim != null) {
                            claim.institutionalLine(s, new Submission.Spot("SV2", spot.position(), "2400"));
                        }
                    }
                    default -> {
                    }
                }
            }
            finishClaim();
            return new Submission.TransactionSet(st.get(1), st.get(2), st.get(3), batch, submitter,
                    List.copyOf(claims));
        }

        private void hierarchicalLevel(Segment hl) {
            finishClaim();
            switch (String.valueOf(hl.get(3))) {
                case "20" -> {
                    billing = null;
                    subscriber = null;
                    patient = null;
                }
                case "22" -> {
                    subscriber = null;
                    payer = null;
                    patient = null;
                    payerSequence = null;
                    filingIndicator = null;
                }
                default -> patient = null;
            }
        }

        private void name(Segment nm1, Submission.Spot spot) {
            entity = nm1.get(1);
            if (claim != null) {
                // providers of the claim and its lines, other subscribers and payers (2310, 2330, 2420)
                entity = null;
                return;
            }
            switch (String.valueOf(nm1.get(1))) {
                case "41" -> submitter = new Submission.Party(nm1.get(3), nm1.get(9));
                case "85" -> billing = new Submission.BillingProvider(nm1.get(3), nm1.get(9), null, null, null,
                        null, null);
                case "IL" -> {
                    subscriber = new Submission.Person(nm1.get(3), nm1.get(4), nm1.get(5), nm1.get(9));
                    memberSpot = new Submission.Spot("NM1", spot.position(), "2010BA");
                }
                case "PR" -> payer = new Submission.Party(nm1.get(3), nm1.get(9));
                case "QC" -> patient = new Submission.Person(nm1.get(3), nm1.get(4), nm1.get(5), null);
                default -> {
                }
            }
        }

        private void reference(Segment ref) {
            String qualifier = String.valueOf(ref.get(1));
            if ("EI".equals(qualifier) && claim == null && billing != null) {
                billing = new Submission.BillingProvider(billing.name(), billing.npi(), ref.get(2),
                        billing.addressLine(), billing.city(), billing.state(), billing.postalCode());
            } else if ("F8".equals(qualifier) && claim != null && claim.line == null) {
                claim.originalClaimNumber = ref.get(2);
            } else if ("6R".equals(qualifier) && claim != null && claim.line != null) {
                claim.line.controlNumber = ref.get(2);
            }
        }

        private void date(Segment dtp) {
            if (claim == null) {
                return;
            }
            if ("434".equals(dtp.get(1)) && claim.line == null) {
                claim.statementFrom = X12Values.from(dtp.get(3));
                claim.statementTo = X12Values.to(dtp.get(3));
            } else if ("472".equals(dtp.get(1)) && claim.line != null) {
                claim.line.servedFrom = X12Values.from(dtp.get(3));
                claim.line.servedTo = X12Values.to(dtp.get(3));
            }
        }

        private void finishClaim() {
            if (claim != null) {
                claims.add(claim.build());
                claim = null;
            }
        }

        /** Collects one claim while its segments go by. */
        private final class ClaimBuilder {
            private final Segment clm;
            private final boolean institutional;
            private final List<Submission.ServiceLine> lines = new ArrayList<>();
            private LineBuilder line;
            private String originalClaimNumber;
            private LocalDate statementFrom;
            private LocalDate statementTo;
            private String diagnosis;
            private Submission.Spot diagnosisSpot;

            ClaimBuilder(Segment clm, boolean institutional) {
                this.clm = clm;
                this.institutional = institutional;
            }

            void startLine(int number) {
                finishLine();
                line = new LineBuilder(number);
            }

            void professionalLine(Segment sv1, Submission.Spot spot) {
                if (line == null) {
                    startLine(lines.size() + 1);
                }
                line.procedure(sv1.components(1));
                line.charge = X12Values.money(sv1.get(2));
                line.units = units(sv1.get(4));
                line.spot = spot;
            }

            void institutionalLine(Segment sv2, Submission.Spot spot) {
                if (line == null) {
                    startLine(lines.size() + 1);
                }
                line.revenueCode = sv2.get(1);
                line.procedure(sv2.components(2));
                line.charge = X12Values.money(sv2.get(3));
                line.units = units(sv2.get(5));
                line.spot = spot;
            }

            private void finishLine() {
                if (line != null && line.spot != null) {
                    lines.add(line.build());
                }
                line = null;
            }

            Submission.Claim build() {
                finishLine();
                return new Submission.Claim(clm.get(1), X12Values.money(clm.get(2)), institutional, clm.get(5, 1),
                        clm.get(5, 3) == null ? "1" : clm.get(5, 3), payerSequence, filingIndicator, payer,
                        billing, subscriber, patient, originalClaimNumber, statementFrom, statementTo, diagnosis,
                        List.copyOf(lines), memberSpot, subscriberSpot, diagnosisSpot);
            }
        }

        private static BigDecimal units(String value) {
            return value == null ? BigDecimal.ONE : new BigDecimal(value);
        }
    }

    private static final class LineBuilder {
        private final int number;
        private String controlNumber;
        private String qualifier;
        private String procedure;
        private List<String> modifiers = List.of();
        private String revenueCode;
        private BigDecimal charge;
        private BigDecimal units;
        private LocalDate servedFrom;
        private LocalDate servedTo;
        private Submission.Spot spot;

        LineBuilder(int number) {
            this.number = number;
        }

        void procedure(List<String> composite) {
            if (composite.size() >= 2 && !composite.get(1).isEmpty()) {
                qualifier = composite.get(0);
                procedure = composite.get(1);
                modifiers = composite.subList(2, Math.min(6, composite.size())).stream()
                        .filter(m -> !m.isEmpty()).toList();
            }
        }

        Submission.ServiceLine build() {
            return new Submission.ServiceLine(number, controlNumber, qualifier, procedure, modifiers, revenueCode,
                    charge, units, servedFrom, servedTo, spot);
        }
    }
}
