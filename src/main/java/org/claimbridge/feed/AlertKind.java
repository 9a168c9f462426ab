package org.claimbridge.feed;

import org.claimbridge.intake.FeedTraitKind;

/** Why a feed needs a look. */
public enum AlertKind {
    /** No messages in hours the feed normally sends in. */
    QUIET,
    /** A segment id never seen from the sender before. */
    NEW_SEGMENT,
    /** An MSH-12 version never seen from the sender before. */
    NEW_VERSION,
    /** An MSH-18 character set never seen from the sender before. */
    NEW_CHARSET,
    /** A message type and trigger event never seen from the sender before. */
    NEW_TYPE;

    static AlertKind of(FeedTraitKind trait) {
        return switch (trait) {
            case SEGMENT -> NEW_SEGMENT;
            case VERSION -> NEW_VERSION;
            case CHARSET -> NEW_CHARSET;
            case TYPE -> NEW_TYPE;
        };
    }
}
