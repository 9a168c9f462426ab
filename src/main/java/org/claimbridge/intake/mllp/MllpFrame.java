package org.claimbridge.intake.mllp;

/**
 * What came between a start block and whatever ended it.
 *
 * @param bytes  the frame's content, at most max-message-bytes of it
 * @param length how many content bytes arrived, kept or not
 * @param ending what ended it
 */
record MllpFrame(byte[] bytes, long length, Ending ending) {

    enum Ending {
        /** An end block: a whole message. */
        END_BLOCK,
        /** An end block, but longer than max-message-bytes: only the first bytes were kept. */
        TOO_LARGE,
        /** The sender began a new frame before ending this one. */
        RESTARTED,
        /** The connection closed mid-frame. */
        CLOSED,
        /** No end block within the frame timeout. */
        TIMED_OUT;

        boolean complete() {
            return this == END_BLOCK || this == TOO_LARGE;
        }
    }
}
