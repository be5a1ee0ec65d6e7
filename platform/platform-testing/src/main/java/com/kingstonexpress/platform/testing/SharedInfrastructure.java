package com.kingstonexpress.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.kingstonexpress.platform.infra.Directories;
import com.kingstonexpress.platform.infra.KafkaBroker;
import com.kingstonexpress.platform.infra.PostgresServer;

/**
 * One real PostgreSQL server and one real Kafka broker per test JVM, started on first use and stopped
 * when the JVM exits. Set {@code QUARKUS_DATASOURCE_JDBC_URL} or {@code KAFKA_BOOTSTRAP_SERVERS} to use
 * external ones instead.
 */
public final class SharedInfrastructure {

    private static final Logger LOG = Logger.getLogger(SharedInfrastructure.class);

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static String bootstrapServers;

    private SharedInfrastructure() {
    }

    /** The JDBC URL of a database that exists; a fresh one each call on the embedded server. */
    public static synchronized String newDatabase(String prefix) {
        String external = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (postgres == null) {
            long started = System.nanoTime();
            postgres = PostgresServer.start(null, 0);
            LOG.infof("embedded PostgreSQL up on port %d in %d ms", postgres.port(), (System.nanoTime() - started) / 1_000_000);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "kx-test-postgres-stop"));
        }
        String name = (prefix + "_" + Long.toHexString(System.nanoTime())).toLowerCase().replaceAll("[^a-z0-9_]", "_");
        postgres.ensureDatabase(name);
        return postgres.jdbcUrl(name);
    }

    public static synchronized String kafkaBootstrapServers() {
        if (bootstrapServers != null) {
            return bootstrapServers;
        }
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            bootstrapServers = external;
            return bootstrapServers;
        }
        try {
            Path dir = Files.createTempDirectory("kx-test-kafka");
            long started = System.nanoTime();
            kafka = new KafkaBroker(dir, 0, 3);
            kafka.start();
            LOG.infof("embedded Kafka broker up at %s in %d ms", kafka.bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
            // The broker's folder goes with it: each test JVM would otherwise leave its log in the temporary folder.
            KafkaBroker broker = kafka;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.kill();
                Directories.deleteRecursively(dir);
            }, "kx-test-kafka-stop"));
            bootstrapServers = kafka.bootstrapServers();
            return bootstrapServers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded broker, for fault tests that kill and restart it; empty when an external one is used. */
    public static synchronized Optional<KafkaBroker> embeddedKafka() {
        kafkaBootstrapServers();
        return Optional.ofNullable(kafka);
    }
}
