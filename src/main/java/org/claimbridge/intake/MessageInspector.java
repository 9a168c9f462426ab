package org.claimbridge.intake;

import java.util.List;

/**
 * Lets a downstream feature look at a parsed message before it is acknowledged, without intake knowing that feature:
 * the billing view says which messages it maps and what in them it cannot use.
 */
public interface MessageInspector {

    /** Whether this feature maps messages of this type and event at all. */
    boolean maps(String messageType, String triggerEvent);

    /** What is wrong with a message this feature maps; empty when it can be applied as it is. */
    List<Hl7Problem> inspect(Hl7Message message);
}
