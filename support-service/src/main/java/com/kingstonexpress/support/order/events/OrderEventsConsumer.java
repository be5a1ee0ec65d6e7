package com.kingstonexpress.support.order.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.inbox.InboundEvents;
import com.kingstonexpress.platform.parking.ParkedEvents;
import com.kingstonexpress.support.order.domain.ActorKind;
import com.kingstonexpress.support.order.domain.OrderStatus;
import com.kingstonexpress.support.order.domain.StatusChange;
import com.kingstonexpress.support.order.persistence.OrderProjections;
import com.kingstonexpress.support.ticket.events.EscalationConsumer;
import com.kingstonexpress.support.ticket.application.RecordCorrection;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Keeps the order projection from {@code kx.orders.v1}. Duplicates are skipped by the inbox (event id) and
 * again by the store (a status or flag is only replaced by a higher sequence; a history entry is keyed by
 * its event id), so redelivered, late and out-of-order events all converge on the same projection.
 * Every event that makes an order known releases, in its transaction, the escalations parked for that order.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "support-service.orders";

    @Inject
    InboundEvents inbound;
    @Inject
    OrderProjections projections;
    @Inject
    RecordCorrection corrections;
    @Inject
    ParkedEvents parked;
    @Inject
    Clock clock;

    /**
     * A poll's order events in one transaction (the channel has {@code batch=true}): every status change comes
     * here, and one commit per event bounded how fast support kept up with order-service.
     */
    @Incoming("orders")
    @Blocking
    public CompletionStage<Void> onOrderEvents(KafkaRecordBatch<String, String> records) {
        return inbound.handleBatch(CONSUMER, records, this::lockFacts, this::apply);
    }

    /**
     * The poll's orders, locked in sorted order before any row is: each event then takes its order's lock again
     * (reentrant), and an escalation, which holds one order's lock at a time, never waits on the batch in a cycle.
     * One more statement finds which of them have escalations waiting, so releasing the others costs nothing.
     */
    void lockFacts(List<EventEnvelope> events) {
        parked.lockForRelease(events.stream().filter(e -> OrderEventTypes.PROJECTED.contains(e.type()))
                .map(e -> EscalationConsumer.orderFact(e.subject())).toList());
    }

    void apply(EventEnvelope event) {
        if (!OrderEventTypes.PROJECTED.contains(event.type())) {
            return; // Types this service does not need (tracking, refunds, ...) are not poison: ignore them.
        }
        // Taken before any row lock, as the escalation consumer does: the two never wait on each other in a cycle.
        String fact = EscalationConsumer.orderFact(event.subject());
        parked.lock(fact);
        boolean learned = switch (event.type()) {
            case OrderEventTypes.PLACED -> placed(event, event.dataAs(OrderEventData.Placed.class));
            case OrderEventTypes.STATUS_CHANGED -> statusChanged(event, event.dataAs(OrderEventData.StatusChanged.class));
            case OrderEventTypes.CANCELLED -> cancelled(event, event.dataAs(OrderEventData.Cancelled.class));
            case OrderEventTypes.ATTENTION_RAISED -> attention(event, event.dataAs(OrderEventData.Attention.class), true);
            case OrderEventTypes.ATTENTION_CLEARED -> attention(event, event.dataAs(OrderEventData.Attention.class), false);
            default -> throw new IllegalStateException("unhandled " + event.type());
        };
        if (learned) {
            // Escalations park only while the order has no row here (under this lock), so only the event that creates
            // the row can have any to release: the later events of the order skip the look.
            parked.release(fact);
        }
    }

    /**
     * Each kind returns whether it may have made the order known here ({@link OrderProjections#ensureKnown}). For
     * order.placed that is always: one statement writes it whether the row is new or not, and releasing an order
     * whose row was there already finds nothing (at no cost when the poll found nothing waiting for it).
     */
    private boolean placed(EventEnvelope event, OrderEventData.Placed data) {
        require(event, data.sellerId() != null && data.type() != null && data.status() != null, "sellerId, type and status");
        projections.recordPlaced(event.subject(), data.sellerId(), data.type(),
                data.placedAt() == null ? event.time().toInstant() : data.placedAt(), data.shippingMethod(), data.status(),
                sequence(event), clock.instant());
        return true;
    }

    private boolean statusChanged(EventEnvelope event, OrderEventData.StatusChanged data) {
        require(event, data.sellerId() != null && data.type() != null && data.to() != null && data.actorKind() != null,
                "sellerId, type, to and actorKind");
        Instant now = clock.instant();
        long sequence = sequence(event);
        StatusChange change = new StatusChange(event.id(), sequence, data.from(), data.to(), data.actorKind(), data.actorId(),
                data.reason(), data.changedAt() == null ? event.time().toInstant() : data.changedAt());
        boolean learned = projections.recordStatusChange(event.subject(), data.sellerId(), data.type(), change,
                data.sourceEventId(), now);
        if (data.actorKind() == ActorKind.SUPPORT_AGENT) {
            // The agent corrected the status through order-service's audited endpoint; the ticket records it.
            corrections.record(event.subject(), change);
        }
        return learned;
    }

    private boolean cancelled(EventEnvelope event, OrderEventData.Cancelled data) {
        require(event, data.sellerId() != null, "sellerId");
        Instant now = clock.instant();
        boolean learned = projections.ensureKnown(event.subject(), data.sellerId(), null, now);
        projections.recordStatus(event.subject(), OrderStatus.CANCELLED, sequence(event), now);
        return learned;
    }

    private boolean attention(EventEnvelope event, OrderEventData.Attention data, boolean raised) {
        require(event, data.sellerId() != null && data.flag() != null, "sellerId and flag");
        boolean learned = projections.ensureKnown(event.subject(), data.sellerId(), data.type(), clock.instant());
        projections.recordAttention(event.subject(), data.flag(), raised, data.advice(), sequence(event));
        return learned;
    }

    /** Without the per-order sequence a late event could not be told from a new one. */
    private static long sequence(EventEnvelope event) {
        if (event.sequence() == null) {
            throw new PoisonEventException(event.type() + " has no sequence; order events must carry one");
        }
        return event.sequence();
    }

    /** Present and not null: {@code dataAs} checks presence, this the value. */
    private static void require(EventEnvelope event, boolean present, String fields) {
        if (!present) {
            throw new PoisonEventException(event.type() + " must carry " + fields);
        }
    }
}
