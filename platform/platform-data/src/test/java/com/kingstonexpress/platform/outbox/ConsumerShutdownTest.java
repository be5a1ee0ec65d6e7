package com.kingstonexpress.platform.outbox;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An application that shuts down as usual: once its {@code ShutdownEvent} has been observed, a record that fails (here a
 * refused one) is left for the next consumer at once. Before, the consumer's thread waited until it was interrupted and
 * a single-record consumer then refused the record, which dead-lettered it.
 */
@QuarkusTest
@TestProfile(ConsumerShutdownTest.OwnApplication.class)
class ConsumerShutdownTest extends StoppingConsumers {

    /** An application of its own: this test announces its shutdown, and no other test may share it afterwards. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    @Inject
    Event<ShutdownEvent> shutdown;

    @Test
    void recordsFailingAfterTheShutdownEventAreLeftForRedeliveryNotDeadLettered() {
        assertFailingRecordsAreLeftAfter(() -> shutdown.fire(new ShutdownEvent()), true);
    }
}
