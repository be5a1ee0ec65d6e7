package com.kingstonexpress.platform.outbox;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A start that fails (its port taken) stops without a {@code ShutdownEvent} but closes the persistence unit while the
 * consumers still run. Every event then fails, and not because of the event: each must be left for redelivery, not
 * dead-lettered. A CI run once lost 58 events to the dead-letter topic that way.
 */
@QuarkusTest
@TestProfile(ConsumerStoppingTest.OwnApplication.class)
class ConsumerStoppingTest extends StoppingConsumers {

    /** An application of its own: this test closes its persistence unit, and no other test may share it afterwards. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    @Inject
    EntityManagerFactory persistenceUnit;

    @Test
    void eventsFailingOnAClosedPersistenceUnitAreLeftForRedeliveryNotDeadLettered() {
        assertFailingRecordsAreLeftAfter(persistenceUnit::close, false);
    }
}
