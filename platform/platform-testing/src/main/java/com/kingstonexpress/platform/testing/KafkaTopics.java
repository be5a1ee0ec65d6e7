package com.kingstonexpress.platform.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Reads and writes real Kafka topics from tests, with bounded waits. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value) {
        send(topic, key, value, List.of());
    }

    public static void send(String topic, String key, String value, List<RecordHeader> headers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, key, value, new ArrayList<>(headers));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Reads the topic from the beginning until {@code enough} holds for the records matching {@code filter},
     * or fails after {@code atMost}. Returns the matching records.
     */
    public static List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> filter,
            Predicate<List<ConsumerRecord<String, String>>> enough, Duration atMost) {
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(r)) {
                        matching.add(r);
                    }
                }
                return enough.test(matching);
            });
        }
        return matching;
    }

    /** Every record of the topic that matches, reading until the end as it stands now. */
    public static List<ConsumerRecord<String, String>> readAll(String topic, Predicate<ConsumerRecord<String, String>> filter) {
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            int emptyPolls = 0;
            // Two consecutive empty polls after assignment mean the end as it stands now.
            while (emptyPolls < 2 || consumer.assignment().isEmpty()) {
                var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, String> r : records) {
                    if (filter.test(r)) {
                        matching.add(r);
                    }
                }
                if (emptyPolls > 20) {
                    break;
                }
            }
        }
        return matching;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "kx-test-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }
}
