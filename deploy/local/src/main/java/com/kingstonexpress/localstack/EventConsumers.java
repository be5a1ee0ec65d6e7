package com.kingstonexpress.localstack;

import java.util.List;
import java.util.Optional;

/**
 * Every idempotent consumer of the stack, as its service declares it: the inbox name it deduplicates under
 * (which is also how its dead-letter reasons begin), the service whose database holds that inbox, and the topic
 * it reads. Keep in step with the services' {@code @Incoming} channels.
 */
public final class EventConsumers {

    /** One consumer: {@code name} is its {@code kx_inbox.consumer}. */
    public record EventConsumer(String name, String service, String topic) {
    }

    public static final List<EventConsumer> ALL = List.of(
            new EventConsumer("order-service.fulfillment-status", "order", "kx.fulfillment.status.v1"),
            new EventConsumer("order-service.platform-incidents", "order", "kx.platform.incidents.v1"),
            new EventConsumer("order-service.messaging", "order", "kx.messaging.v1"),
            new EventConsumer("fulfillment-service.orders", "fulfillment", "kx.orders.v1"),
            new EventConsumer("fulfillment-service.center-events", "fulfillment", "kx.fulfillment.center-events.v1"),
            new EventConsumer("messaging-service.orders", "messaging", "kx.orders.v1"),
            new EventConsumer("messaging-service.incidents", "messaging", "kx.platform.incidents.v1"),
            new EventConsumer("support-service.orders", "support", "kx.orders.v1"),
            new EventConsumer("support-service.messaging", "support", "kx.messaging.v1"),
            new EventConsumer("notification-service.orders", "notification", "kx.orders.v1"),
            new EventConsumer("notification-service.messaging", "notification", "kx.messaging.v1"),
            new EventConsumer("notification-service.support", "notification", "kx.support.v1"),
            new EventConsumer("notification-service.incidents", "notification", "kx.platform.incidents.v1"));

    private EventConsumers() {
    }

    public static List<EventConsumer> of(String topic) {
        return ALL.stream().filter(c -> c.topic().equals(topic)).toList();
    }

    public static Optional<EventConsumer> named(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * The consumer that dead-lettered a record: the platform's consumers begin every reason with their name
     * ({@code "support-service.orders: ..."}); a topic read by one consumer only needs no reason to tell.
     */
    public static Optional<String> thatDeadLettered(String sourceTopic, String reason) {
        if (reason != null) {
            int colon = reason.indexOf(':');
            if (colon > 0) {
                String prefix = reason.substring(0, colon).trim();
                if (prefix.matches("[a-z0-9-]+-service\\.[a-z0-9.-]+")) {
                    return Optional.of(prefix);
                }
            }
        }
        List<EventConsumer> readers = of(sourceTopic);
        return readers.size() == 1 ? Optional.of(readers.get(0).name()) : Optional.empty();
    }
}
