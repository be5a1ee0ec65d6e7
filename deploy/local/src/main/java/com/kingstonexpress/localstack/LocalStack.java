package com.kingstonexpress.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.kingstonexpress.platform.infra.FreePorts;
import com.kingstonexpress.platform.infra.KafkaBroker;
import com.kingstonexpress.platform.infra.PostgresServer;

/**
 * The whole system on one machine: a real PostgreSQL (one database per service), a real Kafka broker,
 * every service and the gateway as child processes. Used by {@link Main} and by the end-to-end tests.
 */
public final class LocalStack implements AutoCloseable {

    /** How long a service may take to become ready; {@code KX_READY_TIMEOUT_SECONDS} raises it on a crowded machine. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("KX_READY_TIMEOUT_SECONDS", "180")));

    private final StackConfig config;
    private final PrintStream console;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private final List<ServiceProcess> running = new ArrayList<>();
    /** Extra instances of services ({@code --replicas}): same module, database and consumer groups, their own ports. */
    private final List<StackConfig.Service> replicas = new ArrayList<>();
    private boolean trainClassArchives;
    private long launchedAt;

    public LocalStack(StackConfig config, PrintStream console) {
        this.config = config;
        this.console = console;
    }

    public StackConfig config() {
        return config;
    }

    /**
     * Services and the Kafka broker without a current class-data archive write one when they stop cleanly, for later
     * starts ({@link ClassArchives}, {@link KafkaBroker#trainingClassArchive}); {@code deploy/local/run} asks for it.
     * Test stacks start from what the build made.
     */
    public LocalStack trainingClassArchives() {
        this.trainClassArchives = true;
        return this;
    }

    /**
     * Asks for {@code count} instances in all of each named service (e.g. {@code order=2}), before {@link #start}:
     * the extra ones run on free ports with the same database and Kafka consumer groups, and the gateway is
     * given every instance's URL.
     */
    public LocalStack withReplicas(Map<String, Integer> counts) {
        if (!running.isEmpty()) {
            throw new IllegalStateException("replicas are asked for before start (or added with addReplicas)");
        }
        replicas.addAll(replicaServices(counts));
        return this;
    }

