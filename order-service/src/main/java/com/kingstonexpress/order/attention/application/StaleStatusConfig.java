package com.kingstonexpress.order.attention.application;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code kx.stale.*}: how long an order may sit in a status before it is flagged STATUS_NOT_UPDATING. */
@ConfigMapping(prefix = "kx.stale")
public interface StaleStatusConfig {

    /** Per status, e.g. {@code kx.stale.thresholds.PROCESSING=48h}; a status without a threshold is never stale. */
    Map<String, Duration> thresholds();

    /** How often the check runs ({@code @Scheduled} reads it); {@code off} disables the schedule (tests run it directly). */
    @WithDefault("15m")
    String checkInterval();

    /** Orders looked at per transaction: a run goes through every candidate in batches of this size. */
    @WithDefault("500")
    int batchSize();
}
