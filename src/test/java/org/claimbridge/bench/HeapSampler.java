package org.claimbridge.bench;

import java.lang.management.ManagementFactory;

/** The most heap in use at any of its looks, every 10 ms until interrupted: the benchmarks' peak heap figure. */
final class HeapSampler extends Thread {

    volatile long peak;

    HeapSampler() {
        super("heap-sampler");
        setDaemon(true);
    }

    @Override
    public void run() {
        var memory = ManagementFactory.getMemoryMXBean();
        while (!isInterrupted()) {
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
