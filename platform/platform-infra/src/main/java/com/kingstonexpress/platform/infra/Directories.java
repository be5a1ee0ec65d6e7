package com.kingstonexpress.platform.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Removing the folders tests and throw-away stacks write (a broker's log, a stack's databases) once they are done. */
public final class Directories {

    private Directories() {
    }

    /**
     * Deletes {@code dir} and everything under it, deepest first; nothing when it does not exist. Best effort, for
     * shutdown hooks: what cannot be deleted is left, and the rest goes.
     *
     * @return whether nothing is left
     */
    public static boolean deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        List<Path> deepestFirst;
        try (Stream<Path> all = Files.walk(dir)) {
            deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException | RuntimeException e) {
            return false;
        }
        for (Path path : deepestFirst) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // a file held open or not ours: leave it, delete the rest
            }
        }
        return !Files.exists(dir);
    }
}
