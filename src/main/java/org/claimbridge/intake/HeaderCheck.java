package org.claimbridge.intake;

import java.util.Map;
import java.util.Set;

import ca.uhn.hl7v2.ErrorCode;

/**
 * Decides from MSH alone whether claimbridge takes a message: required header fields present (else AE 101),
 * and a message type, event, version and processing id it supports (else AR 200, 201, 203, 202).
 */
final class HeaderCheck {

    /** Version as declared, to the HAPI model version it is read with. */
    private static final Map<String, String> MAPPED_VERSIONS = Map.ofEntries(
            Map.entry("2.3", "2.3"), Map.entry("2.3.1", "2.3.1"), Map.entry("2.4", "2.4"), Map.entry("2.5", "2.5"),
            Map.entry("2.5.1", "2.5.1"), Map.entry("2.6", "2.6"), Map.entry("2.7", "2.7"),
            Map.entry("2.7.1", "2.7.1"), Map.entry("2.8", "2.8"), Map.entry("2.8.1", "2.8"),
            Map.entry("2.8.2", "2.8"));

    private static final Set<String> OLDER_VERSIONS = Set.of("2.1", "2.2");

    /** HL7 table 0076, message types. */
    private static final Set<String> MESSAGE_TYPES = Set.of(
            "ACK", "ADR", "ADT", "BAR", "BPS", "BRP", "BRT", "BTS", "CCF", "CCI", "CCM", "CCQ", "CCU", "CQU", "CRM",
            "CSU", "DFT", "DOC", "DSR", "EAC", "EAN", "EAR", "EHC", "ESR", "ESU", "INR", "INU", "LSR", "LSU", "MDM",
            "MFD", "MFK", "MFN", "MFQ", "MFR", "NMD", "NMQ", "NMR", "OMB", "OMD", "OMG", "OMI", "OML", "OMN", "OMP",
            "OMS", "OPL", "OPR", "OPU", "ORA", "ORB", "ORD", "ORF", "ORG", "ORI", "ORL", "ORM", "ORN", "ORP", "ORR",
            "ORS", "ORU", "OSM", "OSQ", "OSR", "OUL", "PEX", "PGL", "PIN", "PMU", "PPG", "PPP", "PPR", "PPT", "PPV",
            "PRR", "PTR", "QBP", "QCK", "QCN", "QRY", "QSB", "QSX", "QVR", "RAR", "RAS", "RCI", "RCL", "RDE", "RDR",
            "RDS", "RDY", "REF", "RER", "RGR", "RGV", "ROR", "RPA", "RPI", "RPL", "RPR", "RQA", "RQC", "RQI", "RQP",
            "RRA", "RRD", "RRE", "RRG", "RRI", "RSP", "RTB", "SCN", "SDN", "SDR", "SIU", "SLN", "SLR", "SMD", "SQM",
            "SQR", "SRM", "SRR", "SSR", "SSU", "STC", "STI", "SUR", "TBR", "TCR", "TCU", "UDM", "VXQ", "VXR", "VXU",
            "VXX");

    /** Events of the types claimbridge maps (HL7 table 0003); an unknown event of these is AR 201. */
    private static final Map<String, Set<String>> EVENTS = Map.of(
            "ADT", adtEvents(),
            "BAR", Set.of("P01", "P02", "P05", "P06", "P10", "P12"),
            "DFT", Set.of("P03", "P11"));

    private static Set<String> adtEvents() {
        java.util.HashSet<String> events = new java.util.HashSet<>();
        for (int i = 1; i <= 62; i++) {
            events.add(String.format("A%02d", i));
        }
        return Set.copyOf(events);
    }

    private final Set<String> processingIds;

    HeaderCheck(Set<String> processingIds) {
        this.processingIds = processingIds;
    }

    /** The HAPI model version to parse with, for a version that passed {@link #check}. */
    static String parseVersion(String declared) {
        // null for text with no MSH at all, which the reader turns down before it needs a version
        return declared == null ? null : MAPPED_VERSIONS.getOrDefault(declared, declared);
    }

    /** The first reason the header is not acceptable, or null. */
    Hl7Problem check(Hl7Header header) {
        if (header.messageType() == null) {
            return missing(9, "MSH-9 message type is empty");
        }
        if (header.controlId() == null) {
            return missing(10, "MSH-10 message control id is empty");
        }
        if (header.version() == null) {
            return missing(12, "MSH-12 version id is empty");
        }
        if (!MESSAGE_TYPES.contains(header.messageType())) {
            return Hl7Problem.reject(ErrorCode.UNSUPPORTED_MESSAGE_TYPE, 9,
                    "message type '" + header.messageType() + "' is not an HL7 v2 message type");
        }
        Set<String> events = EVENTS.get(header.messageType());
        if (events != null && (header.triggerEvent() == null || !events.contains(header.triggerEvent()))) {
            return Hl7Problem.reject(ErrorCode.UNSUPPORTED_EVENT_CODE, 9, "event '" + header.triggerEvent()
                    + "' is not a " + header.messageType() + " event");
        }
        if (OLDER_VERSIONS.contains(header.version())) {
            return Hl7Problem.reject(ErrorCode.UNSUPPORTED_VERSION_ID, 12, "version " + header.version()
                    + " is stored but not mapped: claimbridge maps versions 2.3 to 2.8");
        }
        if (!MAPPED_VERSIONS.containsKey(header.version())) {
            return Hl7Problem.reject(ErrorCode.UNSUPPORTED_VERSION_ID, 12, "version '" + header.version()
                    + "' is not supported: claimbridge maps versions 2.3 to 2.8");
        }
        String processing = header.processingId() == null ? null : header.processingId().substring(0, 1);
        if (processing == null || !processingIds.contains(processing)) {
            return Hl7Problem.reject(ErrorCode.UNSUPPORTED_PROCESSING_ID, 11, "processing id '"
                    + header.processingId() + "' is not accepted here (accepted: " + String.join(", ", processingIds)
                    + ")");
        }
        return null;
    }

    private static Hl7Problem missing(int field, String text) {
        return new Hl7Problem(Hl7Problem.Effect.ERROR, ErrorCode.REQUIRED_FIELD_MISSING, "MSH", 1, field, text);
    }
}
