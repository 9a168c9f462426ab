package org.claimbridge.remit;

import java.util.Map;

import io.xlate.edi.schema.Schema;
import org.claimbridge.system.X12Schemas;

/**
 * The StAEDI schemas received transaction sets are checked against, by transaction and guide: 999 (005010X231A1),
 * 277CA (005010X214), 835 (005010X221A1). Loaded once; a schema is immutable and shared by every reader.
 */
final class ResponseSchemas {

    private static final Map<String, Schema> BY_GUIDE = Map.of(
            "999|005010X231A1", X12Schemas.load("005010X231A1"),
            "277|005010X214", X12Schemas.load("005010X214"),
            "835|005010X221A1", X12Schemas.load("005010X221A1"));

    private ResponseSchemas() {
    }

    /** The schema for ST01 and the guide (ST03, else GS08); null when claimbridge has none. */
    static Schema of(String transaction, String guide) {
        return BY_GUIDE.get(transaction + "|" + guide);
    }
}
