package com.kingstonexpress.platform.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
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
        try (KafkaProducer<String, String> producer = producer(0)) {
            producer.send(new ProducerRecord<>(topic, null, key, value, new ArrayList<>(headers))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Sends the values in this order under one key, together (one producer batch, so a consumer most likely gets them in
     * one poll), and waits for the broker's acknowledgement of each.
     */
    public static void send(String topic, String key, List<String> values) {
        try (KafkaProducer<String, String> producer = producer(50)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (String value : values) {
                sent.add(producer.send(new ProducerRecord<>(topic, key, value)));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    private static KafkaProducer<String, String> producer(int lingerMs) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /**
     * Reads the topic from the beginning until {@code enough} holds for the records matching {@code filter},
     * or fails after {@code atMost}. Returns the matching records.
     */
    public static List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> filter,
            Predicate<List<ConsumerRecord<String, String>>> enough, Duration atMost) {
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(IsolationLevel.READ_COMMITTED)) {
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

    /**
     * Every record of the topic that matches, as the services' consumers read it (committed records only), reading
     * every partition from its beginning to its end as it stands now (no consumer group, so no wait for a rebalance). A
     * topic that does not exist has no records.
     *
     * <p>"The end" is the high watermark, every record written so far, and the read waits until each transaction among
     * them has ended. A read-committed consumer's own end offset is the last stable offset instead, which stops before
     * any transaction still open, and a transaction whose producer was told "committed" is still open on a partition
     * until the coordinator has written its marker there, moments later (longer after a broker restart). Reading only
     * to that offset once lost the last relay batch of a test.
     */
    public static List<ConsumerRecord<String, String>> readAll(String topic, Predicate<ConsumerRecord<String, String>> filter) {
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(IsolationLevel.READ_COMMITTED);
                KafkaConsumer<String, String> everything = consumer(IsolationLevel.READ_UNCOMMITTED)) {
            List<TopicPartition> partitions = consumer.listTopics(Duration.ofSeconds(30)).getOrDefault(topic, List.of()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                return matching;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = everything.endOffsets(partitions, Duration.ofSeconds(30));
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(r)) {
                        matching.add(r);
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return matching;
    }

    /**
     * Waits until the consumer group has committed every record of the topic as it stands now: every effect of
     * those records (a dead letter, a counter) has happened, and none is left to be redelivered to it. A consumer
     * commits the offset after its last record, which is short of the end offset when a transaction marker (the relay
     * publishes in Kafka transactions) comes last.
     */
    public static void awaitConsumed(String group, String topic, Duration atMost) {
        Map<TopicPartition, Long> afterLastRecord = new HashMap<>();
        for (ConsumerRecord<String, String> r : readAll(topic, r -> true)) {
            afterLastRecord.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max);
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
        try (Admin admin = Admin.create(p)) {
            Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                return afterLastRecord.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue());
            });
        }
    }

    /** The offset the consumer group committed on the record's partition: the next record it would be given. */
    public static long committedOffset(String group, ConsumerRecord<?, ?> record) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
        try (Admin admin = Admin.create(p)) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(record.topic(), record.partition()));
            return committed == null ? 0 : committed.offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * A reader. Read committed is as the services read: records of a relay batch whose Kafka transaction was aborted
     * are not there.
     */
    private static KafkaConsumer<String, String> consumer(IsolationLevel isolation) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "kx-test-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString().toLowerCase(Locale.ROOT));
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }
}
