package com.kingstonexpress.localstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.ToolProvider;

import com.kingstonexpress.platform.infra.ClassDataArchive;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM started to train writes its class-data archive when SIGTERM stops it, and the next JVM of the same application
 * maps it ({@code -Xshare:on} fails a JVM that cannot); a rebuilt application trains again. Real JVMs, a tiny
 * application shaped like a Quarkus one ({@code quarkus-app/quarkus-run.jar}, started from its folder).
 */
class ClassArchivesTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;
    Path application;

    @BeforeEach
    void buildApplication() throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src"));
        Files.writeString(sources.resolve("Fixture.java"), """
                public class Fixture {
                    public static void main(String[] args) throws Exception {
                        System.out.println("up");
                        System.out.flush();
                        if (args.length == 0) {
                            new java.util.concurrent.CountDownLatch(1).await(); // until SIGTERM
                        }
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), sources.resolve("Fixture.java").toString()));
        application = Files.createDirectories(dir.resolve("quarkus-app")).resolve("quarkus-run.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Fixture");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(application), manifest)) {
            jar.putNextEntry(new JarEntry("Fixture.class"));
            jar.write(Files.readAllBytes(classes.resolve("Fixture.class")));
            jar.closeEntry();
        }
        aged(application, 60);
    }

    @Test
    void aStartWithoutAnArchiveTrainsOneOnlyWhenAsked() {
        ClassDataArchive.Choice plain = ClassArchives.choose(application, false);
        assertEquals(List.of(), plain.options());
        assertNull(plain.writtenAtExit());

        ClassDataArchive.Choice training = ClassArchives.choose(application, true);
        assertNotNull(training.writtenAtExit());
        assertEquals(application.getParent(), training.writtenAtExit().getParent());
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + training.writtenAtExit()), training.options());
        assertFalse(training.writtenAtExit().equals(ClassArchives.choose(application, true).writtenAtExit()),
                "two instances of a service write different files");
    }

    @Test
    void theArchiveWrittenAtSigtermIsMappedByTheNextStart() throws Exception {
        ClassDataArchive.Choice training = ClassArchives.choose(application, true);
        trainUntilSigterm(training, () -> {
        });
        Path trained = application.resolveSibling(ClassArchives.TRAINED);
        assertTrue(Files.exists(trained));
        assertFalse(Files.exists(training.writtenAtExit()));

        ClassDataArchive.Choice next = ClassArchives.choose(application, true);
        assertEquals(List.of("-XX:SharedArchiveFile=" + trained), next.options());
        assertNull(next.writtenAtExit(), "a current archive is not trained again");
        List<String> options = new ArrayList<>(next.options());
        options.addAll(List.of("-Xshare:on", "-Xlog:class+load=info"));
        Process mapped = start(options, List.of("once"));
        String output = new String(mapped.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(mapped.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, mapped.exitValue(), output);
        assertTrue(output.contains("Fixture source: shared objects file (top)"), output);
    }

    @Test
    void aServiceStartedToTrainLeavesItsArchiveWhenTheStackStopsIt() throws Exception {
        StackConfig.Service service = new StackConfig.Service("fixture", "fixture", 1, 2, null);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path logs = dir.resolve("logs");
        ServiceProcess training = ServiceProcess.start(service, application, Map.of(), logs, new PrintStream(console, true, StandardCharsets.UTF_8), true);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("this run writes one when the stack stops"));
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(logs.resolve("fixture.log"))
                && Files.readString(logs.resolve("fixture.log")).contains("up"));
        training.stop();
        assertTrue(Files.exists(application.resolveSibling(ClassArchives.TRAINED)));
        try (var left = Files.list(application.getParent())) {
            assertEquals(List.of(), left.filter(f -> f.toString().endsWith(".part")).toList());
        }

        console.reset();
        ServiceProcess next = ServiceProcess.start(service, application, Map.of(), logs, new PrintStream(console, true, StandardCharsets.UTF_8), true);
        next.kill();
        assertEquals("", console.toString(StandardCharsets.UTF_8), "a current archive: nothing to train");
        assertTrue(Files.exists(application.resolveSibling(ClassArchives.TRAINED)), "a killed start that did not train keeps it");
    }

    @Test
    void aRebuiltApplicationTrainsAgain() throws IOException {
        ClassDataArchive.Choice training = ClassArchives.choose(application, true);
        Files.writeString(training.writtenAtExit(), "archive");
        ClassDataArchive.settle(training.writtenAtExit(), true);
        assertNull(ClassArchives.choose(application, true).writtenAtExit(), "no file changed since the training start: current");

        Path library = Files.createDirectories(application.resolveSibling("lib").resolve("main")).resolve("library.jar");
        try (OutputStream jar = Files.newOutputStream(library)) {
            jar.write(1);
        }
        assertNotNull(ClassArchives.choose(application, true).writtenAtExit(), "a file added since: stale");
        assertEquals(List.of(), ClassArchives.choose(application, false).options(), "a stale archive is never mapped");
    }

    /**
     * A jar rebuilt (or touched) while the training JVM runs is older than the archive written at its exit, yet not
     * the jar the archive was made from: the JVM refuses that archive, so the stack must train a new one rather than
     * map it at every start (it did, when an archive newer than every file counted as current).
     */
    @Test
    void aJarChangedWhileTheTrainingJvmRanMakesItsArchiveStale() throws Exception {
        ClassDataArchive.Choice training = ClassArchives.choose(application, true);
        // Rebuilt while it runs: another time, still before the archive's.
        trainUntilSigterm(training, () -> aged(application, 30));
        Path trained = application.resolveSibling(ClassArchives.TRAINED);
        assertTrue(Files.getLastModifiedTime(trained).compareTo(Files.getLastModifiedTime(application)) > 0);

        Process refused = start(List.of("-XX:SharedArchiveFile=" + trained, "-Xshare:on"), List.of("once"));
        String output = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(refused.waitFor(60, TimeUnit.SECONDS));
        assertTrue(refused.exitValue() != 0 && output.contains("not the one used while building the shared archive"), output);

        assertEquals(List.of(), ClassArchives.choose(application, false).options(), "an archive the JVM refuses is never mapped");
        assertNotNull(ClassArchives.choose(application, true).writtenAtExit(), "and is trained again");
    }

    @Test
    void aJvmKilledWhileWritingLeavesNoArchive() throws IOException {
        ClassDataArchive.Choice training = ClassArchives.choose(application, true);
        Files.writeString(training.writtenAtExit(), "half an archive");
        ClassDataArchive.settle(training.writtenAtExit(), false);
        assertFalse(Files.exists(training.writtenAtExit()));
        assertFalse(Files.exists(application.resolveSibling(ClassArchives.TRAINED)));
        try (var left = Files.list(application.getParent())) {
            assertEquals(List.of(), left.filter(ClassDataArchive::isArchiveFile).toList(), "neither the partial archive nor its record");
        }
    }

    /** What a test does to the application while the training JVM is up. */
    private interface WhileUp {
        void run() throws IOException;
    }

    /** Starts a JVM that trains, does {@code whileUp}, stops it as the stack stops a service (SIGTERM), keeps its archive. */
    private void trainUntilSigterm(ClassDataArchive.Choice training, WhileUp whileUp) throws Exception {
        Process jvm = start(training.options(), List.of());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("up", out.readLine());
            whileUp.run();
            jvm.destroy();
            assertTrue(jvm.waitFor(60, TimeUnit.SECONDS));
        }
        ClassDataArchive.settle(training.writtenAtExit(), true);
    }

    private Process start(List<String> archiveOptions, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-XX:+UseSerialGC"));
        command.addAll(archiveOptions);
        command.addAll(List.of("-jar", application.getFileName().toString()));
        command.addAll(args);
        return new ProcessBuilder(command).directory(application.getParent().toFile()).redirectErrorStream(true).start();
    }

    /** Sets the file's modification time {@code minutes} ago, clear of the file system's time resolution. */
    private static void aged(Path file, long minutes) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(minutes * 60)));
    }
}
