package org.claimbridge.intake;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import ca.uhn.hl7v2.util.idgenerator.IDGenerator;

/**
 * The ACK for a message taken without a problem, built by HAPI once per header shape and then reused: HAPI's
 * generateACK formats MSH-7 through a calendar and String.format, about a fifth of a connection thread's CPU, and
 * every sender waits for it. A shape is the received MSH with its MSH-7 and MSH-10 left out, plus the code: HAPI's
 * ACK depends on nothing else. Later messages of the shape get HAPI's text with their own MSH-7 (now), MSH-10 (from
 * the same id generator HAPI uses) and MSA-2 (their MSH-10, as received).
 */
final class AckTemplates {

    /** Past this many shapes (a feed that varies its MSH every time) the memory starts over. */
    private static final int MAX_SHAPES = 1_000;

    /** What HAPI writes in MSH-7 (CommonTS): local time to the millisecond, with its offset. */
    private static final DateTimeFormatter MSH_7 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSZ");

    private final IDGenerator ids;
    private final Map<String, Optional<Template>> shapes = new ConcurrentHashMap<>();

    AckTemplates(IDGenerator ids) {
        this.ids = ids;
    }

    /**
     * The ACK to {@code inboundMsh} (the received MSH segment) with this code; {@code hapi} builds it when this
     * shape has no template yet, or cannot have one.
     */
    String ack(String inboundMsh, String code, Supplier<String> hapi) throws java.io.IOException {
        Shape shape = Shape.of(inboundMsh, code);
        if (shape == null) {
            return hapi.get();
        }
        Optional<Template> known = shapes.get(shape.key());
        if (known != null) {
            return known.isPresent()
                    ? known.get().fill(ZonedDateTime.now().format(MSH_7), ids.getID(), shape.controlId())
                    : hapi.get();
        }
        String built = hapi.get();
        if (shapes.size() >= MAX_SHAPES) {
            shapes.clear();
        }
        shapes.put(shape.key(), Template.of(built, shape.controlId()));
        return built;
    }

    /** A received MSH as a template key; null when its MSH-10 holds anything HAPI would encode differently. */
    record Shape(String key, String controlId) {

        static Shape of(String msh, String code) {
            if (msh == null || msh.length() < 8 || !msh.startsWith("MSH")) {
                return null;
            }
            char separator = msh.charAt(3);
            int encodingEnd = msh.indexOf(separator, 4);
            if (encodingEnd < 0) {
                return null;
            }
            String encoding = msh.substring(4, encodingEnd);
            int[] field = Hl7Header.mshFieldBounds(msh, 10);
            int[] time = Hl7Header.mshFieldBounds(msh, 7);
            if (field == null || time == null) {
                return null;
            }
            String controlId = msh.substring(field[0], field[1]);
            if (controlId.isEmpty()) {
                return null;
            }
            for (int i = 0; i < controlId.length(); i++) {
                char c = controlId.charAt(i);
                if (encoding.indexOf(c) >= 0 || c < ' ') {
                    return null;
                }
            }
            String key = code + separator + msh.substring(0, time[0]) + msh.substring(time[1], field[0])
                    + msh.substring(field[1]);
            return new Shape(key, controlId);
        }
    }

    /** HAPI's ACK cut around MSH-7, MSH-10 and MSA-2. */
    record Template(String beforeTime, String beforeId, String beforeControlId, String rest) {

        String fill(String time, String id, String controlId) {
            return beforeTime + time + beforeId + id + beforeControlId + controlId + rest;
        }

        /** Empty when the ACK is not laid out as expected: its shape is then always built by HAPI. */
        static Optional<Template> of(String ack, String controlId) {
            if (ack == null || !ack.startsWith("MSH") || ack.length() < 8) {
                return Optional.empty();
            }
            char separator = ack.charAt(3);
            int mshEnd = ack.indexOf('\r');
            if (mshEnd < 0) {
                return Optional.empty();
            }
            String msh = ack.substring(0, mshEnd);
            int[] time = Hl7Header.mshFieldBounds(msh, 7);
            int[] id = Hl7Header.mshFieldBounds(msh, 10);
            int msa = ack.indexOf("\rMSA" + separator, mshEnd);
            if (time == null || id == null || msa < 0) {
                return Optional.empty();
            }
            int msa2 = ack.indexOf(separator, msa + 5);
            if (msa2 < 0) {
                return Optional.empty();
            }
            int msa2End = msa2 + 1;
            while (msa2End < ack.length() && ack.charAt(msa2End) != separator && ack.charAt(msa2End) != '\r') {
                msa2End++;
            }
            if (!ack.substring(msa2 + 1, msa2End).equals(controlId)) {
                return Optional.empty();
            }
            return Optional.of(new Template(ack.substring(0, time[0]), ack.substring(time[1], id[0]),
                    ack.substring(id[1], msa2 + 1), ack.substring(msa2End)));
        }
    }
}
