package com.kingstonexpress.platform.inbox;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import org.hibernate.StaleStateException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.web.RequestIds;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one way services consume events: parse the CloudEvent, skip it if this consumer already applied
 * it, otherwise apply it and record its id in one transaction. Call it from a {@code @Blocking}
 * {@code @Incoming} method whose channel uses {@code failure-strategy=dead-letter-queue}: the record is
 * acknowledged only after the transaction committed, and a {@link PoisonEventException} (or any error
 * that survives the retries) sends the record to the dead-letter topic with the reason instead of
 * stalling the partition.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);
    private static final int ATTEMPTS = 5;

    @Inject
    ObjectMapper json;
    @Inject
    Inbox inbox;

    /**
     * @param consumer a stable name for this consumer (e.g. {@code order-service.fulfillment-status});
     *                 deduplication is per consumer
     * @param record   the Kafka record value
     * @param apply    the effect; runs inside the transaction
     * @return true if applied, false if it was a duplicate
     */
    public boolean handle(String consumer, String record, Consumer<EventEnvelope> apply) {
        EventEnvelope event = parse(consumer, record);
        String previousRequestId = RequestIds.current();
        String previousTraceparent = RequestIds.currentTraceparent();
        RequestIds.set(event.requestid());
        RequestIds.setTraceparent(event.traceparent());
        try {
            for (int attempt = 1;; attempt++) {
                try {
                    return QuarkusTransaction.requiringNew().call(() -> {
                        if (!inbox.firstDelivery(consumer, event.id())) {
                            LOG.debugf("%s: event %s already applied, skipping", consumer, event.id());
                            return false;
                        }
                        apply.accept(event);
                        return true;
                    });
                } catch (RuntimeException e) {
                    if (attempt >= ATTEMPTS || !isConcurrencyConflict(e)) {
                        throw rejected(consumer, event, e);
                    }
                    LOG.debugf("%s: concurrent update while applying %s, attempt %d", consumer, event.id(), attempt);
                }
            }
        } finally {
            RequestIds.set(previousRequestId);
            RequestIds.setTraceparent(previousTraceparent);
        }
    }

    private EventEnvelope parse(String consumer, String record) {
        if (record == null) {
            throw new PoisonEventException(consumer + ": empty record");
        }
        try {
            EventEnvelope event = json.readValue(record, EventEnvelope.class);
            event.requireWellFormed();
            return event;
        } catch (JsonProcessingException e) {
            throw new PoisonEventException(consumer + ": not a CloudEvents JSON record (" + e.getOriginalMessage() + ")");
        } catch (PoisonEventException e) {
            throw new PoisonEventException(consumer + ": " + e.getMessage());
        }
    }

    private static RuntimeException rejected(String consumer, EventEnvelope event, RuntimeException e) {
        if (e instanceof PoisonEventException) {
            LOG.warnf("%s: event %s (%s) rejected: %s", consumer, event.id(), event.type(), e.getMessage());
            // The dead-letter reason names the consumer, so an operator knows whose rule refused it.
            return new PoisonEventException(consumer + ": " + e.getMessage(), e);
        }
        LOG.errorf(e, "%s: event %s (%s) failed", consumer, event.id(), event.type());
        return new PoisonEventException(consumer + ": event " + event.id() + " failed: " + e.getClass().getSimpleName(), e);
    }

    private static boolean isConcurrencyConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException
                    || t instanceof PessimisticLockException || t instanceof LockAcquisitionException) {
                return true;
            }
        }
        return false;
    }
}
