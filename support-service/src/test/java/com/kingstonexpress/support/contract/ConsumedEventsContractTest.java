package com.kingstonexpress.support.contract;

import static com.kingstonexpress.support.Fixtures.attention;
import static com.kingstonexpress.support.Fixtures.cancelled;
import static com.kingstonexpress.support.Fixtures.escalation;
import static com.kingstonexpress.support.Fixtures.newId;
import static com.kingstonexpress.support.Fixtures.placed;
import static com.kingstonexpress.support.Fixtures.statusChanged;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.kingstonexpress.platform.testing.EventContracts;

/**
 * The events this service is tested with are the events its producers publish: every fixture must match the
 * producer's checked-in schema, and this service's own expectation (the members it reads, under
 * {@code src/test/resources/expected-schemas}).
 */
class ConsumedEventsContractTest {

    static Stream<Arguments> fixtures() {
        String orderId = newId();
        return Stream.of(
                Arguments.of("order-service", "order.placed.v1", placed(newId(), orderId, "seller-1", "KINGSTON_DISPATCHED", 1)),
                Arguments.of("order-service", "order.placed.v1", placed(newId(), orderId, "seller-1", "SELLER_MANAGED", 1)),
                Arguments.of("order-service", "order.status-changed.v1", statusChanged(newId(), orderId, "seller-1",
                        "KINGSTON_DISPATCHED", 2, "NEW", "PROCESSING", "FULFILLMENT_CENTER", "center-london-1", null)),
                Arguments.of("order-service", "order.status-changed.v1", statusChanged(newId(), orderId, "seller-1",
                        "KINGSTON_DISPATCHED", 3, "NEW", "IN_TRANSIT", "SUPPORT_AGENT", "agent-3", "carrier scans show it moving")),
                Arguments.of("order-service", "order.attention-raised.v1", attention(newId(), orderId, "seller-1",
                        "KINGSTON_DISPATCHED", 4, "STATUS_NOT_UPDATING", true)),
                Arguments.of("order-service", "order.attention-cleared.v1", attention(newId(), orderId, "seller-1",
                        "KINGSTON_DISPATCHED", 5, "STATUS_NOT_UPDATING", false)),
                Arguments.of("order-service", "order.cancelled.v1", cancelled(newId(), orderId, "seller-1", 6)),
                Arguments.of("messaging-service", "messaging.escalation-detected.v1",
                        escalation(newId(), orderId, "seller-1", "msg-1")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("fixtures")
    void fixtureMatchesTheProducersSchemaAndWhatThisServiceReads(String producer, String eventType, String event) {
        EventContracts.assertMatches(Path.of("src/test/resources/expected-schemas", eventType + ".json"), event);
        EventContracts.assertMatches(producerSchema(producer, eventType), event);
    }

    /** The producer's schema; this service's expectation stands in only while the producer has not published one. */
    private static Path producerSchema(String producer, String eventType) {
        Path sibling = Path.of("..", producer, "src/main/resources/event-schemas", eventType + ".json");
        return Files.exists(sibling) ? EventContracts.schemaOf(producer, eventType)
                : Path.of("src/test/resources/expected-schemas", eventType + ".json");
    }
}
