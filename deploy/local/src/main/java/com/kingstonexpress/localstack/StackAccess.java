package com.kingstonexpress.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How the operator commands ({@code deploy/local/reconcile}, {@code deploy/local/dead-letters}) reach a running
 * stack: its Kafka broker and the services' databases on its PostgreSQL server, read directly.
 *
 * @param bootstrapServers Kafka, {@code host:port[,...]}
 * @param postgresHost     the PostgreSQL server holding every service's database
 * @param databases        service name to database name (services without a database are left out)
 */
public record StackAccess(String bootstrapServers, String postgresHost, int postgresPort, String user, String password,
        Map<String, String> databases) {

    /**
     * As the local stack's other commands: {@code KAFKA_BOOTSTRAP_SERVERS}, else 127.0.0.1 on {@code KX_KAFKA_PORT}
     * (19092); PostgreSQL on {@code KX_POSTGRES_HOST} (127.0.0.1) and {@code KX_POSTGRES_PORT} (15432) as
     * {@code KX_POSTGRES_USER}/{@code KX_POSTGRES_PASSWORD} (postgres/postgres).
     */
    public static StackAccess fromEnvironment(StackConfig config) {
        Map<String, String> env = System.getenv();
        String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null || bootstrap.isBlank()) {
            bootstrap = "127.0.0.1:" + config.kafkaPort();
        }
        return new StackAccess(bootstrap, env.getOrDefault("KX_POSTGRES_HOST", "127.0.0.1"), config.postgresPort(),
                env.getOrDefault("KX_POSTGRES_USER", "postgres"), env.getOrDefault("KX_POSTGRES_PASSWORD", "postgres"),
                databasesOf(config));
    }

    /** A stack started in this JVM (the end-to-end tests). */
    public static StackAccess of(StackConfig config) {
        return new StackAccess("127.0.0.1:" + config.kafkaPort(), "127.0.0.1", config.postgresPort(), "postgres", "postgres",
                databasesOf(config));
    }

    private static Map<String, String> databasesOf(StackConfig config) {
        Map<String, String> databases = new java.util.LinkedHashMap<>();
        for (StackConfig.Service s : config.services()) {
            if (s.database() != null) {
                databases.put(s.name(), s.database());
            }
        }
        return databases;
    }

    /** The database of a service, or null when the stack has no such service. */
    public String database(String service) {
        return databases.get(service);
    }

    public List<String> services() {
        return List.copyOf(databases.keySet());
    }

    public Connection connect(String database) throws SQLException {
        return connect(database, 60);
    }

    /** A connection whose statements may run up to {@code socketTimeoutSeconds} (the benchmark's seed runs minutes). */
    public Connection connect(String database, int socketTimeoutSeconds) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
        p.setProperty("ApplicationName", "kx-operator");
        return DriverManager.getConnection("jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + database, p);
    }

    /** Client settings every operator client shares: where the broker is, and short timeouts (a stack is local). */
    public Properties kafkaClient(String clientId) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        p.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        return p;
    }
}
