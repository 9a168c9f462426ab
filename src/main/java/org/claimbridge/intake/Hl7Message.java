package org.claimbridge.intake;

import java.util.List;
import java.util.Optional;

import ca.uhn.hl7v2.model.Message;

/**
 * A received message, parsed: its header values and every segment in the order it arrived. Features map from the
 * segments by name, never from HAPI's group structure, which silently sets aside segments that arrive out of the
 * standard's order.
 */
public final class Hl7Message {

    private final String text;
    private final Message hapi;
    private final List<Hl7Segment> segments;

    Hl7Message(String text, Message hapi, List<Hl7Segment> segments) {
        this.text = text;
        this.hapi = hapi;
        this.segments = List.copyOf(segments);
    }

    /** The decoded text, segments separated by {@code \r}. */
    public String text() {
        return text;
    }

    Message hapi() {
        return hapi;
    }

    public List<Hl7Segment> segments() {
        return segments;
    }

    public List<Hl7Segment> segments(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).toList();
    }

    public Optional<Hl7Segment> first(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Hl7Segment msh() {
        return segments.get(0);
    }

    public String sendingApplication() {
        return msh().get(3);
    }

    public String sendingFacility() {
        return msh().get(4);
    }

    public String messageType() {
        return msh().get(9, 1);
    }

    public String triggerEvent() {
        return msh().get(9, 2);
    }

    public String controlId() {
        return msh().get(10);
    }

    public String processingId() {
        return msh().get(11);
    }

    public String version() {
        return msh().get(12);
    }
}
