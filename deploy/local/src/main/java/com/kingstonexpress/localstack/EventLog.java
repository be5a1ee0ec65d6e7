package com.kingstonexpress.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads what is on the stack's Kafka topics, from the first record to the end as it is when the read starts.
 * A plain consumer without a group: reading commits nothing and disturbs no service's consumer group.
 */
public final class EventLog implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Duration READ_LIMIT = Duration.ofMinutes(5);

    /** One record as it is on a topic; header values as UTF-8 text. */
    public record Entry(String topic, int partition, long offset, Instant timestamp, String key, String value,
            Map<String, String> headers) {

        /**
         * The CloudEvent id: the {@code ce_id} header of a binary-mode event, else the {@code id} of a structured-mode
         * value; null when the record is neither.
         */
        public String eventId() {
            String binary = headers.get("ce_id");
            return binary != null && !binary.isBlank() ? binary : EventLog.eventId(value);
        }

        public String header(String name) {
            return headers.get(name);
        }

        public String coordinates() {
            return topic + ":" + partition + ":" + offset;
        }
    }

    private final StackAccess access;
    private final Admin admin;

    public EventLog(StackAccess access) {
        this.access = access;
        this.admin = Admin.create(access.kafkaClient("kx-operator-admin"));
    }

    /** Every topic except Kafka's own. */
    public Set<String> topics() {
        try {
            return new TreeSet<>(admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + access.bootstrapServers() + " does not answer: " + e.getMessage(), e);
        }
    }

    /** Every record of the topic (none if it does not exist). */
    public List<Entry> read(String topic) {
        List<Entry> all = new ArrayList<>();
        forEach(topic, all::add);
        return all;
    }

    /**
     * Streams every committed record of the topic, partition by partition in offset order, up to the end as of now.
     * "The end" is every record written so far, and the read waits until each transaction among them has ended: a
     * read-committed consumer's own end offset stops before any transaction still open, and a relay's batch is still
     * open on a partition for a moment after the relay was told "committed", until the coordinator writes its marker.
     */
    public void forEach(String topic, Consumer<Entry> each) {
        Properties p = access.kafkaClient("kx-operator-reader");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        // What the services' consumers see: never a record of an aborted relay batch (Kafka transaction).
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(20));
            if (infos == null || infos.isEmpty()) {
                return;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = highWatermarks(partitions);
            end.entrySet().removeIf(e -> consumer.position(e.getKey(), Duration.ofSeconds(20)) >= e.getValue());
            Instant deadline = Instant.now().plus(READ_LIMIT);
            while (!end.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("reading " + topic + " took longer than " + READ_LIMIT);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long last = end.get(tp);
                    if (last == null || r.offset() >= last) {
                        continue;
                    }
                    each.accept(new Entry(r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(), r.value(),
                            headers(r.headers())));
                }
                // Transaction markers and compaction leave gaps: the position, not the last record, says we are done.
                end.entrySet().removeIf(e -> consumer.position(e.getKey(), Duration.ofSeconds(20)) >= e.getValue());
            }
        }
    }

    /** Where each partition ends, transactions still open included. */
    private Map<TopicPartition, Long> highWatermarks(List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        try {
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get(20, TimeUnit.SECONDS)
                    .forEach((tp, info) -> end.put(tp, info.offset()));
            return end;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + access.bootstrapServers() + " does not answer: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> headers(Iterable<Header> headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Header h : headers) {
            map.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return map;
    }

    /** Record counts per topic (end offset minus start offset), for a quick look. */
    public Map<String, Long> sizes(Collection<String> topics) {
        Properties p = access.kafkaClient("kx-operator-sizes");
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(20));
                List<TopicPartition> partitions = infos == null ? List.of()
                        : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(20));
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(20));
                sizes.put(topic, partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum());
            }
        }
        return sizes;
    }

    /** The top-level {@code id} of a CloudEvents JSON object, read without building the whole tree. */
    static String eventId(String value) {
        if (value == null) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if ("id".equals(field)) {
                    return token == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
