package org.claimbridge.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.idgenerator.IDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * Parses decoded text with HAPI, leniently and into a flat list of segments in arrival order (HAPI's generic model),
 * then checks that every raw segment came through: a message that would lose data is never handed on.
 */
final class Hl7Reader {

    /** Either a message or the reason there is none. */
    record Read(Hl7Message message, Hl7Problem problem) {
    }

    private final HapiContext hapi;
    private final ThreadLocal<PipeParser> parsers;

    Hl7Reader(IDGenerator ackControlIds) {
        hapi = new DefaultHapiContext();
        hapi.setValidationContext(ValidationContextFactory.noValidation());
        hapi.setModelClassFactory(new GenericModelClassFactory());
        // HAPI's default generator writes a control-id file into the working directory
        hapi.getParserConfiguration().setIdGenerator(ackControlIds);
        hapi.getParserConfiguration().setAllowUnknownVersions(true);
        parsers = ThreadLocal.withInitial(hapi::getPipeParser);
    }

    HapiContext hapi() {
        return hapi;
    }

    /** Parses text whose header has passed {@link HeaderCheck}; {@code parseVersion} is the version HAPI knows it by. */
    Read read(String text, String parseVersion, String declaredVersion) {
        if (!text.startsWith("MSH")) {
            String start = text.length() > 20 ? text.substring(0, 20) + "..." : text;
            return new Read(null, new Hl7Problem(Hl7Problem.Effect.ERROR, ErrorCode.SEGMENT_SEQUENCE_ERROR, null, 0, 0,
                    "message must start with an MSH segment, found '" + start.replace('\r', ' ') + "'"));
        }
        Message parsed;
        try {
            parsed = parsers.get().parse(parseVersion.equals(declaredVersion) ? text
                    : withVersion(text, declaredVersion, parseVersion));
        } catch (HL7Exception e) {
            return new Read(null, problemFrom(e));
        } catch (RuntimeException e) {
            return new Read(null, new Hl7Problem(Hl7Problem.Effect.ERROR, ErrorCode.DATA_TYPE_ERROR, "MSH", 1, 0,
                    "unparseable: " + e.getMessage()));
        }
        List<Hl7Segment> segments = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        try {
            for (String name : parsed.getNames()) {
                for (Structure structure : parsed.getAll(name)) {
                    if (structure instanceof Segment segment) {
                        segments.add(new Hl7Segment(segment, occurrences.merge(segment.getName(), 1, Integer::sum)));
                    }
                }
            }
        } catch (HL7Exception e) {
            return new Read(null, problemFrom(e));
        }
        int raw = rawSegmentCount(text);
        if (segments.size() != raw) {
            return new Read(null, Hl7Problem.hold(raw + " segments in the raw message, " + segments.size()
                    + " came through parsing: held rather than lose data"));
        }
        // the generic model names a segment id's later runs FT12, FT13...: in getNames() order they are as received
        return new Read(new Hl7Message(text, parsed, segments), null);
    }

    /** HAPI knows no 2.8.1 or 2.8.2; they are read with 2.8's model, and stored as they came. */
    private static String withVersion(String text, String declared, String known) {
        int mshEnd = text.indexOf('\r');
        String msh = mshEnd < 0 ? text : text.substring(0, mshEnd);
        char separator = msh.charAt(3);
        String[] fields = msh.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        if (fields.length > 11 && fields[11].startsWith(declared)) {
            fields[11] = known + fields[11].substring(declared.length());
        }
        return String.join(String.valueOf(separator), fields) + (mshEnd < 0 ? "" : text.substring(mshEnd));
    }

    private static int rawSegmentCount(String text) {
        int count = 0;
        for (String line : text.split("\r")) {
            if (!line.isBlank()) {
                count++;
            }
        }
        return count;
    }

    private static Hl7Problem problemFrom(HL7Exception e) {
        Location location = e.getLocation();
        ErrorCode code = e.getError() == null || e.getError() == ErrorCode.MESSAGE_ACCEPTED
                ? ErrorCode.APPLICATION_INTERNAL_ERROR : e.getError();
        String segment = location == null || location.getSegmentName() == null ? "MSH" : location.getSegmentName();
        int sequence = location == null ? 1 : Math.max(1, location.getSegmentRepetition());
        int field = location == null ? 0 : Math.max(0, location.getField());
        return new Hl7Problem(Hl7Problem.Effect.ERROR, code, segment, sequence, field,
                "unparseable: " + e.getMessageWithoutLocation());
    }
}
