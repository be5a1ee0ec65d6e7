package com.kingstonexpress.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.infra.FreePorts;

/** {@code deploy/local/run}: the whole stack in one command; Ctrl-C (or SIGTERM) stops all of it. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        Path root = Path.of(System.getProperty("kx.root", ".")).toAbsolutePath().normalize();
        StackConfig config;
        try {
            config = StackConfig.fromEnvironment(root);
        } catch (IllegalArgumentException e) {
            System.err.println("local-stack| " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(config, out).trainingClassArchives();
        try {
            stack.withReplicas(replicas(args));
        } catch (IllegalArgumentException e) {
            System.err.println("local-stack| --replicas: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("local-stack| stopping...");
            stack.close();
            out.println("local-stack| stopped; data kept in " + config.dataDir());
            stopped.countDown();
        }, "local-stack-stop"));
        boolean infraOnly = java.util.Arrays.asList(args).contains("--infra-only");
        long started = System.nanoTime();
        try {
            if (infraOnly) {
                stack.startInfrastructure();
            } else {
                stack.start();
            }
        } catch (FreePorts.PortInUseException e) {
            System.err.println("local-stack| " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("local-stack| could not start: " + e.getMessage());
            System.exit(1);
        }
        if (infraOnly) {
            printDevModeCommands(out, config);
            stopped.await();
            return;
        }
        out.printf("local-stack| all services ready in %.1f s%n", (System.nanoTime() - started) / 1e9);

        CenterSimulator simulator = null;
        DemoData demo = new DemoData(config.gatewayUrl());
        if (config.seedDemoData()) {
            try {
                out.println(demo.seedOnce() ? "local-stack| demo data seeded for seller " + DemoData.SELLER
                        : "local-stack| demo data already present (kept from the last run)");
            } catch (RuntimeException e) {
                out.println("local-stack| demo data could not be seeded: " + e.getMessage());
            }
        }
        if (config.simulateCenter() && !demo.liveOrders().isEmpty()) {
            simulator = new CenterSimulator(config.gatewayUrl(), CenterSimulator.DEMO_CENTER, CenterSimulator.DEMO_CENTER_SECRET);
            CenterSimulator sim = simulator;
            Thread t = new Thread(() -> {
                try {
                    sim.run(demo.liveOrders(), Duration.ofSeconds(20));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    out.println("center-sim | stopped: " + e.getMessage());
                }
            }, "center-simulator");
            t.setDaemon(true);
            t.start();
        }
        printWelcome(out, stack, demo);
        stack.footprint().forEach(line -> out.println("local-stack| " + line));
        stopped.await();
    }

    /**
     * {@code --replicas order=2,fulfillment=2} (or {@code --replicas=...}): instances in all per service;
     * services not named run once.
     */
    static java.util.Map<String, Integer> replicas(String[] args) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String spec = null;
            if (args[i].equals("--replicas")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected e.g. --replicas order=2,fulfillment=2");
                }
                spec = args[++i];
            } else if (args[i].startsWith("--replicas=")) {
                spec = args[i].substring("--replicas=".length());
            }
            if (spec == null) {
                continue;
            }
            for (String item : spec.split(",")) {
                String[] pair = item.trim().split("=", 2);
                try {
                    counts.put(pair[0].trim(), Integer.parseInt(pair.length == 2 ? pair[1].trim() : ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + item.trim() + "' is not service=count, e.g. order=2");
                }
            }
        }
        return counts;
    }

    /** {@code --infra-only}: how to run each service in Quarkus dev mode against this PostgreSQL and Kafka. */
    private static void printDevModeCommands(PrintStream out, StackConfig config) {
        out.println();
        out.println("==================== Kingston Express infrastructure ====================");
        out.println(" PostgreSQL:  jdbc:postgresql://localhost:" + config.postgresPort() + " (user postgres, password postgres)");
        out.println(" Kafka:       localhost:" + config.kafkaPort());
        out.println(" Run a service in dev mode (live reload) from the repository root, one terminal each, e.g.:");
        for (StackConfig.Service s : config.services()) {
            StringBuilder command = new StringBuilder("   KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:" + config.kafkaPort());
            if (s.database() != null) {
                command.append(" QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:").append(config.postgresPort())
                        .append('/').append(s.database());
            } else {
                config.services().stream().filter(d -> d.database() != null).forEach(d -> command
                        .append(" KX_GATEWAY_SERVICES_").append(d.name().toUpperCase()).append("_URL=").append(d.url()));
            }
            command.append(" QUARKUS_HTTP_PORT=").append(s.port()).append(" QUARKUS_MANAGEMENT_PORT=").append(s.managementPort())
                    .append(" ./mvnw quarkus:dev -pl ").append(s.module());
            out.println(command);
        }
        out.println(" (install the platform libraries once first: ./mvnw -DskipTests install)");
        out.println(" Stop with Ctrl-C (data is kept in " + config.dataDir() + ").");
        out.println("=========================================================================");
    }

    private static void printWelcome(PrintStream out, LocalStack stack, DemoData demo) {
        StackConfig config = stack.config();
        String gw = config.gatewayUrl().replace("127.0.0.1", "localhost");
        out.println();
        out.println("==================== Kingston Express local stack ====================");
        out.println(" Gateway (the public API):  " + gw + "/api/v1");
        out.println(" Swagger UI:                " + gw + "/q/swagger-ui");
        out.println(" OpenAPI:                   " + gw + "/q/openapi");
        out.println(" Health:                    " + gw + "/q/health (the services: " + gw + "/q/health/group/downstreams)");
        out.println(" Metrics (Prometheus):      " + config.services().stream().flatMap(s -> s.database() == null ? java.util.stream.Stream.of(s)
                : stack.instancesOf(s.name()).stream())
                .map(s -> s.name() + " " + s.managementPort()).collect(java.util.stream.Collectors.joining(", "))
                + " (http://localhost:PORT/q/metrics)");
        config.services().stream().filter(s -> s.database() != null && stack.instancesOf(s.name()).size() > 1).forEach(s -> out.println(
                " Replicas of " + s.name() + ":" + " ".repeat(Math.max(1, 14 - s.name().length())) + stack.instancesOf(s.name()).stream()
                        .map(StackConfig.Service::url).collect(java.util.stream.Collectors.joining(", ")) + " (behind the gateway)"));
        out.println(" PostgreSQL:                jdbc:postgresql://localhost:" + config.postgresPort() + " (user postgres)");
        out.println(" Kafka:                     localhost:" + config.kafkaPort());
        out.println(" Logs:                      " + config.dataDir().resolve("logs"));
        if (!demo.liveOrders().isEmpty()) {
            out.println(" Center simulator walks:    " + String.join(", ", demo.liveOrders()));
        }
        out.println();
        out.println(" Demo tokens (development key; valid 12 h). For example:");
        out.println("   export SELLER_TOKEN=" + DevTokens.seller(DemoData.SELLER));
        out.println("   curl -H \"Authorization: Bearer $SELLER_TOKEN\" " + gw + "/api/v1/dashboard");
        out.println("   export AGENT_TOKEN=" + DevTokens.supportAgent("demo-agent"));
        out.println("   export OPS_TOKEN=" + DevTokens.operations("demo-ops"));
        out.println("   export STOREFRONT_TOKEN=" + DevTokens.storefront());
        out.println(" More tokens: deploy/local/token seller|support-agent|operations|storefront [id]");
        out.println(" Stop with Ctrl-C (data is kept in " + config.dataDir() + ").");
        out.println("=======================================================================");
    }
}
