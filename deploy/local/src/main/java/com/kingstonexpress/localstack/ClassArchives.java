package com.kingstonexpress.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The class-data archive (JDK 17 dynamic CDS) a service's JVM maps at start, or writes when it has none.
 * <p>
 * A trained archive ({@code kx-trained.jsa}, beside {@code quarkus-run.jar}) holds every class the service loaded in a
 * whole run: a service started without a current one writes it when it exits cleanly ({@code -XX:ArchiveClassesAtExit}),
 * and later starts map it instead of reading and verifying those classes from jars. Quarkus's own archive
 * ({@code quarkus.package.jar.appcds.enabled}) stops at the point where the application's beans exist: 6,600 of the
 * 18,400 classes order-service has loaded when it is ready, without Hibernate's runtime, the Kafka clients or Flyway.
 * Measured on the local stack: 11,500-13,400 classes per service from the trained archive, and 20-25% less CPU until
 * ready than with Quarkus's (README, "Performance").
 */
final class ClassArchives {

    static final String TRAINED = "kx-trained.jsa";

    private ClassArchives() {
    }

    /** The archive options of one start; {@code writtenAtExit} is where a training JVM writes its archive, or null. */
    record Choice(List<String> options, Path writtenAtExit) {
    }

    /** A current trained archive if there is one; otherwise, when {@code train}, a start that writes one. */
    static Choice choose(Path application, boolean train) {
        Path trained = application.resolveSibling(TRAINED);
        if (isCurrent(trained, application)) {
            return new Choice(List.of("-XX:SharedArchiveFile=" + trained), null);
        }
        if (train) {
            // A name per JVM: two instances of one service (replicas) write theirs at the same time.
            Path written = application.resolveSibling(TRAINED + "." + UUID.randomUUID() + ".part");
            return new Choice(List.of("-XX:ArchiveClassesAtExit=" + written), written);
        }
        return new Choice(List.of(), null);
    }

    /**
     * After a training JVM exited on its own: its archive becomes the trained one (replacing another instance's, which
     * holds the same classes). A JVM killed while writing leaves a partial file, which is dropped instead.
     */
    static void settle(Path writtenAtExit, boolean exitedOnItsOwn) {
        try {
            if (exitedOnItsOwn && Files.exists(writtenAtExit)) {
                Files.move(writtenAtExit, trainedBeside(writtenAtExit), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(writtenAtExit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the class-data archive " + writtenAtExit, e);
        }
    }

    private static Path trainedBeside(Path written) {
        return written.resolveSibling(TRAINED);
    }

    /**
     * Newer than every file of the application and than the JDK's class library: a rebuild or another JDK makes an
     * archive one the JVM refuses (it then starts without any), so such an archive is trained again instead.
     */
    static boolean isCurrent(Path archive, Path application) {
        if (!Files.exists(archive)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(application.getParent())) {
            FileTime made = Files.getLastModifiedTime(archive);
            Path jdkClasses = Path.of(System.getProperty("java.home"), "lib", "modules");
            if (Files.exists(jdkClasses) && Files.getLastModifiedTime(jdkClasses).compareTo(made) > 0) {
                return false;
            }
            return files.filter(Files::isRegularFile).filter(f -> !isArchive(f)).allMatch(f -> modified(f).compareTo(made) <= 0);
        } catch (IOException | UncheckedIOException e) {
            return false; // a file changed under the walk: train again
        }
    }

    private static boolean isArchive(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jsa") || name.endsWith(".part");
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