    /**
     * Starts {@code more} extra instances of each named service in a running stack, waits until they are
     * ready, then restarts the gateway (same port) so that it balances over them too.
     */
    public List<StackConfig.Service> addReplicas(Map<String, Integer> more) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        more.forEach((name, n) -> counts.put(name, instancesOf(name).size() + n));
        List<StackConfig.Service> added = replicaServices(counts);
        replicas.addAll(added);
        List<ServiceProcess> started = new ArrayList<>();
        for (StackConfig.Service s : added) {
            started.add(startProcess(s));
        }
        // close() stops what is in running: without this the replicas outlive the stack (and the test JVM).
        running.addAll(started);
        started.forEach(this::awaitReady);
        StackConfig.Service gateway = config.service("gateway");
        for (int i = 0; i < running.size(); i++) {
            if (running.get(i).service().equals(gateway)) {
                running.get(i).stop();
                ServiceProcess again = startProcess(gateway);
                running.set(i, again);
                awaitReady(again);
            }
        }
        return added;
    }

    /** A service's instances, the configured one first ({@code order}, then {@code order-2}, ...). */
    public List<StackConfig.Service> instancesOf(String name) {
        StackConfig.Service first = config.service(name);
        List<StackConfig.Service> all = new ArrayList<>(List.of(first));
        replicas.stream().filter(r -> r.module().equals(first.module())).forEach(all::add);
        return all;
    }

    /** New replica entries (free ports) bringing each named service to its count of instances. */
    private List<StackConfig.Service> replicaServices(Map<String, Integer> counts) {
        List<StackConfig.Service> added = new ArrayList<>();
        counts.forEach((name, count) -> {
            StackConfig.Service first = config.services().stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no service '" + name + "' (replicas of: " + replicable() + ")"));
            if (first.database() == null) {
                throw new IllegalArgumentException("the gateway runs once; replicas of: " + replicable());
            }
            if (count < 1) {
                throw new IllegalArgumentException(name + "=" + count + ": at least 1 instance");
            }
            for (int n = instancesOf(name).size() + 1; n <= count; n++) {
                added.add(new StackConfig.Service(name + "-" + n, first.module(), FreePorts.find(), FreePorts.find(), first.database()));
            }
        });
        return added;
    }

    private String replicable() {
        return config.services().stream().filter(s -> s.database() != null).map(StackConfig.Service::name).collect(Collectors.joining(", "));
    }

    /**
     * Starts everything and waits until every service is ready; on any failure stops what it started. The services
     * start while the broker is still coming up (their Kafka clients connect when it listens), which takes the
     * broker's start-up off the stack's.
     */
    public LocalStack start() {
        return launchInfrastructureThen(this::startServices);
    }

    /**
     * PostgreSQL (with every service's database) and Kafka alone, for services run elsewhere, e.g. by
     * {@code ./mvnw quarkus:dev -pl order-service}; on any failure stops what it started.
     */
    public LocalStack startInfrastructure() {
        return launchInfrastructureThen(this::awaitKafka);
    }

    /**
     * Launches the broker, starts PostgreSQL and its databases while the broker comes up, then runs {@code rest}
     * (which waits for the broker); on any failure stops what it started.
     */
    private LocalStack launchInfrastructureThen(Runnable rest) {
        requirePortsFree();
        launchedAt = System.nanoTime();
        try {
            console.println("local-stack| starting Kafka on " + config.kafkaPort());
            kafka = new KafkaBroker(config.dataDir().resolve("kafka"), config.kafkaPort(), 3);
            if (trainClassArchives) {
                kafka.trainingClassArchive();
            }
            kafka.launch();
            console.println("local-stack| starting PostgreSQL on " + config.postgresPort() + " (data in " + config.dataDir().resolve("postgres") + ")");
            postgres = PostgresServer.start(config.dataDir().resolve("postgres"), config.postgresPort());
            for (StackConfig.Service s : config.services()) {
                if (s.database() != null) {
                    postgres.ensureDatabase(s.database());
                }
            }
            rest.run();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void awaitKafka() {
        kafka.awaitReady(READY_TIMEOUT);
        console.printf("local-stack| Kafka serving on %s after %.1f s%n", kafka.bootstrapServers(), (System.nanoTime() - launchedAt) / 1e9);
    }

    private void startServices() {
        List<StackConfig.Service> all = new ArrayList<>(config.services());
        all.addAll(replicas);
        for (StackConfig.Service s : all) {
            running.add(startProcess(s));
        }
        // All start together (the machine has cores to share); readiness is awaited in parallel.
        ExecutorService waiters = Executors.newFixedThreadPool(running.size() + 1);
        try {
            List<Future<?>> ready = new ArrayList<>();
            ready.add(waiters.submit(this::awaitKafka));
            for (ServiceProcess p : running) {
                ready.add(waiters.submit(() -> awaitReady(p)));
            }
            for (Future<?> f : ready) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        } finally {
            waiters.shutdownNow();
        }
    }

    private ServiceProcess startProcess(StackConfig.Service s) {
        try {
            return ServiceProcess.start(s, s.application(config.root()), environment(s), config.dataDir().resolve("logs"), console, trainClassArchives);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + s.name(), e);
        }
    }

    private void awaitReady(ServiceProcess p) {
        p.awaitReady(READY_TIMEOUT);
        console.printf("local-stack| %s ready on %s after %.1f s%n", p.service().name(), p.service().url(), p.startTime().toMillis() / 1000.0);
    }

    private Map<String, String> environment(StackConfig.Service s) {
        Map<String, String> env = new HashMap<>();
        // The dev profile is the only one that trusts the repository's development key, issuer, webhook secrets
        // and database password; production refuses to start with them (DeploymentTrustCheck).
        env.put("QUARKUS_PROFILE", "dev");
        // Only this machine reaches the services; everyone else goes through the gateway.
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(s.port()));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(s.managementPort()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        if (s.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(s.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        }
        // Traces: the standard OTLP variables reach every service from this environment as they are; a system
        // property of the same name (otel.exporter.otlp.endpoint) is passed on too, for a test's own collector.
        for (String variable : List.of("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL")) {
            String property = System.getProperty(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
            if (property != null) {
                env.put(variable, property);
            }
        }
        if (s.name().equals("notification")) {
            // A developer's own webhook receiver on this machine is plain http; production allows https only.
            env.put("KX_NOTIFICATIONS_ALLOW_INSECURE_LOCALHOST", System.getenv().getOrDefault("KX_NOTIFICATIONS_ALLOW_INSECURE_LOCALHOST", "true"));
        }
        if (s.database() == null) {
            for (StackConfig.Service downstream : config.services()) {
                if (downstream.database() != null) {
                    // Every instance, comma-separated: the gateway takes them in turn.
                    env.put("KX_GATEWAY_SERVICES_" + downstream.name().toUpperCase() + "_URL",
                            instancesOf(downstream.name()).stream().map(StackConfig.Service::url).collect(Collectors.joining(",")));
                }
            }
            // One storefront token places every demo and benchmark order: the limit per principal stays on,
            // high enough that the benchmark measures the system rather than the limiter.
            env.put("KX_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", System.getenv().getOrDefault("KX_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", "2000"));
            env.put("KX_GATEWAY_RATE_LIMIT_BURST", System.getenv().getOrDefault("KX_GATEWAY_RATE_LIMIT_BURST", "4000"));
        }
        return env;
    }

    /** One line per service: start-up time and resident memory, as measured on this machine. */
    public List<String> footprint() {
        List<String> lines = new ArrayList<>();
        for (ServiceProcess p : running) {
            lines.add(String.format("%-11s started in %5.1f s, resident memory %4d MiB", p.service().name(),
                    p.startTime().toMillis() / 1000.0, p.residentMemoryMiB()));
        }
        return lines;
    }

    /** The broker, for fault tests. */
    public KafkaBroker kafka() {
        return kafka;
    }

    /** Kills one instance at once ({@code order}, {@code order-2}, ...), as a crash would, and leaves it dead (fault tests). */
    public void kill(String instance) {
        running.stream().filter(p -> p.service().name().equals(instance)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no instance " + instance)).kill();
    }

    /**
     * Kills the services at once, together, as a crash would, then starts each again and waits until all are ready
     * (fault tests). The crashed run's log is kept beside the new one, as {@code logs/<service>.crashed-<millis>.log}.
     */
    public void restartAfterCrash(String... names) {
        List<Integer> crashed = new ArrayList<>();
        for (String name : names) {
            int index = -1;
            for (int i = 0; i < running.size() && index < 0; i++) {
                index = running.get(i).service().name().equals(name) ? i : -1;
            }
            if (index < 0) {
                throw new IllegalArgumentException("no service " + name);
            }
            crashed.add(index);
        }
        crashed.forEach(i -> running.get(i).kill());
        Path logs = config.dataDir().resolve("logs");
        try {
            for (int i : crashed) {
                ServiceProcess p = running.get(i);
                Path log = logs.resolve(p.service().name() + ".log");
                if (Files.exists(log)) {
                    // A rename: the crashed run's last lines, still on their way, reach it all the same.
                    Files.move(log, logs.resolve(p.service().name() + ".crashed-" + System.currentTimeMillis() + ".log"));
                }
                running.set(i, ServiceProcess.start(p.service(), p.service().application(config.root()), environment(p.service()), logs, console, trainClassArchives));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        crashed.forEach(i -> running.get(i).awaitReady(READY_TIMEOUT));
    }

    /** Stops the services (gateway first), then Kafka, then PostgreSQL. Safe to call more than once. */
    @Override
    public synchronized void close() {
        // The gateway first (no new requests), then the services together, then what they use.
        List<ServiceProcess> services = new ArrayList<>(running);
        services.stream().filter(p -> p.service().database() == null).forEach(ServiceProcess::stop);
        services.removeIf(p -> p.service().database() == null);
        services.forEach(ServiceProcess::requestStop);
        services.forEach(ServiceProcess::awaitStop);
        running.clear();
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private void requirePortsFree() {
        FreePorts.requireFree(config.postgresPort(), "PostgreSQL, KX_POSTGRES_PORT");
        FreePorts.requireFree(config.kafkaPort(), "Kafka, KX_KAFKA_PORT");
        for (StackConfig.Service s : config.services()) {
            FreePorts.requireFree(s.port(), s.name() + ", KX_" + s.name().toUpperCase() + "_PORT");
            FreePorts.requireFree(s.managementPort(), s.name() + " metrics, KX_" + s.name().toUpperCase() + "_MANAGEMENT_PORT");
        }
    }
}
