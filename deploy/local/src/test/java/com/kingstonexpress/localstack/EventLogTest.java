package com.kingstonexpress.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The operator tools' reader (reconcile, dead letters) against the running stack's broker. */
class EventLogTest {

    /**
     * A relay's batch can be committed for its producer and still open on a partition, until the coordinator writes the
     * commit marker there. A reconciliation that reads "to the end" must wait for it, or it reports the batch missing.
     */
    @Test
    void aReadWaitsForATransactionOpenWhenItStarted() throws Exception {
        StackAccess access = StackAccess.of(RunningStack.get().config());
        String topic = "kx.event-log-test.open-transaction." + System.nanoTime();
        Properties plain = access.kafkaClient("event-log-test");
        try (KafkaProducer<String, String> before = new KafkaProducer<>(plain, new StringSerializer(), new StringSerializer())) {
            before.send(new ProducerRecord<>(topic, "k", "before")).get(30, TimeUnit.SECONDS);
        }
        Properties transactional = access.kafkaClient("event-log-test-transactional");
        transactional.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "event-log-test-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(transactional, new StringSerializer(), new StringSerializer());
                EventLog kafka = new EventLog(access)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "inside-1"));
            producer.send(new ProducerRecord<>(topic, "k", "inside-2"));
            producer.flush();

            // The transaction ends only once the read is under way: "before" reaches the reader after it has fixed where
            // the topic ends (the same key, so one partition, with the transaction's records after "before").
            List<String> read = new ArrayList<>();
            kafka.forEach(topic, e -> {
                if (e.value().equals("before")) {
                    producer.commitTransaction();
                }
                read.add(e.value());
            });

            assertEquals(List.of("before", "inside-1", "inside-2"), read);
        }
    }
}
