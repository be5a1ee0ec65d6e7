package com.kingstonexpress.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.kingstonexpress.platform.infra.ClassDataArchive;

/** One service of the stack as a child JVM, its output prefixed on the console and kept in a log file. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StackConfig.Service service;
    private final Process process;
    /** Where this JVM writes a trained class-data archive when it exits, or null (see {@link ClassArchives}). */
    private final Path archiveWrittenAtExit;
    private final Instant startedAt = Instant.now();
    private volatile Duration readyAfter;

    private ServiceProcess(StackConfig.Service service, Process process, Path archiveWrittenAtExit) {
        this.service = service;
        this.process = process;
        this.archiveWrittenAtExit = archiveWrittenAtExit;
    }

    /**
     * Starts the service's JVM. {@code trainClassArchive}: without a current trained class-data archive, this JVM
     * writes one when it stops cleanly, for later starts ({@link ClassArchives}).
     */
    static ServiceProcess start(StackConfig.Service service, Path application, Map<String, String> env, Path logDir,
            PrintStream console, boolean trainClassArchive) throws IOException {
        if (!Files.exists(application)) {
            throw new IllegalStateException(application + " is missing: build first (deploy/local/run builds what is missing)");
        }
        String prefix = String.format("%-11s| ", service.name());
        ClassDataArchive.Choice archive = ClassArchives.choose(application, trainClassArchive);
        if (archive.writtenAtExit() != null) {
            console.println(prefix + "no class-data archive for this build yet: this run writes one when the stack stops, and later starts load from it");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions(service));
        command.addAll(archive.options());
        // From the application's folder, by its relative name: a class-data archive records the class path its JVM
        // was started with (quarkus-run.jar, lib/boot/...) and is refused for any other spelling of it.
        command.addAll(List.of("-jar", application.getFileName().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(application.toAbsolutePath().getParent().toFile()).redirectErrorStream(true);
        // glibc opens up to 8 malloc arenas per core as threads allocate (64 MiB reserved each, part of it touched):
        // resident memory that no heap flag bounds. Two are plenty for a JVM, whose own objects live in the Java
        // heap. A value already in the environment wins.
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(env);
        Process process = builder.start();
        Files.createDirectories(logDir);
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(logDir.resolve(service.name() + ".log"), StandardCharsets.UTF_8), true);
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null;) {
                    console.println(prefix + line);
                    log.println(line);
                }
            } catch (IOException ignored) {
                // the process ended
            } finally {
                log.close();
            }
        }, "log-" + service.name());
        pump.setDaemon(true);
        pump.start();
        return new ServiceProcess(service, process, archive.writtenAtExit());
    }

    /**
     * JVM flags for a 2-core machine running six JVMs beside PostgreSQL and Kafka: the serial collector (no GC
     * threads competing for the two cores; pauses are short on heaps this small), heaps sized to what a service
     * holds under the benchmark with room to spare (the gateway keeps no state). The class-data archive is chosen
     * apart ({@link ClassArchives}).
     * <p>
     * The client compiler only ({@code TieredStopAtLevel=1}): six JVMs' C2 compiler threads took the cores from the
     * requests for minutes after each start, and C2's arenas stayed resident. Measured on a fresh stack with the same
     * warm-up (docs/performance.md): creates, gets and seller actions 1.2-1.9 times as fast, ready 8 s sooner,
     * 17-61 MiB less per service; the lists mixed, from 0.7 to 1.3 times as fast. Tried again for order-service and the
     * gateway alone: once warm their reads ran 1.1-1.5 times as fast, for 45-66 MiB more each and a slower first run.
     * <p>
     * A young generation of 24 MiB from the start ({@code -Xmn24m}): the serial collector otherwise starts it at a
     * third of {@code -Xms}, about 11 MiB. In two pairs of center runs on fresh stacks it applied 1.4 and 1.8 times as
     * many events per second, with the same resident memory (docs/performance.md).
     */
    static List<String> jvmOptions(StackConfig.Service service) {
        return List.of("-XX:+UseSerialGC", "-Xms32m", service.database() == null ? "-Xmx128m" : "-Xmx192m", "-Xmn24m",
                "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:TieredStopAtLevel=1");
    }

    StackConfig.Service service() {
        return service;
    }

    /** Waits until the service reports ready on {@code /q/health/ready}; fails fast if the process died. */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with code " + process.exitValue() + " during start; see its log above");
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    readyAfter = Duration.between(startedAt, Instant.now());
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException(service.name() + " not ready within " + timeout.toSeconds() + " s");
    }

    /** Resident memory of the service's JVM in MiB (Linux), or -1 where the system does not say. */
    long residentMemoryMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** From process start to the first ready answer (start-up time as a user waits for it). */
    Duration startTime() {
        return readyAfter != null ? readyAfter : Duration.between(startedAt, Instant.now());
    }

    /** SIGTERM, a grace period for a clean Quarkus shutdown, then SIGKILL. */
    void stop() {
        requestStop();
        awaitStop();
    }

    /** Sends SIGTERM: Quarkus shuts down cleanly (consumers commit, the outbox relay stops). */
    void requestStop() {
        process.destroy();
    }

    /**
     * Waits for the process to end, killing it if it takes longer than the grace period: 20 s, or 60 s for a JVM
     * that writes its class-data archive at exit (seconds of work on a busy machine).
     */
    void awaitStop() {
        boolean exitedOnItsOwn = false;
        try {
            exitedOnItsOwn = process.waitFor(archiveWrittenAtExit != null ? 60 : 20, TimeUnit.SECONDS);
            if (!exitedOnItsOwn) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        settleArchive(exitedOnItsOwn);
    }

    /** Kills the service at once, as a crash would (fault tests). */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        settleArchive(false);
    }

    private void settleArchive(boolean exitedOnItsOwn) {
        if (archiveWrittenAtExit != null && !process.isAlive()) {
            ClassDataArchive.settle(archiveWrittenAtExit, exitedOnItsOwn);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }
}
