package org.claimbridge.intake;

import java.util.concurrent.atomic.AtomicLong;

import ca.uhn.hl7v2.util.idgenerator.IDGenerator;

/**
 * Control ids for the ACKs claimbridge sends: unique across restarts without a file in the working directory (HAPI's
 * default), and at most 20 characters, which is all MSH-10 holds before v2.7.
 */
final class AckControlIds implements IDGenerator {

    // microseconds since the epoch at start-up, then one up per ACK: never behind an earlier run unless more than a
    // million ACKs a second were sent
    private final AtomicLong next = new AtomicLong(System.currentTimeMillis() * 1000);

    @Override
    public String getID() {
        return "CB" + next.incrementAndGet();
    }
}
