package org.claimbridge.demo.payer;

import java.nio.file.Path;

import org.claimbridge.system.ClaimbridgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * For the demo run only ({@code claimbridge.payer-simulator.enabled}): looks at the 837 outbox every poll interval
 * and answers each new file into the X12 inbox, so that a demo shows claims acknowledged, rejected, paid and
 * denied without a clearinghouse. It keeps its memory in {@code ${claimbridge.data-dir}/payer-simulator}.
 */
@Component
@ConditionalOnBooleanProperty("claimbridge.payer-simulator.enabled")
class PayerSimulatorPoller implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PayerSimulatorPoller.class);

    private final PayerSimulator simulator;
    private final PayerSimulatorProperties properties;
    private final Path outbox;
    private final Path inbox;

    PayerSimulatorPoller(ClaimbridgeProperties claimbridge, PayerSimulatorProperties properties) {
        this.simulator = new PayerSimulator(properties, claimbridge.dataDir().resolve("payer-simulator"));
        this.properties = properties;
        this.outbox = claimbridge.outbox("837");
        this.inbox = claimbridge.inbox("x12");
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        log.warn("Payer simulator on (demo only): answering the 837s in {} into {} every {}, seed {}",
                outbox.toAbsolutePath(), inbox.toAbsolutePath(), properties.pollInterval(), properties.seed());
        registrar.addFixedDelayTask(this::poll, properties.pollInterval());
    }

    void poll() {
        try {
            simulator.simulate(outbox, inbox);
        } catch (RuntimeException e) {
            // the next look tries again: answers are only remembered once all of them are written
            log.error("Payer simulator: answering the 837 outbox failed", e);
        }
    }
}
