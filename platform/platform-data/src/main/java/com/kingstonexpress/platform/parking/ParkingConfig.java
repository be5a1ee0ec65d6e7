package com.kingstonexpress.platform.parking;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kx.parking")
public interface ParkingConfig {

    /** How long an event waits for the fact it names before it expires into a visible record. */
    @WithDefault("P3D")
    Duration expireAfter();

    /** Whether this instance runs the expiry (every instance may: rows are claimed with SKIP LOCKED). */
    @WithDefault("true")
    boolean expiryEnabled();

    /** How often the expiry runs. */
    @WithDefault("1m")
    Duration expiryInterval();

    /** Events expired per transaction. */
    @WithDefault("200")
    int expiryBatchSize();
}
