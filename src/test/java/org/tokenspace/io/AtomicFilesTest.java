package org.tokenspace.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenspace.model.TokenSpaceException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
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
            return s.filter(p -> Leftovers.OURS.matcher(p.getFileName().toString()).matches()).toList();
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
            assertTrue(tmp.get(0).getFileName().toString().startsWith(".tokenspace-" + ProcessHandle.current().pid()
                    + "-"), tmp.toString());
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

    @Test
    void aTargetNameOfTheFull255BytesCanBeWritten() throws IOException {
        // a temporary name built from the target's (".NAME.RANDOM.partial") passed the 255-byte limit
        for (int length : new int[] {244, 255}) {
            Path target = dir.resolve("t".repeat(length - 4) + ".csv");
            AtomicFiles.writeString(target, "id,d0\n");
            assertEquals("id,d0\n", Files.readString(target));
        }
        Path tooLong = dir.resolve("t".repeat(256));
        TokenSpaceException e = assertThrows(TokenSpaceException.class, () -> AtomicFiles.writeString(tooLong, "x"));
        assertTrue(e.getMessage().contains("File name too long"), e.getMessage());
        assertEquals(List.of(), partials());
    }

    @Test
    void theNextWriteRemovesWhatDeadWritersLeftAndNothingElse() throws IOException {
        long dead = deadPid();
        Path ours = Files.writeString(dir.resolve(".tokenspace-" + dead + "-0badf00d.tmp"), "half");
        Path earlierOld = Files.writeString(dir.resolve(".token_table.csv.4417608261577871517.partial"), "half");
        Files.setLastModifiedTime(earlierOld, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path earlierYoung = Files.writeString(dir.resolve(".token_table.csv.977.partial"), "being written?");
        Path userFile = Files.writeString(dir.resolve(".tokenspace-notes.tmp"), "not ours");
        Path other = Files.writeString(dir.resolve("inputs.npy.partial"), "not ours");
        AtomicFiles.writeString(dir.resolve("a.txt"), "a");
        assertTrue(Files.notExists(ours), "a dead writer's temporary file stays");
        assertTrue(Files.notExists(earlierOld), "an earlier version's day-old temporary file stays");
        assertTrue(Files.exists(earlierYoung), "a young file that may be a live writer's was removed");
        assertTrue(Files.exists(userFile) && Files.exists(other), "a file that is not ours was removed");
    }

    @Test
    void aSetKilledDuringItsMovesIsCompletedByTheNextWrite() throws IOException {
        // what a writer killed after its commit, between its moves, leaves: one file moved, one not, the journal
        Files.writeString(dir.resolve("a.tsv"), "new vectors");
        Files.writeString(dir.resolve("a_metadata.tsv"), "old labels");
        long dead = deadPid();
        Path pending = Files.writeString(dir.resolve(".tokenspace-" + dead + "-00000002.tmp"), "new labels");
        Files.writeString(dir.resolve(".tokenspace-" + dead + "-00000003.journal"),
                ".tokenspace-" + dead + "-00000001.tmp\0a.tsv\0" + pending.getFileName() + "\0a_metadata.tsv\0");
        AtomicFiles.writeString(dir.resolve("other.txt"), "x");
        assertEquals("new vectors", Files.readString(dir.resolve("a.tsv")));
        assertEquals("new labels", Files.readString(dir.resolve("a_metadata.tsv")));
        assertEquals(List.of(), partials());
    }

    @Test
    void aSetThatFailsLeavesTheWholeOldSet() throws IOException {
        AtomicFiles.writeSet(dir, List.of(part("a.tsv", "old 1"), part("a_metadata.tsv", "old 2")));
        assertThrows(TokenSpaceException.class, () -> AtomicFiles.writeSet(dir, List.of(part("a.tsv", "new 1"),
                new AtomicFiles.Part("a_metadata.tsv", ch -> {
                    throw new IOException("No space left on device");
                }))));
        assertEquals("old 1", Files.readString(dir.resolve("a.tsv")));
        assertEquals("old 2", Files.readString(dir.resolve("a_metadata.tsv")));
        assertEquals(List.of(), partials());
    }

    @Test
    void threadsWritingSetsIntoOneFolderTakeTurns() throws Exception {
        int writers = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String tag = "writer " + w;
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        AtomicFiles.writeSet(dir, List.of(part("1.txt", tag), new AtomicFiles.Part("2.txt", ch -> {
                            Thread.yield(); // give another writer the chance to interleave, if it could
                            Npy.writeFully(ch, ByteBuffer.wrap(tag.getBytes(StandardCharsets.UTF_8)));
                        }), part("3.txt", tag)));
                        String first = read("1.txt");
                        assertTrue(first.startsWith("writer "), first);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        String last = read("1.txt");
        assertEquals(last, read("2.txt"));
        assertEquals(last, read("3.txt"));
        assertEquals(List.of(), partials());
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static AtomicFiles.Part part(String name, String text) {
        return new AtomicFiles.Part(name, ch -> Npy.writeFully(ch, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
    }

    /** The id of a process that has ended. */
    static long deadPid() throws IOException {
        Process p = new ProcessBuilder("true").start();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        return p.pid();
    }

    /** Calls that write a file; outside AtomicFiles they would leave half-written files behind when interrupted. */
    private static final Pattern WRITES = Pattern.compile("(?<![A-Za-z])Files\\.(write|writeString|newOutputStream|"
            + "newBufferedWriter|copy|newByteChannel)\\(|new (FileOutputStream|FileWriter|RandomAccessFile)\\(|"
            + "StandardOpenOption\\.(WRITE|APPEND|CREATE)|ImageIO\\.write\\([^)]*(File|Path)");

    /** The writer and its helpers (the folder lock, temporary files and journals), and the appended log. */
    private static final java.util.Set<String> WRITERS = java.util.Set.of("AtomicFiles.java", "FolderLock.java",
            "Leftovers.java", "LogFile.java");

    @Test
    void noMainCodeWritesFilesExceptThroughAtomicFiles() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (WRITERS.contains(f.getFileName().toString())) {
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
