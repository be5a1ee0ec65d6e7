package com.kingstonexpress.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaTopicsTest {

    /**
     * A relay's batch can be committed for its producer and still open on a partition, until the coordinator writes the
     * commit marker there. Reading "to the end" must wait for it, or a test counts the batch as never published.
     */
    @Test
    void readAllWaitsForATransactionOpenWhenItStarted() throws Exception {
        String topic = "kx.smoke.open-transaction." + System.nanoTime();
        KafkaTopics.send(topic, "k", "before");
        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "inside-1"));
            producer.send(new ProducerRecord<>(topic, "k", "inside-2"));
            producer.flush();

            // The transaction ends only once the read is under way: the filter sees "before" after the read has fixed
            // where the topic ends (the same key, so one partition, with the transaction's records after "before").
            List<ConsumerRecord<String, String>> read = KafkaTopics.readAll(topic, r -> {
                if (r.value().equals("before")) {
                    producer.commitTransaction();
                }
                return true;
            });

            assertEquals(List.of("before", "inside-1", "inside-2"), read.stream().map(ConsumerRecord::value).toList());
        }
    }

    private static KafkaProducer<String, String> transactionalProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "kx-test-" + UUID.randomUUID());
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
