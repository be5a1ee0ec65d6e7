package com.kingstonexpress.platform.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTest {

    @TempDir
    Path parent;

    @Test
    void aFolderGoesWithEverythingUnderIt() throws IOException {
        Path dir = Files.createDirectories(parent.resolve("stack/postgres/base"));
        Files.writeString(dir.resolve("1234"), "rows");
        Files.writeString(parent.resolve("stack/stack.log"), "log");
        Path sibling = Files.writeString(parent.resolve("keep.txt"), "not under it");

        assertTrue(Directories.deleteRecursively(parent.resolve("stack")));

        assertFalse(Files.exists(parent.resolve("stack")));
        assertTrue(Files.exists(sibling));
    }

    @Test
    void aFolderAlreadyGoneIsNothingToDo() {
        assertTrue(Directories.deleteRecursively(parent.resolve("never-made")));
    }
}
