package com.kingstonexpress.localstack;

import static com.kingstonexpress.localstack.RunningStack.EVENTUALLY;
import static com.kingstonexpress.localstack.RunningStack.as;
import static com.kingstonexpress.localstack.RunningStack.newSeller;
import static com.kingstonexpress.localstack.RunningStack.placeOrder;
import static com.kingstonexpress.localstack.RunningStack.seller;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/local/dead-letters} against the running stack: a poison record on a consumed topic is listed per
 * consumer with its reason, shown, and replayed to its source topic — as it was (dead-lettered again, marked as a
 * replay) or corrected (applied).
 */
class DeadLettersEndToEndTest {

    private static final String ORDERS = "kx.orders.v1";
    private static final String CENTER_EVENTS = "kx.fulfillment.center-events.v1";
    private static final Set<String> ORDER_CONSUMERS = EventConsumers.of(ORDERS).stream().map(EventConsumers.EventConsumer::name)
            .collect(Collectors.toSet());

    @Test
    void aMalformedOrderRecordIsListedForEachConsumerWithItsReasonAndItsReplayIsDeadLetteredAgainAsAReplay() throws Exception {
        LocalStack stack = RunningStack.get();
        StackAccess access = StackAccess.of(stack.config());
        String orderId = placeOrder(newSeller(), "SELLER_MANAGED", "STANDARD", "GB");
        String source = send(access, ORDERS, orderId, "{\"specversion\":\"1.0\", this is not JSON");

        try (DeadLetters tool = new DeadLetters(access)) {
            List<DeadLetters.DeadLetter> letters = await().atMost(EVENTUALLY).until(
                    () -> tool.find(source), l -> l.size() == ORDER_CONSUMERS.size());
            assertEquals(ORDER_CONSUMERS,
                    letters.stream().map(d -> d.consumer().orElse("?")).collect(Collectors.toSet()));
            for (DeadLetters.DeadLetter d : letters) {
                assertEquals(ORDERS + ".dlq", d.dlqTopic());
                assertEquals(orderId, d.key());
                assertTrue(d.reason().contains("not a CloudEvents JSON record"), d.reason());
            }

            String listed = command(tool, "list", "--topic", ORDERS);
            for (DeadLetters.DeadLetter d : letters) {
                assertTrue(listed.contains(d.coordinates() + " ") && listed.contains("from " + source), listed);
                assertTrue(listed.contains("consumer " + d.consumer().orElseThrow()), listed);
            }
            assertTrue(listed.contains("reason: " + letters.get(0).reason()), listed);
            String shown = command(tool, "show", letters.get(0).coordinates());
            assertTrue(shown.contains("this is not JSON") && shown.contains("source        " + source), shown);

            // Every consumer refused one record: it goes back to the topic once, and all of them refuse it again.
            String replayed = command(tool, "replay", source);
            assertEquals(1, replayed.lines().filter(l -> l.startsWith("replayed ")).count(), replayed);
            Set<String> originals = letters.stream().map(DeadLetters.DeadLetter::coordinates).collect(Collectors.toSet());
            List<DeadLetters.DeadLetter> again = await().atMost(EVENTUALLY).until(() -> tool.list().stream()
                    .filter(d -> originals.contains(d.entry().header(DeadLetters.REPLAYED_FROM))).toList(), l -> l.size() == ORDER_CONSUMERS.size());
            again.forEach(d -> assertTrue(d.reason().contains("not a CloudEvents JSON record"), d.reason()));
            String afterwards = command(tool, "list", "--topic", ORDERS, "--consumer", "support-service.orders");
            assertTrue(afterwards.contains("[replayed]"), afterwards);
        }
    }

    @Test
    void aCenterEventRefusedForBadDataIsReplayedCorrectedByItsEventIdAndMovesTheOrder() throws Exception {
        LocalStack stack = RunningStack.get();
        StackAccess access = StackAccess.of(stack.config());
        String sellerId = newSeller();
        String orderId = placeOrder(sellerId, "KINGSTON_DISPATCHED", "STANDARD", "GB");
        Reconciliation reconciliation = new Reconciliation(access, java.time.Duration.ofSeconds(30));
        await().atMost(EVENTUALLY).until(() -> reconciliation.absent(List.of(orderId)).isEmpty());

        String eventId = UUID.randomUUID().toString();
        String centerEventId = "center-" + UUID.randomUUID();
        send(access, CENTER_EVENTS, orderId, centerEvent(eventId, centerEventId, orderId, ""));

        try (DeadLetters tool = new DeadLetters(access)) {
            DeadLetters.DeadLetter letter = await().atMost(EVENTUALLY).until(() -> tool.find(eventId), l -> l.size() == 1).get(0);
            assertEquals("fulfillment-service.center-events", letter.consumer().orElse("?"));
            assertTrue(letter.reason().contains("center event data invalid"), letter.reason());

            Path corrected = Files.createTempFile("kx-corrected", ".json");
            Files.writeString(corrected, centerEvent(eventId, centerEventId, orderId, "PICKED"));
            String replayed = command(tool, "replay", eventId, "--value-file", corrected.toString());
            assertTrue(replayed.contains("replayed " + letter.coordinates() + " -> " + CENTER_EVENTS) && replayed.contains("(corrected value)"),
                    replayed);
            Files.delete(corrected);

            await().atMost(EVENTUALLY).untilAsserted(() -> as(seller(sellerId)).get("/api/v1/orders/" + orderId).then().statusCode(200)
                    .body("status", equalTo("PROCESSING")));
            assertEquals(1, tool.find(eventId).size(), "the corrected event is applied, not dead-lettered again");
        }
    }

    private static String centerEvent(String eventId, String centerEventId, String orderId, String type) {
        return CenterEvents.kafkaRecord(Map.of("specversion", "1.0", "id", eventId, "source", "/centers/" + RunningStack.CENTER,
                "type", "com.kingstonexpress.fulfillment.center-event.v1", "subject", orderId, "time", Instant.now().toString(),
                "datacontenttype", "application/json", "data", Map.of("centerId", RunningStack.CENTER, "eventId", centerEventId,
                        "orderId", orderId, "type", type, "occurredAt", Instant.now().toString(), "location", "London dispatchment center")));
    }

    /** Produces one record as a center or a broken producer would; returns its coordinates. */
    private static String send(StackAccess access, String topic, String key, String value) throws Exception {
        Properties p = access.kafkaClient("dead-letters-test");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            RecordMetadata m = producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
            return m.topic() + ":" + m.partition() + ":" + m.offset();
        }
    }

    private static String command(DeadLetters tool, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = DeadLetters.run(tool, args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        return out;
    }
}
