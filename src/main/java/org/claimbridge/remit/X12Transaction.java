package org.claimbridge.remit;

import java.util.List;

/**
 * One transaction set of a received file, with the envelope it came in.
 *
 * @param senderId ISA06, trimmed
 * @param version  GS08 (e.g. 005010X221A1)
 * @param errors   structure problems StAEDI's checks found (counts, the guide's schema): the set is not applied
 * @param warnings problems with single values: the set is applied and they are kept with it
 */
record X12Transaction(String senderId, String isaControl, String gsControl, String version, String type,
                      String stControl, List<X12Segment> segments, List<String> errors, List<String> warnings) {
}
