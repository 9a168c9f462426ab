package org.claimbridge.intake;

import java.util.ArrayList;
import java.util.List;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v25.message.ACK;
import ca.uhn.hl7v2.util.Terser;

/**
 * Builds the acknowledgements HL7 asks for, with HAPI: the MSH of each built from the received one (sender and
 * receiver swapped, same version), MSA-2 = MSH-10, and an ERR naming the problem's code and location.
 * Original mode answers AA/AE/AR; enhanced mode answers CA/CE/CR as MSH-15 asks, then AA/AE/AR as MSH-16 asks.
 */
final class AckWriter {

    private final Hl7Reader reader;
    private final AckTemplates templates;

    AckWriter(Hl7Reader reader) {
        this.reader = reader;
        this.templates = new AckTemplates(reader.hapi().getParserConfiguration().getIdGenerator());
    }

    /** The ACK messages to send, in order; may be empty in enhanced mode when the sender asked for none. */
    List<String> acks(Hl7Message message, String text, Hl7Header header, Hl7Problem problem) {
        Message inbound = message != null ? message.hapi() : headerOnly(text, header);
        String msh = message != null && text != null ? Hl7Header.mshSegment(text) : null;
        if (!header.enhancedMode()) {
            return List.of(ack(inbound, msh, header, applicationCode(problem), problem));
        }
        boolean success = problem == null;
        List<String> acks = new ArrayList<>(2);
        if (wanted(header.acceptAckType(), success)) {
            AcknowledgmentCode commit = problem == null || problem.effect() == Hl7Problem.Effect.HOLD
                    ? AcknowledgmentCode.CA
                    : problem.effect() == Hl7Problem.Effect.REJECT ? AcknowledgmentCode.CR : AcknowledgmentCode.CE;
            acks.add(ack(inbound, msh, header, commit, commit == AcknowledgmentCode.CA ? null : problem));
        }
        if (header.applicationAckType() != null && wanted(header.applicationAckType(), success)) {
            acks.add(ack(inbound, msh, header, applicationCode(problem), problem));
        }
        return acks;
    }

    private static boolean wanted(String ackType, boolean success) {
        if (ackType == null || "AL".equals(ackType)) {
            return true;
        }
        return switch (ackType) {
            case "NE" -> false;
            case "ER" -> !success;
            case "SU" -> success;
            default -> true;
        };
    }

    static AcknowledgmentCode applicationCode(Hl7Problem problem) {
        if (problem == null) {
            return AcknowledgmentCode.AA;
        }
        return problem.effect() == Hl7Problem.Effect.REJECT ? AcknowledgmentCode.AR : AcknowledgmentCode.AE;
    }

    /** {@code msh}: the received MSH as parsed into {@code inbound}, when the ACK may come from a template. */
    private String ack(Message inbound, String msh, Hl7Header header, AcknowledgmentCode code, Hl7Problem problem) {
        if (problem == null && inbound != null && msh != null) {
            try {
                return templates.ack(msh, code.name(), () -> ack(inbound, null, header, code, null));
            } catch (java.io.IOException e) {
                // no id for MSH-10 from the generator: HAPI, asking the same generator, will say so below
            }
        }
        HL7Exception error = problem == null ? null : exception(problem);
        try {
            if (inbound != null) {
                return inbound.generateACK(code, error).encode();
            }
            return fromScratch(header, code, error);
        } catch (HL7Exception | java.io.IOException | RuntimeException e) {
            try {
                return fromScratch(header, code, error);
            } catch (HL7Exception | java.io.IOException again) {
                throw new IllegalStateException("could not build an ACK", again);
            }
        }
    }

    private static HL7Exception exception(Hl7Problem problem) {
        HL7Exception e = new HL7Exception(problem.text(), problem.code());
        if (problem.segment() != null) {
            e.setSegmentName(problem.segment());
            e.setSegmentRepetition(problem.sequence());
            if (problem.field() > 0) {
                e.setFieldPosition(problem.field());
            }
        }
        return e;
    }

    /** Just the MSH, parsed in the message's own version where HAPI knows it, to answer in that version. */
    private Message headerOnly(String text, Hl7Header header) {
        if (text == null || !text.startsWith("MSH") || header.version() == null) {
            return null;
        }
        try {
            return reader.hapi().getPipeParser().parse(Hl7Header.mshSegment(text));
        } catch (HL7Exception | RuntimeException e) {
            return null;
        }
    }

    /** For input whose MSH HAPI cannot read at all: a v2.5 ACK carrying what could be read of the header. */
    private String fromScratch(Hl7Header header, AcknowledgmentCode code, HL7Exception error)
            throws HL7Exception, java.io.IOException {
        ACK ack = new ACK();
        ack.setParser(reader.hapi().getPipeParser());
        ack.initQuickstart("ACK", header.triggerEvent(), header.processingId() == null ? "P" : header.processingId());
        Terser terser = new Terser(ack);
        terser.set("MSH-3", "CLAIMBRIDGE");
        setIfPresent(terser, "MSH-3", header.receivingApplication());
        setIfPresent(terser, "MSH-4", header.receivingFacility());
        setIfPresent(terser, "MSH-5", header.sendingApplication());
        setIfPresent(terser, "MSH-6", header.sendingFacility());
        terser.set("MSA-1", code.name());
        setIfPresent(terser, "MSA-2", header.controlId());
        if (error != null) {
            error.populateResponse(ack, code, 0);
        }
        return ack.encode();
    }

    private static void setIfPresent(Terser terser, String path, String value) throws HL7Exception {
        if (value != null) {
            terser.set(path, value);
        }
    }
}
