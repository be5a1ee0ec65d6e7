package com.kingstonexpress.platform.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) running in a child JVM.
 *
 * <p>The broker's classpath comes from the {@code kafka-broker} module, so Kafka's Scala and Jackson
 * versions never meet the Quarkus classpath. Because it is a separate process, fault tests can
 * {@link #kill()} it and {@link #start()} it again on the same log directory.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "kx/kafka-broker.classpath";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private boolean trainClassArchive;
    private Process process;
    /** Where the running broker writes its class-data archive when it exits, or null. */
    private Path archiveWrittenAtExit;

    /**
     * @param dataDir    where the broker keeps its logs; reused across restarts
     * @param port       client port on 127.0.0.1 (0 picks a free one once, kept across restarts)
     * @param partitions default partition count of auto-created topics
     */
    public KafkaBroker(Path dataDir, int port, int partitions) {
        this.dataDir = dataDir;
        this.port = port == 0 ? FreePorts.find() : port;
        this.controllerPort = FreePorts.find();
        this.partitions = partitions;
    }

    /**
     * Without a current class-data archive in the data folder, the broker writes one when it stops cleanly
     * ({@link ClassDataArchive}), and later starts on the same folder map it: measured on this project's machine, the
     * broker listened after 2.4-3.2 s instead of 3.4-3.8 s, with 3.1-4.2 instead of 4.2-4.6 s of CPU. Whether or not
     * this is asked for, a current archive there is mapped.
     */
    public KafkaBroker trainingClassArchive() {
        this.trainClassArchive = true;
        return this;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Formats the storage on first use, starts the broker and waits until it serves metadata. */
    public synchronized void start() {
        start(Duration.ofSeconds(90));
    }

    /**
     * As {@link #start()}, waiting up to {@code readyTimeout}: a restart after {@link #kill()} recovers its logs
     * first, which on a busy machine takes longer than a first start.
     */
    public synchronized void start(Duration readyTimeout) {
        launch();
        awaitReady(readyTimeout);
    }

    /**
     * Starts the broker's process without waiting for it to serve (formatting its storage first on first use), so
     * that a caller can start its clients meanwhile; {@link #awaitReady} then waits. Kafka clients retry until the
     * broker listens.
     */
    public synchronized void launch() {
        if (process != null && process.isAlive()) {
            return;
        }
        FreePorts.requireFree(port, "Kafka broker");
        try {
            Files.createDirectories(dataDir);
            Path config = writeConfig();
            if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
                run(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", config.toString()),
                        dataDir.resolve("format.log"), Duration.ofMinutes(2));
            }
            String classpath = brokerClasspath();
            ClassDataArchive.Choice archive = ClassDataArchive.choose(classArchive(classpath), classpathFiles(classpath), trainClassArchive);
            archiveWrittenAtExit = archive.writtenAtExit();
            List<String> options = new ArrayList<>(archive.options());
            options.addAll(List.of("kafka.Kafka", config.toString()));
            process = javaProcess(options, dataDir.resolve("broker.log")).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Kafka broker in " + dataDir, e);
        }
    }

    /** Stops the broker cleanly (SIGTERM) and waits for it to exit. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        // Writing a class-data archive at exit takes a few seconds more.
        settleArchive(awaitExit(Duration.ofSeconds(archiveWrittenAtExit != null ? 60 : 30)));
    }

    /** Kills the broker at once (SIGKILL), as a crash would; {@link #start()} brings it back on the same data. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
        settleArchive(false);
    }

    @Override
    public void close() {
        stop();
    }

    /** Waits for the broker to exit, killing it after {@code timeout}; true when it exited on its own. */
    private boolean awaitExit(Duration timeout) {
        boolean exitedOnItsOwn = false;
        try {
            exitedOnItsOwn = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exitedOnItsOwn) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        return exitedOnItsOwn;
    }

    private void settleArchive(boolean exitedOnItsOwn) {
        if (archiveWrittenAtExit != null) {
            ClassDataArchive.settle(archiveWrittenAtExit, exitedOnItsOwn);
            archiveWrittenAtExit = null;
        }
    }

    /** One archive per broker class path and JDK: the JVM maps an archive only with the class path it was made with. */
    private Path classArchive(String classpath) {
        String made = classpath + "|" + System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
        return dataDir.resolve("broker-classes-" + Integer.toHexString(made.hashCode()) + ".jsa");
    }

    private static List<Path> classpathFiles(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator)).map(Path::of).toList();
    }

    private String clusterId() throws IOException {
        Path idFile = dataDir.resolve("cluster.id");
        if (Files.exists(idFile)) {
            return Files.readString(idFile).trim();
        }
        // A Kafka cluster id is a base64url-encoded UUID of 22 characters. One that starts with '-' would be read
        // as an option by the storage tool's argument parser (one id in 64), so such ids are drawn again, as
        // Kafka's own Uuid.randomUuid() does.
        String id;
        do {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        } while (id.startsWith("-"));
        Files.writeString(idFile, id);
        return id;
    }

    private Path writeConfig() throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("logs").toString());
        p.setProperty("num.partitions", Integer.toString(partitions));
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        // The outbox relays publish in transactions: their coordinator topic is made at the first one, 3 partitions
        // instead of 50 so that first batch does not wait for it.
        p.setProperty("transaction.state.log.num.partitions", "3");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Fast consumer-group turnover: tests and the local stack start and stop consumers often.
        p.setProperty("group.consumer.min.session.timeout.ms", "6000");
        p.setProperty("group.min.session.timeout.ms", "1000");
        p.setProperty("log.flush.interval.messages", "1");
        Path file = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "generated by KafkaBroker; rewritten at each start");
        }
        return file;
    }

    /** {@code optionsAndMain}: JVM options after the class path, then the main class and its arguments. */
    private ProcessBuilder javaProcess(List<String> optionsAndMain, Path logFile) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dlog4j2.level=WARN");
        command.add("-Dkafka.logs.dir=" + dataDir.resolve("app-logs"));
        command.add("-cp");
        command.add(brokerClasspath());
        command.addAll(optionsAndMain);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    }

    private void run(List<String> mainAndArgs, Path logFile, Duration timeout) throws IOException {
        Process p = javaProcess(mainAndArgs, logFile).start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("Kafka storage format failed; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    /**
     * Waits until the broker {@link #launch launched} serves metadata. Not synchronized itself: while a caller of
     * {@code launch} waits here, {@link #stop} or {@link #kill} from another thread (a shutdown hook) goes ahead, and
     * the wait then fails at once. ({@link #start()} holds the lock throughout, as it always did.)
     */
    public void awaitReady(Duration timeout) {
        Process process;
        synchronized (this) {
            process = this.process;
        }
        if (process == null) {
            throw new IllegalStateException("the Kafka broker was not launched");
        }
        Instant deadline = Instant.now().plus(timeout);
        Properties admin = new Properties();
        admin.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        admin.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        admin.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited at start; see " + dataDir.resolve("broker.log"));
            }
            if (portOpen()) {
                try (Admin client = Admin.create(admin)) {
                    client.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    // the broker accepts connections before it has joined its own quorum
                }
            }
            pause();
        }
        throw new IllegalStateException("Kafka broker not ready within " + timeout + "; see " + dataDir.resolve("broker.log"));
    }

    private boolean portOpen() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String brokerClasspath() throws IOException {
        try (InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " missing: build the platform/kafka-broker module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
