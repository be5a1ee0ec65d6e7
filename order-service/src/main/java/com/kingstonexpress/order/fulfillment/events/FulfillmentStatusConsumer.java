package com.kingstonexpress.order.fulfillment.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.kingstonexpress.order.fulfillment.domain.FulfillmentEventType;
import com.kingstonexpress.order.fulfillment.domain.FulfillmentProgress;
import com.kingstonexpress.order.fulfillment.domain.Progress;
import com.kingstonexpress.order.fulfillment.domain.ReportSource;
import com.kingstonexpress.order.fulfillment.domain.ShipmentFacts;
import com.kingstonexpress.order.fulfillment.domain.StatusReport;
import com.kingstonexpress.order.orders.application.OrderLifecycle;
import com.kingstonexpress.order.orders.domain.Actor;
import com.kingstonexpress.order.orders.domain.ActorKind;
import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.Cause;
import com.kingstonexpress.order.orders.domain.Condition;
import com.kingstonexpress.order.orders.domain.EvidenceKind;
import com.kingstonexpress.order.orders.persistence.DeliveryEvidence;
import com.kingstonexpress.order.orders.persistence.OrderEntity;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.inbox.InboundEvents;
import com.kingstonexpress.platform.outbox.Outbox;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Applies fulfillment-service's normalized reports ({@code kx.fulfillment.status.v1}) to orders: statuses move
 * forward only, duplicates are skipped by the inbox, and reports that cannot change anything add no history.
 */
@ApplicationScoped
public class FulfillmentStatusConsumer {

    public static final String STATUS_REPORTED = "com.kingstonexpress.fulfillment.status-reported.v1";
    private static final Logger LOG = Logger.getLogger(FulfillmentStatusConsumer.class);

    private final FulfillmentProgress progress = new FulfillmentProgress();

    @Inject
    InboundEvents inbound;
    @Inject
    OrderLifecycle lifecycle;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /** {@code status-reported.v1}, as far as order-service reads it. */
    public record StatusReported(String orderId, @JsonProperty(required = true) ReportSource source,
            @JsonProperty(required = true) String sourceId, @JsonProperty(required = true) String sourceEventId,
            @JsonProperty(required = true) FulfillmentEventType eventType, boolean late, String carrier, String trackingNumber,
            String proof) {

        public StatusReported {
            if (blank(sourceId) || blank(sourceEventId)) {
                throw new IllegalArgumentException("sourceId and sourceEventId must not be blank");
            }
            carrier = blank(carrier) ? null : carrier;
            trackingNumber = blank(trackingNumber) ? null : trackingNumber;
            proof = blank(proof) ? null : proof;
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        /** The order it reports on: its {@code orderId}, or else the event's subject. */
        String orderIdOr(String subject) {
            return blank(orderId) ? subject : orderId;
        }

        StatusReport report() {
            return new StatusReport(source, sourceId, sourceEventId, eventType, late, carrier, trackingNumber, proof);
        }
    }

    /** A poll's reports in one transaction (the channel has {@code batch=true}): one commit per poll, not per report. */
    @Incoming("fulfillment-status")
    @Blocking
    public CompletionStage<Void> onStatusReports(KafkaRecordBatch<String, String> records) {
        return inbound.handleBatch("order-service.fulfillment-status", records, this::loadOrders, this::apply);
    }

    /**
     * The poll's orders in one query: each report then finds its order (and, batch-fetched, its flags) loaded; and their
     * event numbers reserved in one more, so that the events the poll announces are written together at its commit
     * instead of one round trip each. A report that cannot be read fails this, and the poll is applied one report at a
     * time, where that one is refused.
     */
    void loadOrders(List<EventEnvelope> events) {
        List<String> orderIds = events.stream().filter(e -> STATUS_REPORTED.equals(e.type()))
                .map(e -> e.dataAs(StatusReported.class).orderIdOr(e.subject())).filter(id -> id != null && !id.isBlank())
                .distinct().toList();
        if (!orderIds.isEmpty()) {
            OrderEntity.withIds(orderIds);
            outbox.reserve(orderIds);
        }
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case STATUS_REPORTED -> applyReport(event, event.dataAs(StatusReported.class));
            default -> LOG.debugf("ignoring event type %s", event.type());
        }
    }

    private void applyReport(EventEnvelope event, StatusReported reported) {
        String orderId = reported.orderIdOr(event.subject());
        StatusReport report = reported.report();
        OrderEntity order = OrderEntity.findById(orderId);
        if (order == null) {
            // Orders are placed by this service before any center can know them: a report for an unknown id is wrong data.
            throw new PoisonEventException("unknown order " + orderId);
        }
        Progress outcome = progress.apply(new ShipmentFacts(order.type, order.status, order.fulfillmentCenterId,
                order.trackingNumber), report);
        if (outcome.isIgnored()) {
            LOG.infof("report %s (%s from %s %s) ignored for order %s: %s", report.sourceEventId(), report.eventType(),
                    report.source(), report.sourceId(), orderId, outcome.ignoredBecause());
            return;
        }
        if (outcome.recordTracking()) {
            lifecycle.setTracking(order, report.carrier(), report.trackingNumber());
        }
        if (outcome.deliveryEvidence() && !order.hasEvidence(EvidenceKind.CARRIER_EVENT)) {
            Instant now = clock.instant();
            order.evidence.add(DeliveryEvidence.of(EvidenceKind.CARRIER_EVENT,
                    report.proof() != null ? report.proof() : report.sourceEventId(), now));
            lifecycle.touch(order, now);
        }
        if (outcome.newStatus() != null) {
            ActorKind actor = report.source() == ReportSource.CENTER ? ActorKind.FULFILLMENT_CENTER : ActorKind.CARRIER;
            lifecycle.changeStatus(order, outcome.newStatus(), new Actor(actor, report.sourceId()), Cause.event(report.sourceEventId()));
        }
        for (Condition c : outcome.raise()) {
            AttentionFlag.of(c).ifPresent(flag -> lifecycle.raise(order, flag));
        }
        for (Condition c : outcome.clear()) {
            AttentionFlag.of(c).ifPresent(flag -> lifecycle.clear(order, flag));
        }
    }
}
