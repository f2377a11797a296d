package org.tokenspace.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenspace.model.TokenSpaceException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<Path> partials() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        }
    }

    @Test
    void writesATempFileBesideTheTargetThenMovesItIntoPlace() throws IOException {
        Path target = dir.resolve("table.npy");
        Files.writeString(target, "old");
        AtomicFiles.write(target, ch -> {
            ch.write(ByteBuffer.wrap("new content".getBytes(StandardCharsets.UTF_8)));
            // mid-write: the target is untouched, the bytes are in a hidden temporary file beside it
            assertEquals("old", Files.readString(target));
            List<Path> tmp = partials();
            assertEquals(1, tmp.size(), tmp.toString());
            assertTrue(tmp.get(0).getFileName().toString().startsWith(".table.npy."), tmp.toString());
            assertEquals(11, Files.size(tmp.get(0)));
        });
        assertEquals("new content", Files.readString(target));
        assertEquals(List.of(), partials());
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(target)));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTempFile() throws IOException {
        Path target = dir.resolve("table.csv");
        Files.writeString(target, "old");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, ch -> {
            ch.write(ByteBuffer.wrap("half".getBytes(StandardCharsets.UTF_8)));
            throw new IllegalStateException("disk on fire");
        }));
        TokenSpaceException e = assertThrows(TokenSpaceException.class, () -> AtomicFiles.write(target, ch -> {
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().startsWith("cannot write " + target), e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(), partials());
    }

    /** Calls that write a file; outside AtomicFiles they would leave half-written files behind when interrupted. */
    private static final Pattern WRITES = Pattern.compile("(?<![A-Za-z])Files\\.(write|writeString|newOutputStream|"
            + "newBufferedWriter|copy|newByteChannel)\\(|new (FileOutputStream|FileWriter|RandomAccessFile)\\(|"
            + "StandardOpenOption\\.(WRITE|APPEND|CREATE)|ImageIO\\.write\\([^)]*(File|Path)");

    @Test
    void noMainCodeWritesFilesExceptThroughAtomicFiles() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.getFileName().toString().equals("AtomicFiles.java")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (WRITES.matcher(lines.get(i)).find()) {
                        offenders.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "write files through AtomicFiles.write");
    }
}
