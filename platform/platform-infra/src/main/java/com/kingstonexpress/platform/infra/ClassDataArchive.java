package com.kingstonexpress.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * than with none (docs/performance.md).
 * <p>
 * The JVM refuses an archive whose jars differ in size or modification time from those it was made with, or that was
 * made by another JDK, and then starts without one and says so only on its console. So a training start records its
 * inputs as it starts ({@code <archive>.inputs}: each file's path, size and modification time, and the JDK's class
 * library), and an archive is current only while its inputs are still exactly those. Comparing times instead (an
 * archive newer than every input) kept an archive the JVM refused for good: a jar rebuilt or touched while the
 * training JVM ran is older than the archive written at its exit, yet not the jar the archive was made from.
 */
public final class ClassDataArchive {

    private static final String PART = ".part";
    private static final String INPUTS = ".inputs";
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
        String fingerprint = fingerprint(inputs);
        if (isCurrent(trained, fingerprint)) {
            return new Choice(List.of("-XX:SharedArchiveFile=" + trained), null);
        }
        if (train && fingerprint != null) {
            dropAbandonedParts(trained, Instant.now());
            // A name per JVM: two instances of one service (replicas) write theirs at the same time.
            String name = trained.getFileName() + "." + UUID.randomUUID();
            Path written = trained.resolveSibling(name + PART);
            try {
                Files.writeString(trained.resolveSibling(name + INPUTS + PART), fingerprint);
            } catch (IOException e) {
                return new Choice(List.of(), null); // a folder it cannot write to: run without an archive
            }
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
        Path inputsWritten = inputsOf(writtenAtExit);
        try {
            if (exitedOnItsOwn && Files.exists(writtenAtExit) && Files.exists(inputsWritten)) {
                Path trained = trainedFor(writtenAtExit);
                // The record last: an archive left without one (a crash between the moves) is trained again.
                Files.deleteIfExists(inputsOf(trained));
                Files.move(writtenAtExit, trained, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.move(inputsWritten, inputsOf(trained), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(writtenAtExit);
                Files.deleteIfExists(inputsWritten);
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

    /** Whether a file is an archive, its record of inputs, or one being written (to leave out of an application's inputs). */
    public static boolean isArchiveFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jsa") || name.endsWith(".jsa" + INPUTS) || name.endsWith(PART);
    }

    /** Exists, with a record of the inputs it was made from that matches {@code fingerprint}. */
    static boolean isCurrent(Path archive, String fingerprint) {
        Path record = inputsOf(archive);
        if (fingerprint == null || !Files.exists(archive) || !Files.exists(record)) {
            return false;
        }
        try {
            return Files.readString(record).equals(fingerprint);
        } catch (IOException e) {
            return false; // unreadable: train again
        }
    }

    /**
     * What the JVM checks an archive against: each input's path, size and modification time, and the JDK's class
     * library; null when an input is gone or unreadable.
     */
    static String fingerprint(Collection<Path> inputs) {
        List<Path> files = new ArrayList<>(inputs);
        Path jdkClasses = Path.of(System.getProperty("java.home"), "lib", "modules");
        if (Files.exists(jdkClasses)) { // an exploded JDK build has none
            files.add(jdkClasses);
        }
        StringBuilder record = new StringBuilder();
        try {
            for (Path file : files.stream().map(Path::toAbsolutePath).sorted().toList()) {
                record.append(file).append('\t').append(Files.size(file)).append('\t')
                        .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
            }
        } catch (IOException e) {
            return null;
        }
        return record.toString();
    }

    /** {@code name.jsa.inputs} for {@code name.jsa}; {@code name.jsa.<uuid>.inputs.part} for {@code name.jsa.<uuid>.part}. */
    private static Path inputsOf(Path archive) {
        String name = archive.getFileName().toString();
        return name.endsWith(PART)
                ? archive.resolveSibling(name.substring(0, name.length() - PART.length()) + INPUTS + PART)
                : archive.resolveSibling(name + INPUTS);
    }

    /** {@code name.jsa.<uuid>.part} is written for {@code name.jsa}. */
    private static Path trainedFor(Path written) {
        String name = written.getFileName().toString();
        String withoutPart = name.substring(0, name.length() - PART.length());
        return written.resolveSibling(withoutPart.substring(0, withoutPart.lastIndexOf('.')));
    }
}
