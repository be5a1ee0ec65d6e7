package com.kingstonexpress.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A JVM's trained class-data archive (JDK 17 dynamic CDS): mapped at start when it is current, written when the JVM
 * exits cleanly when there is none and training is asked for ({@code -XX:ArchiveClassesAtExit}).
 * <p>
 * A mapped archive saves reading, parsing and verifying each class it holds from its jar at every start: a service
 * used 20-25% less CPU until ready than with Quarkus's own, smaller archive, the Kafka broker about a quarter less
 * than with none (README, "Performance"). The JVM
 * refuses an archive made from other jars or another JDK and then starts without one, so an archive older than any
 * of its inputs, or than the JDK's class library, is not current and is trained again.
 */
public final class ClassDataArchive {

    private static final String PART = ".part";
    /**
     * A partial archive this old is abandoned: a JVM writes its archive in seconds as it exits, and a launcher killed
     * meanwhile (SIGKILL) cannot drop the file itself.
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private ClassDataArchive() {
    }

    /**
     * The archive options of one start.
     *
     * @param options       the JVM options to add (none when there is nothing to map or train)
     * @param writtenAtExit where a training JVM writes its archive, or null; hand it to {@link #settle} once the JVM
     *                      has exited
     */
    public record Choice(List<String> options, Path writtenAtExit) {
    }

    /**
     * Maps {@code trained} if it is current against {@code inputs} (the files the JVM loads classes from); otherwise,
     * when {@code train}, a start that writes a new one when it exits.
     */
    public static Choice choose(Path trained, Collection<Path> inputs, boolean train) {
        if (isCurrent(trained, inputs)) {
            return new Choice(List.of("-XX:SharedArchiveFile=" + trained), null);
        }
        if (train) {
            dropAbandonedParts(trained, Instant.now());
            // A name per JVM: two instances of one service (replicas) write theirs at the same time.
            Path written = trained.resolveSibling(trained.getFileName() + "." + UUID.randomUUID() + PART);
            return new Choice(List.of("-XX:ArchiveClassesAtExit=" + written), written);
        }
        return new Choice(List.of(), null);
    }

    /**
     * After a training JVM exited: an archive written by a JVM that exited on its own becomes the trained one
     * (replacing another instance's, which holds the same classes); a JVM killed while writing leaves a partial
     * file, which is dropped instead.
     */
    public static void settle(Path writtenAtExit, boolean exitedOnItsOwn) {
        try {
            if (exitedOnItsOwn && Files.exists(writtenAtExit)) {
                Files.move(writtenAtExit, trainedFor(writtenAtExit), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(writtenAtExit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the class-data archive " + writtenAtExit, e);
        }
    }

    /**
     * Deletes partial archives of {@code trained} last written before {@code now} minus {@link #ABANDONED_AFTER}; one
     * being written now (another replica exiting) is younger and stays. Best effort: a leftover only takes disk.
     */
    static void dropAbandonedParts(Path trained, Instant now) {
        String prefix = trained.getFileName() + ".";
        Instant cutoff = now.minus(ABANDONED_AFTER);
        try (Stream<Path> siblings = Files.list(trained.toAbsolutePath().getParent())) {
            for (Path file : siblings.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(PART) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // the folder unreadable or a file gone meanwhile: the next training start tries again
        }
    }

    /** Whether a file is an archive or one being written (to leave out of an application's inputs). */
    public static boolean isArchiveFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jsa") || name.endsWith(PART);
    }

    /** Exists, and is newer than every input and than the JDK's class library. */
    static boolean isCurrent(Path archive, Collection<Path> inputs) {
        if (!Files.exists(archive)) {
            return false;
        }
        try {
            FileTime made = Files.getLastModifiedTime(archive);
            Path jdkClasses = Path.of(System.getProperty("java.home"), "lib", "modules");
            if (Files.exists(jdkClasses) && Files.getLastModifiedTime(jdkClasses).compareTo(made) > 0) {
                return false;
            }
            for (Path input : inputs) {
                if (Files.getLastModifiedTime(input).compareTo(made) > 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false; // an input gone or unreadable: train again
        }
    }

    /** {@code name.jsa.<uuid>.part} is written for {@code name.jsa}. */
    private static Path trainedFor(Path written) {
        String name = written.getFileName().toString();
        String withoutPart = name.substring(0, name.length() - PART.length());
        return written.resolveSibling(withoutPart.substring(0, withoutPart.lastIndexOf('.')));
    }
}
