package org.claimbridge.intake;

/** What a sender's messages are made of, as feed health watches it change. */
public enum FeedTraitKind {
    /** A segment id (PID, FT1, ZPI...). */
    SEGMENT,
    /** MSH-12. */
    VERSION,
    /** MSH-18 as declared; empty when none is. */
    CHARSET,
    /** MSH-9.1^MSH-9.2. */
    TYPE
}
