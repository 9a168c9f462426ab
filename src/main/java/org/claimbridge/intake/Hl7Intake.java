package org.claimbridge.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.springframework.stereotype.Service;

/**
 * The one way in for HL7 v2, whatever carried it (MLLP, a dropped file, HTTP): read the bytes, decide what the
 * message is and what is wrong with it, commit it, and only then hand back the ACK to send.
 */
@Service
public class Hl7Intake {

    private final Hl7Decoding decoding;
    private final Hl7Reader reader;
    private final HeaderCheck headerCheck;
    private final AckWriter ackWriter;
    private final List<MessageInspector> inspectors;
    private final MessageJournal journal;

    Hl7Intake(IntakeProperties properties, List<MessageInspector> inspectors, MessageJournal journal) {
        this.decoding = new Hl7Decoding(properties.undeclaredCharset());
        this.reader = new Hl7Reader(new AckControlIds());
        this.headerCheck = new HeaderCheck(properties.processingIds());
        this.ackWriter = new AckWriter(reader);
        this.inspectors = List.copyOf(inspectors);
        this.journal = journal;
    }

    /** Receives one message and waits until it is committed. */
    public Receipt receive(Arrival arrival) {
        try {
            return submit(arrival).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the message was committed", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the message could not be stored: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** Receives one message; the future completes once it is committed, with the ACK to send. */
    public CompletableFuture<Receipt> submit(Arrival arrival) {
        return journal.append(assess(arrival));
    }

    /**
     * Keeps bytes that cannot be taken as a message at all, such as a frame over the size limit or one cut off before
     * its end, with the reason, so that nothing that arrived is lost. They are not parsed; the sender and control id
     * are read from MSH only when the whole MSH segment arrived, since a cut one would name the wrong message.
     *
     * @param reason     why: its effect decides the status (REJECT: REJECTED, ERROR: ERROR) and the ACK code
     * @param answerable whether the sender can still be sent an ACK (not for a frame cut off): if not, none is built,
     *                   so that none is recorded as sent
     * @return completes once committed, with the ACK to send, if any
     */
    public CompletableFuture<Receipt> refuse(Arrival arrival, Hl7Problem reason, boolean answerable) {
        return journal.append(refusal(arrival, reason, answerable));
    }

    NewMessage refusal(Arrival arrival, Hl7Problem reason, boolean answerable) {
        byte[] bytes = arrival.bytes();
        Hl7Decoding.Decoded decoded = decoding.decode(bytes);
        String text = decoded.text() != null ? decoded.text()
                : Hl7Decoding.normaliseSegmentEndings(new String(bytes, StandardCharsets.ISO_8859_1));
        Hl7Header header = wholeFirstSegment(bytes) ? Hl7Header.of(text) : Hl7Header.NONE;
        MessageStatus status = reason.effect().status();
        List<String> acks = answerable ? ackWriter.acks(null, text, header, reason) : List.of();
        return new NewMessage(arrival, header, text, decoded.charset() == null ? null : decoded.charset().name(),
                NewMessage.sha256(text.getBytes(StandardCharsets.UTF_8)), status, acks,
                MessageJournal.ackCode(acks.isEmpty() ? null : acks.get(acks.size() - 1)), List.of(reason),
                () -> acks);
    }

    private static boolean wholeFirstSegment(byte[] bytes) {
        boolean content = false;
        for (byte b : bytes) {
            if (b == '\r' || b == '\n') {
                if (content) {
                    return true;
                }
            } else if (b != ' ' && b != '\t') {
                content = true;
            }
        }
        return false;
    }

    /**
     * Parses a message that is already stored, with the same reading intake gave it on arrival, for features that
     * map its contents.
     */
    public Hl7Message parse(String text) {
        Hl7Header header = Hl7Header.ofMsh(text);
        String version = header.version() == null ? "2.5" : header.version();
        Hl7Reader.Read read = reader.read(text, HeaderCheck.parseVersion(version), version);
        if (read.problem() != null) {
            throw new IllegalArgumentException(read.problem().text());
        }
        return read.message();
    }

    NewMessage assess(Arrival arrival) {
        Hl7Decoding.Decoded decoded = decoding.decode(arrival.bytes());
        String text = decoded.text();
        String readable = text != null ? text
                : Hl7Decoding.normaliseSegmentEndings(new String(arrival.bytes(), StandardCharsets.ISO_8859_1));
        // the ids from PID and PV1 come from the parsed message; only a message that does not parse has them
        // pre-parsed, below
        Hl7Header header = Hl7Header.ofMsh(readable);
        List<Hl7Problem> problems = new ArrayList<>();
        Hl7Message message = null;
        boolean applicable = false;
        if (decoded.problem() != null) {
            problems.add(decoded.problem());
        } else {
            Hl7Problem headerProblem = header == Hl7Header.NONE && text.startsWith("MSH")
                    ? new Hl7Problem(Hl7Problem.Effect.ERROR, ca.uhn.hl7v2.ErrorCode.SEGMENT_SEQUENCE_ERROR, "MSH", 1,
                    2, "MSH could not be read: check the field separator and MSH-2 encoding characters")
                    : headerCheck.check(header);
            if (headerProblem != null && text.startsWith("MSH")) {
                problems.add(headerProblem);
            } else {
                Hl7Reader.Read read = reader.read(text, HeaderCheck.parseVersion(header.version()), header.version());
                if (read.problem() != null) {
                    problems.add(read.problem());
                } else {
                    message = read.message();
                    header = header.withIdsFrom(message);
                    for (MessageInspector inspector : inspectors) {
                        if (inspector.maps(header.messageType(), header.triggerEvent())) {
                            applicable = true;
                            problems.addAll(inspector.inspect(message));
                        }
                    }
                }
            }
        }
        if (message == null) {
            header = Hl7Header.of(readable);
        }
        Hl7Problem worst = worst(problems);
        MessageStatus status = worst != null ? worst.effect().status()
                : applicable ? MessageStatus.RECEIVED : MessageStatus.NOT_APPLICABLE;
        Hl7Message parsed = message;
        Hl7Header known = header;
        List<String> acks = ackWriter.acks(parsed, text, known, worst);
        return new NewMessage(arrival, header, text, decoded.charset() == null ? null : decoded.charset().name(),
                NewMessage.sha256(text != null ? text.getBytes(StandardCharsets.UTF_8) : arrival.bytes()), status, acks,
                MessageJournal.ackCode(acks.isEmpty() ? null : acks.get(acks.size() - 1)), problems,
                () -> ackWriter.acks(parsed, text, known, conflict(known)));
    }

    private static Hl7Problem conflict(Hl7Header header) {
        return new Hl7Problem(Hl7Problem.Effect.ERROR, ca.uhn.hl7v2.ErrorCode.DUPLICATE_KEY_IDENTIFIER, "MSH", 1, 10,
                "control id " + header.controlId() + " was already used for a different message from this sender:"
                        + " held as a conflict, not applied");
    }

    /** Rejections outrank errors, errors outrank holds: the sender hears the most serious. */
    private static Hl7Problem worst(List<Hl7Problem> problems) {
        Hl7Problem worst = null;
        for (Hl7Problem problem : problems) {
            if (worst == null || problem.effect().ordinal() < worst.effect().ordinal()) {
                worst = problem;
            }
        }
        return worst;
    }
}
