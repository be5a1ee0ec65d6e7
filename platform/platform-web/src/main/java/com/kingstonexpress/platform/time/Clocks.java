package com.kingstonexpress.platform.time;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/**
 * The one source of "now" for application code: inject {@link Clock} instead of calling {@code now()}.
 * It ticks in microseconds because PostgreSQL keeps no more, so a value read back equals the value written.
 * A test replaces it with an {@code @Alternative} producer of a fixed or controllable clock.
 */
public class Clocks {

    @Produces
    @ApplicationScoped
    @DefaultBean
    public Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
