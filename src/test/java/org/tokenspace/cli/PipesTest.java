package org.tokenspace.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenspace.Golden;
import org.tokenspace.io.Progress;
import org.tokenspace.io.SessionFile;
import org.tokenspace.io.TableFiles;
import org.tokenspace.model.TokenSpaceException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text from pipes, FIFOs, {@code /dev/stdin} and process substitution is read whole, as from a file; a table from a
 * FIFO or a device is refused at once. The pipes are real: the command runs in a child JVM whose standard input is
 * one, or in bash with {@code <(...)}.
 */
class PipesTest {
    private static final String BATCHES = "batches --batch-size 4 --max-length 8 --stride 8";
    private static String verdict;

    @TempDir
    Path dir;

    @BeforeAll
    static void read() throws IOException {
        verdict = Files.readString(Golden.verdict());
    }

    /** {@code tokenspace ARGS} in a child JVM, with {@code input} written to its standard input (a pipe). */
    private static CliRun child(String input, String shellArgs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = "exec '" + java + "' -cp '" + System.getProperty("java.class.path") + "' -Xmx1g"
                + " -Dorg.slf4j.simpleLogger.logFile=System.err org.tokenspace.Main " + shellArgs;
        Process p = new ProcessBuilder("bash", "-c", cmd).start();
        Thread feed = new Thread(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8)); // more than a pipe holds: the reader must keep up
            } catch (IOException e) {
                // the command ended without reading it all; its output says why
            }
        });
        feed.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command did not end");
        feed.join();
        return new CliRun(p.exitValue(), out, err);
    }

    private static void assertSame(CliRun expected, CliRun actual) {
        assertEquals(0, expected.exitCode(), expected.err());
        assertEquals(0, actual.exitCode(), actual.err());
        assertEquals(expected.out(), actual.out());
    }

    @Test
    void textFromAPipeIsReadWholeByEveryCommandThatTakesAFile() throws Exception {
        String file = Golden.verdict().toString();
        CliRun ids = CliRun.of("tokenize", "--file", file);
        assertSame(ids, child(verdict, "tokenize --file /dev/stdin"));
        assertSame(ids, child(verdict, "tokenize --file -"));
        CliRun batches = CliRun.of((BATCHES + " --file " + file).split(" "));
        assertSame(batches, child(verdict, BATCHES + " --file -"));
        assertSame(batches, child("", BATCHES + " --file <(cat '" + file + "')"));

        CliRun embed = CliRun.of("embed", "--file", file, "--out", dir.resolve("a").toString());
        assertSame(embed, child(verdict, "embed --file /dev/stdin --out '" + dir.resolve("b") + "'"));
        for (String f : List.of("token_embeddings.npy", "position_embeddings.npy", "input_embeddings.npy")) {
            assertEquals(-1, Files.mismatch(dir.resolve("a").resolve(f), dir.resolve("b").resolve(f)), f);
        }
        CliRun export = CliRun.of("export", "--what", "batch", "--format", "csv", "--file", file, "--out",
                dir.resolve("c").toString());
        assertEquals(0, export.exitCode(), export.err());
        assertEquals(0, child(verdict, "export --what batch --format csv --file - --out '" + dir.resolve("d") + "'")
                .exitCode());
        assertEquals(-1, Files.mismatch(dir.resolve("c").resolve("inputs.csv"), dir.resolve("d").resolve("inputs.csv")));
    }

    @Test
    void anEmptyPipeIsNamedAsStandardInput() throws Exception {
        CliRun r = child("", BATCHES + " --file -");
        assertEquals(1, r.exitCode());
        assertEquals("tokenspace: standard input is too short for one window: maxLength 8 needs at least 9 tokens; use"
                + " a longer text or a smaller --max-length\n", r.err());
    }

    /** A FIFO at {@code name} in the test's folder. */
    private Path fifo(String name) throws Exception {
        Path f = dir.resolve(name);
        Process p = new ProcessBuilder("mkfifo", f.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        return f;
    }

    @Test
    void textFromAFifoIsAStream() throws Exception {
        Path f = fifo("story.txt");
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(f, verdict); // opening blocks until the reader opens the other end
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        CliRun fromFifo = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of("tokenize", "--file",
                f.toString()));
        writer.join();
        assertSame(CliRun.of("tokenize", "--file", Golden.verdict().toString()), fromFifo);
    }

    @Test
    void aTableFromAFifoOrADeviceIsRefusedAtOnce() throws Exception {
        Path npy = fifo("t.npy");
        Path st = fifo("t.safetensors");
        Path tsv = fifo("t.tsv");
        Path session = fifo("s.tokenspace.json");
        String file = Golden.verdict().toString();
        for (String[] args : List.of(new String[] {"inspect", npy.toString()},
                new String[] {"project", "--in", npy.toString(), "--out", dir.resolve("p.npy").toString()},
                new String[] {"embed", "--file", file, "--tables", st.toString(), "--out", dir.toString()},
                new String[] {"inspect", "/dev/zero"})) {
            CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.of(args), String.join(" ", args));
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.err().matches("tokenspace: cannot read \\S+: it is a pipe or a device, not a regular file;"
                    + " save a table to a file and open that\n"), r.err());
        }
        TokenSpaceException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                TokenSpaceException.class, () -> TableFiles.open(tsv, null, null, Progress.NONE)));
        assertTrue(e.getMessage().contains("it is a pipe or a device"), e.getMessage());
        e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(TokenSpaceException.class,
                () -> TableFiles.open(Path.of("/dev/zero"), null, null, Progress.NONE)));
        assertTrue(e.getMessage().contains("it is a pipe or a device"), e.getMessage());
        e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(TokenSpaceException.class,
                () -> SessionFile.read(session)));
        assertTrue(e.getMessage().contains("it is a pipe or a device"), e.getMessage());
    }

    @Test
    void zerosAreBinaryAtTheirFirstChunk() {
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.of("tokenize", "--file",
                "/dev/zero"));
        assertEquals("tokenspace: /dev/zero is not a text file (it holds binary data, a zero byte at offset 0): open a"
                + " UTF-8 text file\n", r.err());
    }
}
