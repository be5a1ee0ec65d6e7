package com.kingstonexpress.platform.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} application at the JVM's shared PostgreSQL (a fresh database for each
 * application start) and the shared Kafka broker. Use it with
 * {@code @QuarkusTestResource(value = PostgresAndKafkaResource.class, restrictToAnnotatedClass = false)}
 * on one class of the module, so every test class shares one application start.
 */
public class PostgresAndKafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", SharedInfrastructure.newDatabase("kx_test"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers());
    }

    @Override
    public void stop() {
        // The server and broker live as long as the JVM: other test classes still need them.
    }
}
