package com.kingstonexpress.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kx.outbox")
public interface OutboxConfig {

    /** Whether this instance runs the relay (all instances may; one publishes at a time). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for unsent rows when nothing woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Rows published per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long a send may take before the batch is retried later. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** Sent outbox rows, processed inbox ids and idempotency keys are kept this long, then pruned. */
    @WithDefault("P7D")
    Duration retention();

    @WithDefault("10m")
    Duration pruneInterval();
}
