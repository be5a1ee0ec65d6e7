package com.kingstonexpress.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class SharedInfrastructureTest {

    @Test
    void postgresServesFreshDatabases() throws Exception {
        String first = SharedInfrastructure.newDatabase("smoke");
        String second = SharedInfrastructure.newDatabase("smoke");
        assertNotEquals(first, second);
        try (Connection c = DriverManager.getConnection(first, "postgres", "postgres");
                ResultSet rs = c.createStatement().executeQuery("SHOW synchronous_commit")) {
            rs.next();
            assertEquals("on", rs.getString(1));
        }
    }

    @Test
    void kafkaBrokerSurvivesAKillAndKeepsItsData() {
        String topic = "kx.smoke." + System.nanoTime();
        KafkaTopics.send(topic, "k", "before-crash");
        var broker = SharedInfrastructure.embeddedKafka().orElseThrow();
        broker.kill();
        broker.start();
        KafkaTopics.send(topic, "k", "after-restart");
        var records = KafkaTopics.await(topic, r -> true, l -> l.size() == 2, Duration.ofSeconds(30));
        assertEquals("before-crash", records.get(0).value());
        assertEquals("after-restart", records.get(1).value());
    }
}
