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

    /**
     * The relay producer's {@code transactional.id}: one per service, shared by its instances, so a relay that takes over
     * fences the producers of every relay before it (a Kafka ACL must allow it to write this transactional id).
     */
    @WithDefault("kx-outbox-relay.${quarkus.application.name}")
    String transactionalId();

    /**
     * How long the broker keeps a relay's transaction open before aborting it itself; it only matters when a relay dies
     * mid-batch and no relay of the service starts again (the next one aborts it at once). Until then, consumers of the
     * partitions it wrote to wait.
     */
    @WithDefault("60s")
    Duration transactionTimeout();

    /** Sent outbox rows are kept this long, then pruned. */
    @WithDefault("P7D")
    Duration retention();

    /**
     * Processed inbox ids are kept this long: longer than the event topics keep records (7 days) plus Kafka keeps a
     * group's committed offsets (7 days), so a consumer that starts over from the earliest record it can still read
     * skips every event it applied before (#12 L9).
     */
    @WithDefault("P15D")
    Duration inboxRetention();

    /**
     * Idempotency keys and the answers stored with them are kept this long. Clients retry within minutes, and a
     * stored answer can hold personal data (an order's address and phone, #12 L13), so not for days.
     */
    @WithDefault("P1D")
    Duration idempotencyRetention();

    @WithDefault("10m")
    Duration pruneInterval();
}
