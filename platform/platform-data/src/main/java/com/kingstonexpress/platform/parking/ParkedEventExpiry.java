package com.kingstonexpress.platform.parking;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs {@link ParkedEvents#expire} every {@code kx.parking.expiry-interval} (unless
 * {@code kx.parking.expiry-enabled=false}, as in tests, which call {@code expire} with a chosen time). Safe on
 * any number of instances: each pass claims its rows with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class ParkedEventExpiry {

    private static final Logger LOG = Logger.getLogger(ParkedEventExpiry.class);

    @Inject
    ParkingConfig config;
    @Inject
    ParkedEvents parked;

    private ScheduledExecutorService timer;

    void onStart(@Observes StartupEvent ignored) {
        if (!config.expiryEnabled()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "kx-parked-event-expiry"));
        long every = config.expiryInterval().toMillis();
        timer.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent ignored) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void runOnce() {
        try {
            while (parked.expire(Instant.now()) == config.expiryBatchSize()) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            LOG.warnf("parked event expiry: %s; next try in %s", e.getMessage(), config.expiryInterval());
        }
    }
}
