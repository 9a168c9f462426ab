package org.claimbridge.intake.mllp;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Cuts a byte stream into MLLP frames ({@code 0x0B} content {@code 0x1C 0x0D}) without trusting the sender: bytes
 * outside a frame are counted and skipped, a frame is never held in memory beyond the size limit, and a sender that
 * goes silent, or trickles a frame too slowly, is timed out rather than allowed to hold the connection.
 * <p>
 * A frame ends at {@code 0x1C}, which HL7 content never contains; the {@code 0x0D} that should follow is taken as
 * the rest of the end block when it comes, so a sender that omits it is not left waiting for its ACK.
 */
final class MllpFrameReader {

    static final byte START_BLOCK = 0x0B;
    static final byte END_BLOCK = 0x1C;
    static final byte CARRIAGE_RETURN = 0x0D;

    /** Lets the reader bound each blocking read; on a socket this is {@code setSoTimeout}. */
    interface ReadTimeout {
        void set(int millis) throws IOException;
    }

    /** The connection started no frame within the idle timeout. */
    static final class Silent extends IOException {
        Silent(Duration idle) {
            super("no message within " + idle);
        }
    }

    private static final int EOF = -1;
    private static final int TIMED_OUT = -2;

    private final InputStream in;
    private final ReadTimeout timeout;
    private final int maxBytes;
    private final Duration idleTimeout;
    private final Duration frameTimeout;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private int currentTimeout = -1;
    private boolean justEnded;
    private long skipped;

    MllpFrameReader(InputStream in, ReadTimeout timeout, int maxBytes, Duration idleTimeout, Duration frameTimeout) {
        this.in = in;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.idleTimeout = idleTimeout;
        this.frameTimeout = frameTimeout;
    }

    /**
     * The next frame, or null when the connection closed between frames.
     *
     * @throws Silent when no frame started within the idle timeout; bytes outside a frame do not count as activity
     */
    MllpFrame next() throws IOException {
        long idleDeadline = System.nanoTime() + idleTimeout.toNanos();
        while (true) {
            if (position == limit) {
                int filled = fill(idleDeadline);
                if (filled == EOF) {
                    return null;
                }
                if (filled == TIMED_OUT) {
                    throw new Silent(idleTimeout);
                }
            }
            byte b = buffer[position++];
            if (b == START_BLOCK) {
                justEnded = false;
                return content(System.nanoTime() + frameTimeout.toNanos());
            }
            if (!(b == CARRIAGE_RETURN && justEnded)) {
                skipped++;
            }
            justEnded = false;
        }
    }

    /** Bytes skipped outside frames since the last call. */
    long takeSkipped() {
        long count = skipped;
        skipped = 0;
        return count;
    }

    private MllpFrame content(long deadline) throws IOException {
        byte[] kept = new byte[Math.min(4096, maxBytes)];
        int keptLength = 0;
        long length = 0;
        while (true) {
            if (position == limit) {
                int filled = fill(deadline);
                if (filled < 0) {
                    return new MllpFrame(Arrays.copyOf(kept, keptLength), length,
                            filled == EOF ? MllpFrame.Ending.CLOSED : MllpFrame.Ending.TIMED_OUT);
                }
            }
            int end = position;
            while (end < limit && buffer[end] != END_BLOCK && buffer[end] != START_BLOCK) {
                end++;
            }
            int run = end - position;
            int room = maxBytes - keptLength;
            if (room > 0) {
                int take = Math.min(run, room);
                if (keptLength + take > kept.length) {
                    kept = Arrays.copyOf(kept, Math.min(maxBytes, Math.max(keptLength + take, kept.length * 2)));
                }
                System.arraycopy(buffer, position, kept, keptLength, take);
                keptLength += take;
            }
            length += run;
            position = end;
            if (end < limit) {
                byte marker = buffer[end];
                byte[] content = Arrays.copyOf(kept, keptLength);
                if (marker == START_BLOCK) {
                    // left unread: the next call starts the new frame with it
                    return new MllpFrame(content, length, MllpFrame.Ending.RESTARTED);
                }
                position++;
                justEnded = true;
                return new MllpFrame(content, length,
                        length > maxBytes ? MllpFrame.Ending.TOO_LARGE : MllpFrame.Ending.END_BLOCK);
            }
        }
    }

    private int fill(long deadline) throws IOException {
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return TIMED_OUT;
            }
            int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining / 1_000_000));
            // set only when it moves noticeably (twice per frame): a read may overrun its deadline by 50 ms at most,
            // and one that times out early just goes round again
            if (currentTimeout < 0 || Math.abs(currentTimeout - millis) > 50) {
                timeout.set(millis);
                currentTimeout = millis;
            }
            try {
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    return EOF;
                }
                position = 0;
                limit = n;
                if (n > 0) {
                    return n;
                }
            } catch (SocketTimeoutException e) {
                // loop: the deadline decides
            }
        }
    }
}
