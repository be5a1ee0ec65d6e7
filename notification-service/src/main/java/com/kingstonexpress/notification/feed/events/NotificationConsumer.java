package com.kingstonexpress.notification.feed.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kingstonexpress.notification.config.NotificationConfig;
import com.kingstonexpress.notification.delivery.events.Dispatcher;
import com.kingstonexpress.notification.feed.domain.NotificationType;
import com.kingstonexpress.notification.feed.persistence.NotificationStore;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Turns the events of the four topics into notifications: each becomes one row of the feed and, in the
 * same transaction as the inbox record, one pending delivery per matching subscription. Once the event is
 * acknowledged, its deliveries are in the database: nothing acknowledged is lost. Event types a seller
 * cannot subscribe to are ignored.
 */
@ApplicationScoped
public class NotificationConsumer {

    /** All this service reads of a seller's event: whose it is. The rest of the data is passed on as it is. */
    record SellerEvent(String sellerId) {
    }

    @Inject
    InboundEvents inbound;
    @Inject
    NotificationStore store;
    @Inject
    ObjectMapper json;
    @Inject
    NotificationConfig config;
    @Inject
    Dispatcher dispatcher;
    @Inject
    Clock clock;

    /** Order events come a poll at a time (the channel has {@code batch=true}): every status change makes one. */
    @Incoming("orders")
    @Blocking
    public CompletionStage<Void> onOrderEvents(KafkaRecordBatch<String, String> records) {
        CompletionStage<Void> acknowledged = inbound.handleBatch("notification-service.orders", records, this::apply);
        dispatcher.wake();
        return acknowledged;
    }

    @Incoming("messaging")
    @Blocking
    public CompletionStage<Void> onMessagingEvent(KafkaRecord<String, String> record) {
        return consume("notification-service.messaging", record);
    }

    @Incoming("support")
    @Blocking
    public CompletionStage<Void> onSupportEvent(KafkaRecord<String, String> record) {
        return consume("notification-service.support", record);
    }

    @Incoming("incidents")
    @Blocking
    public CompletionStage<Void> onIncidentEvent(KafkaRecord<String, String> record) {
        return consume("notification-service.incidents", record);
    }

    /** The dispatcher is woken once the record is done with, even if it was a duplicate: a look that finds nothing. */
    private CompletionStage<Void> consume(String consumer, KafkaRecord<String, String> record) {
        return inbound.handle(consumer, record, this::apply).thenRun(dispatcher::wake);
    }

    void apply(EventEnvelope event) {
        Optional<NotificationType> type = NotificationType.ofEventType(event.type());
        if (type.isEmpty()) {
            return;
        }
        String sellerId = null;
        if (!type.get().platformWide()) {
            sellerId = event.dataAs(SellerEvent.class).sellerId();
            if (sellerId == null || sellerId.isBlank()) {
                throw new PoisonEventException(event.type() + " must carry sellerId: without it nobody may be told");
            }
        }
        Instant now = clock.instant();
        Instant occurredAt = event.time().toInstant();
        store.append(new NotificationStore.NewNotification(event.id(), sellerId, type.get(), event.subject(), occurredAt,
                body(event, type.get(), sellerId)), now, now.plus(config.retry().giveUpAfter()));
    }

    /** Who-did-it fields of the events sellers receive: a kind, and the id of the one who did it. */
    private static final Map<String, String> ACTOR_ID_BY_KIND = Map.of("actorKind", "actorId", "openedByKind", "openedBy");
    /** Incidents are declared and resolved by operations staff, always. */
    private static final List<String> STAFF_ONLY = List.of("declaredBy", "resolvedBy");
    static final String STAFF = "SUPPORT_AGENT";

    /**
     * The event's data as a seller may see it (#12 L5): a support agent who acted is shown as {@code SUPPORT_AGENT},
     * and who declared or resolved an incident not at all; staff ids are for staff views. Sellers' own ids, centers
     * and carriers stay as they are.
     */
    static JsonNode withoutStaffIdentities(JsonNode data) {
        if (!(data instanceof ObjectNode object)) {
            return data;
        }
        ObjectNode shown = object.deepCopy();
        ACTOR_ID_BY_KIND.forEach((kind, id) -> {
            if (STAFF.equals(shown.path(kind).asText(null)) && shown.hasNonNull(id)) {
                shown.put(id, STAFF);
            }
        });
        shown.remove(STAFF_ONLY);
        return shown;
    }

    /** What the seller receives: the event id to deduplicate on, the type they subscribed to, and the event's data. */
    private String body(EventEnvelope event, NotificationType type, String sellerId) {
        ObjectNode body = json.createObjectNode();
        body.put("eventId", event.id());
        body.put("type", type.publicName());
        body.put("occurredAt", event.time().toInstant().toString());
        body.put("subject", event.subject());
        if (sellerId != null) {
            body.put("sellerId", sellerId);
        }
        body.set("data", withoutStaffIdentities(event.data()));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
