package com.kingstonexpress.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker asked to train writes its class-data archive when it stops, and the next broker on the same folder maps it
 * (read from the child JVM's memory map, Linux's {@code /proc}); a broker killed while training leaves nothing behind.
 */
class KafkaBrokerClassArchiveTest {

    @TempDir
    Path data;

    @Test
    void theArchiveWrittenAtStopIsMappedByTheNextStart() throws IOException {
        KafkaBroker training = new KafkaBroker(data, 0, 1).trainingClassArchive();
        training.start();
        assertEquals(List.of(), archivesIn(brokerMaps()), "nothing to map yet");
        training.stop();
        List<Path> written = files(".jsa");
        assertEquals(1, written.size(), "one archive: " + written);
        assertEquals(List.of(), files(".part"));

        KafkaBroker next = new KafkaBroker(data, training.port(), 1);
        next.start();
        try {
            assertEquals(List.of(written.get(0).getFileName().toString()), archivesIn(brokerMaps()));
        } finally {
            next.kill();
        }
        assertEquals(written, files(".jsa"), "a broker that did not train keeps the archive when killed");
    }

    @Test
    void aBrokerKilledWhileTrainingLeavesNoArchive() throws IOException {
        KafkaBroker training = new KafkaBroker(data, 0, 1).trainingClassArchive();
        training.start();
        training.kill();
        assertEquals(List.of(), files(".jsa"));
        assertEquals(List.of(), files(".part"));
    }

    /** The running broker JVM's memory map: the child process started with this data folder. */
    private String brokerMaps() throws IOException {
        ProcessHandle jvm = ProcessHandle.current().children().filter(p -> commandLine(p).contains(data.toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no broker process for " + data));
        return Files.readString(Path.of("/proc", Long.toString(jvm.pid()), "maps"));
    }

    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
        } catch (IOException gone) {
            return "";
        }
    }

    private static List<String> archivesIn(String maps) {
        return maps.lines().filter(l -> l.endsWith(".jsa")).map(l -> Path.of(l.substring(l.indexOf('/'))).getFileName().toString())
                .filter(name -> name.startsWith("broker-classes-")).distinct().toList();
    }

    private List<Path> files(String suffix) throws IOException {
        try (Stream<Path> all = Files.list(data)) {
            return all.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
        }
    }
}
