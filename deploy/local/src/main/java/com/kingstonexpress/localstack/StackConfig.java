package com.kingstonexpress.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import com.kingstonexpress.platform.infra.FreePorts;

/**
 * Where the local stack keeps its data and which ports it uses. Every value has a safe default and an
 * environment variable to override it.
 *
 * @param root      the repository root (service applications are found under it)
 * @param dataDir   PostgreSQL and Kafka data, kept across restarts (git-ignored)
 * @param services  the services and the gateway, in start order
 */
public record StackConfig(Path root, Path dataDir, int postgresPort, int kafkaPort, List<Service> services, boolean seedDemoData,
        boolean simulateCenter) {

    /** One Quarkus application of the stack; {@code managementPort} serves its metrics ({@code /q/metrics}). */
    public record Service(String name, String module, int port, int managementPort, String database) {
        public Path application(Path root) {
            return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        }

        public String url() {
            return "http://127.0.0.1:" + port;
        }

        public String managementUrl() {
            return "http://127.0.0.1:" + managementPort;
        }
    }

    /**
     * Ports 8080 (gateway), 8081-8085 (services), their management ports 9080-9085, 15432 (PostgreSQL), 19092 (Kafka) unless
     * the environment says otherwise.
     */
    public static StackConfig fromEnvironment(Path root) {
        Map<String, String> env = System.getenv();
        Map<String, Integer> defaults = Map.of("gateway", 8080, "order", 8081, "fulfillment", 8082, "messaging", 8083, "support", 8084,
                "notification", 8085);
        Path data = Path.of(env.getOrDefault("KX_STACK_DIR", root.resolve(".local-stack").toString()));
        return new StackConfig(root, data,
                port(env, "KX_POSTGRES_PORT", 15432),
                port(env, "KX_KAFKA_PORT", 19092),
                services(name -> port(env, "KX_" + name.toUpperCase() + "_PORT", defaults.get(name)),
                        name -> port(env, "KX_" + name.toUpperCase() + "_MANAGEMENT_PORT", defaults.get(name) + 1000)),
                !"false".equals(env.get("KX_DEMO_DATA")),
                !"false".equals(env.get("KX_CENTER_SIMULATOR")));
    }

    /** Every port free and chosen at random, data in {@code dataDir}: for tests beside anything else running. */
    public static StackConfig onFreePorts(Path root, Path dataDir) {
        return new StackConfig(root, dataDir, FreePorts.find(), FreePorts.find(), services(name -> FreePorts.find(), name -> FreePorts.find()),
                false, false);
    }

    private static List<Service> services(ToIntFunction<String> port, ToIntFunction<String> managementPort) {
        return List.of(
                new Service("order", "order-service", port.applyAsInt("order"), managementPort.applyAsInt("order"), "kx_orders"),
                new Service("fulfillment", "fulfillment-service", port.applyAsInt("fulfillment"), managementPort.applyAsInt("fulfillment"), "kx_fulfillment"),
                new Service("messaging", "messaging-service", port.applyAsInt("messaging"), managementPort.applyAsInt("messaging"), "kx_messaging"),
                new Service("support", "support-service", port.applyAsInt("support"), managementPort.applyAsInt("support"), "kx_support"),
                new Service("notification", "notification-service", port.applyAsInt("notification"), managementPort.applyAsInt("notification"), "kx_notifications"),
                new Service("gateway", "api-gateway", port.applyAsInt("gateway"), managementPort.applyAsInt("gateway"), null));
    }

    public Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    public String gatewayUrl() {
        return service("gateway").url();
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'");
        }
    }
}
