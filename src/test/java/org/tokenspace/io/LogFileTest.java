package org.tokenspace.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogFileTest {
    @TempDir
    Path dir;

    @Test
    void aLongRunRotatesItsLogAndKeepsItBounded() throws Exception {
        Path log = dir.resolve("tokenspace.log");
        Files.writeString(log, "from an earlier run\n");
        try (PrintStream out = LogFile.open(log, 1000)) {
            for (int i = 0; i < 300; i++) {
                out.println("line " + i);
            }
        }
        Path previous = LogFile.previous(log);
        assertEquals(dir.resolve("tokenspace.log.1"), previous);
        assertTrue(Files.size(log) <= 1000 + 20 && Files.size(previous) <= 1000 + 20, "bounded");
        String last = Files.readString(log);
        assertTrue(last.endsWith("line 299\n"), last);
        // the lines run on from the rotated file into the current one
        String before = Files.readString(previous).strip();
        int n = Integer.parseInt(before.substring(before.lastIndexOf(' ') + 1));
        assertTrue(last.startsWith("line " + (n + 1) + "\n"), last);
    }
}
