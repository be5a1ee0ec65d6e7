package com.kingstonexpress.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive is mapped only with the record of the inputs it was made from, while they are unchanged; a partial
 * archive left by a launcher killed while a JVM wrote it is dropped by the next start that trains.
 */
class ClassDataArchiveTest {

    @TempDir
    Path folder;

    @Test
    void aTrainingStartDropsItsArchivesAbandonedPartialFilesOnly() throws IOException {
        Path trained = folder.resolve("kx-trained.jsa");
        Path input = Files.writeString(folder.resolve("app.jar"), "classes");
        Instant longAgo = Instant.now().minus(ClassDataArchive.ABANDONED_AFTER).minusSeconds(60);
        Path abandoned = part("kx-trained.jsa.0b6c5f0e-aaaa-4bbb-8ccc-000000000001.part", longAgo);
        Path beingWritten = part("kx-trained.jsa.0b6c5f0e-aaaa-4bbb-8ccc-000000000002.part", Instant.now());
        Path abandonedRecord = part("kx-trained.jsa.0b6c5f0e-aaaa-4bbb-8ccc-000000000001.inputs.part", longAgo);
        Path anotherArchives = part("broker-classes-1234.jsa.0b6c5f0e-aaaa-4bbb-8ccc-000000000003.part", longAgo);

        ClassDataArchive.Choice choice = ClassDataArchive.choose(trained, List.of(input), true);

        assertTrue(choice.options().get(0).startsWith("-XX:ArchiveClassesAtExit="), choice.options().toString());
        assertFalse(Files.exists(abandoned), "a partial archive older than a JVM's exit takes is left behind");
        assertFalse(Files.exists(abandonedRecord), "the record of its inputs is left behind");
        assertTrue(Files.exists(beingWritten), "a partial archive another JVM may be writing now is gone");
        assertTrue(Files.exists(anotherArchives), "another archive's partial file is gone");
    }

    @Test
    void aStartThatMapsOrDoesNotTrainLeavesTheFolderAlone() throws IOException {
        Path trained = folder.resolve("kx-trained.jsa");
        Path input = Files.writeString(folder.resolve("app.jar"), "classes");
        Path abandoned = part("kx-trained.jsa.0b6c5f0e-aaaa-4bbb-8ccc-000000000001.part",
                Instant.now().minus(ClassDataArchive.ABANDONED_AFTER).minusSeconds(60));

        assertEquals(List.of(), ClassDataArchive.choose(trained, List.of(input), false).options());
        assertTrue(Files.exists(abandoned));
    }

    @Test
    void anArchiveIsMappedOnlyWithARecordOfExactlyTheInputsItWasMadeFrom() throws IOException {
        Path trained = folder.resolve("kx-trained.jsa");
        Path input = Files.writeString(folder.resolve("app.jar"), "classes");
        ClassDataArchive.settle(trainingStartThatWrote(trained, input), true);
        assertEquals(List.of("-XX:SharedArchiveFile=" + trained), ClassDataArchive.choose(trained, List.of(input), false).options());

        Files.setLastModifiedTime(input, FileTime.from(Instant.now().minusSeconds(3_600)));
        assertEquals(List.of(), ClassDataArchive.choose(trained, List.of(input), false).options(),
                "an input with another time, even an older one: not mapped");
        assertTrue(ClassDataArchive.choose(trained, List.of(input), true).options().get(0).startsWith("-XX:ArchiveClassesAtExit="));

        Files.delete(folder.resolve("kx-trained.jsa.inputs"));
        assertTrue(Files.exists(trained));
        assertEquals(List.of(), ClassDataArchive.choose(trained, List.of(input), false).options(),
                "an archive without its record (made before records were kept): not mapped");

        assertEquals(List.of(), ClassDataArchive.choose(trained, List.of(folder.resolve("gone.jar")), true).options(),
                "an input gone: neither mapped nor trained");
    }

    @Test
    void aTrainingJvmWhoseRecordIsGoneLeavesNoArchive() throws IOException {
        Path trained = folder.resolve("kx-trained.jsa");
        Path written = trainingStartThatWrote(trained, Files.writeString(folder.resolve("app.jar"), "classes"));
        try (var files = Files.list(folder)) {
            for (Path record : files.filter(f -> f.getFileName().toString().endsWith(".inputs.part")).toList()) {
                Files.delete(record);
            }
        }

        ClassDataArchive.settle(written, true);

        assertFalse(Files.exists(trained), "an archive that could never be known current is not kept");
        assertFalse(Files.exists(written));
    }

    /** A training start on {@code input}, and the archive its JVM wrote at exit (a stand-in file). */
    private static Path trainingStartThatWrote(Path trained, Path input) throws IOException {
        Path written = ClassDataArchive.choose(trained, List.of(input), true).writtenAtExit();
        Files.writeString(written, "archive");
        return written;
    }

    private Path part(String name, Instant modified) throws IOException {
        Path file = Files.writeString(folder.resolve(name), "partial archive");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
