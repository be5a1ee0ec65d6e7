package com.kingstonexpress.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.kingstonexpress.platform.infra.ClassDataArchive;

/**
 * The class-data archive (JDK 17 dynamic CDS) a service's JVM maps at start, or writes when it has none.
 * <p>
 * A trained archive ({@code kx-trained.jsa}, beside {@code quarkus-run.jar}) holds every class the service loaded in a
 * whole run: a service started without a current one writes it when it exits cleanly ({@code -XX:ArchiveClassesAtExit}),
 * and later starts map it instead of reading and verifying those classes from jars. Quarkus's own archive
 * ({@code quarkus.package.jar.appcds.enabled}) stops at the point where the application's beans exist: 6,600 of the
 * 18,400 classes order-service has loaded when it is ready, without Hibernate's runtime, the Kafka clients or Flyway.
 * Measured on the local stack: 11,500-13,400 classes per service from the trained archive, and 20-25% less CPU until
 * ready than with Quarkus's (docs/performance.md).
 */
final class ClassArchives {

    static final String TRAINED = "kx-trained.jsa";

    private ClassArchives() {
    }

    /** A current trained archive beside {@code application} if there is one; otherwise, when {@code train}, a start that writes one. */
    static ClassDataArchive.Choice choose(Path application, boolean train) {
        return ClassDataArchive.choose(application.resolveSibling(TRAINED), applicationFiles(application), train);
    }

    /** Every file of the application's folder but the archives: a rebuild touches some of them. */
    private static List<Path> applicationFiles(Path application) {
        try (Stream<Path> files = Files.walk(application.getParent())) {
            return files.filter(Files::isRegularFile).filter(f -> !ClassDataArchive.isArchiveFile(f)).toList();
        } catch (IOException | UncheckedIOException e) {
            // A file changed under the walk: an input that cannot exist makes the archive stale, so it is trained again.
            return List.of(application.resolveSibling("changed-while-read"));
        }
    }
}
