package org.tokenspace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.Golden;
import org.tokenspace.io.Safetensors;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The smaller faults a hostile-input probe found: each gives one clear line, or the right result. */
class HostileInputTest {
    @TempDir
    Path dir;

    @Test
    void noErrorEscapesTheCommandLineAsATrace() {
        // an Error thrown inside a command (here by the output it writes to) is not caught by picocli
        Writer failing = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                throw new InternalError("a fault occurred in a recent unsafe memory access operation");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"tokenize", "--file", Golden.verdict().toString()}, new PrintWriter(failing),
                new PrintWriter(err));
        assertEquals(Cli.USER_ERROR, code);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("tokenspace: internal error (InternalError: a fault occurred in a recent"
                + " unsafe memory access operation)"), err.toString());
    }

    @Test
    void aHugeMaxLengthIsNamedWithoutOverflow() {
        CliRun r = CliRun.of("batches", "--file", Golden.verdict().toString(), "--batch-size", "1", "--max-length",
                "2147483647", "--stride", "1");
        assertEquals("tokenspace: " + Golden.verdict() + " is too short for one window: maxLength 2147483647 needs at"
                + " least 2147483648 tokens; use a longer text or a smaller --max-length\n", r.err());
        r = CliRun.of("embed", "--file", Golden.verdict().toString(), "--max-length", "2147483647", "--context-length",
                "2147483647", "--vocab-size", "1", "--embedding-dim", "1", "--out", dir.toString());
        assertTrue(r.err().contains("needs at least 2147483648 tokens"), r.err());
    }

    @Test
    void aFileNameThatIsNotUtf8IsFound() throws Exception {
        // bash makes the name from raw bytes; Java reads the argument with U+FFFD for the byte that is not UTF-8
        Process p = new ProcessBuilder("bash", "-c", "cp \"$1\" \"$2\"$'\\xe9'.txt", "cp", Golden.verdict().toString(),
                dir.resolve("caf").toString()).inheritIO().start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0);
        CliRun r = CliRun.of("tokenize", "--file", dir.resolve("caf\uFFFD.txt").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(CliRun.of("tokenize", "--file", Golden.verdict().toString()).out(), r.out());
    }

    @Test
    void inspectShowsControlCharactersInNamesEscaped() {
        Path f = dir.resolve("names.safetensors");
        Safetensors.write(f, List.of(Safetensors.Tensor.of("two\nlines", Nd4j.ones(DataType.FLOAT, 2, 2)),
                Safetensors.Tensor.of("\u001b[31mred\u001b[0m", Nd4j.ones(DataType.FLOAT, 1, 2)),
                Safetensors.Tensor.of("back\\slash \u202egnp.exe", Nd4j.ones(DataType.FLOAT, 1, 1))));
        CliRun r = CliRun.of("inspect", f.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("two\\nlines\tF32\t[2, 2]\t16 bytes", "\\x1b[31mred\\x1b[0m\tF32\t[1, 2]\t8 bytes",
                "back\\\\slash \\u202egnp.exe\tF32\t[1, 1]\t4 bytes"), r.out().lines().toList());
    }

    @Test
    void idsAreAsciiDigitsOnly() throws Exception {
        for (String ids : List.of("ids: \u0661\u0662", "ids: \uff15", "ids: 1, \u0967")) {
            Path f = Files.writeString(dir.resolve("ids.txt"), ids);
            CliRun r = CliRun.of("embed", "--file", f.toString(), "--vocab-size", "20", "--embedding-dim", "2",
                    "--batch-size", "1", "--max-length", "1", "--context-length", "1", "--out", dir.toString());
            assertEquals(1, r.exitCode(), ids);
            assertTrue(r.err().contains("in the id list is not a token id"), r.err());
        }
        Path f = Files.writeString(dir.resolve("ids.txt"), "ids: 12, 5, +3");
        CliRun r = CliRun.of("embed", "--file", f.toString(), "--vocab-size", "20", "--embedding-dim", "2",
                "--batch-size", "1", "--max-length", "1", "--context-length", "1", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("inputs [[12]]"), r.out());
    }

    @Test
    void aSafetensorsMessageShowsNoLibraryInternals() throws Exception {
        byte[] json = "{\"t\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}} {}"
                .getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json).putFloat(1f);
        Path f = Files.write(dir.resolve("trailing.safetensors"), b.array());
        CliRun r = CliRun.of("inspect", f.toString());
        assertEquals("tokenspace: " + f + ": the header is not valid JSON (more follows its first value)\n", r.err());
    }

    @Test
    void aTsvWithoutLineBreaksIsRefusedNotLoadedWhole() throws Exception {
        Path f = dir.resolve("blob.tsv");
        try (var out = Files.newOutputStream(f)) {
            byte[] mb = "0.5\t".repeat(1 << 18).getBytes(StandardCharsets.US_ASCII); // 1 MB without a line break
            for (int i = 0; i < 80; i++) {
                out.write(mb);
            }
        }
        org.tokenspace.model.TokenSpaceException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.tokenspace.model.TokenSpaceException.class, () -> org.tokenspace.io.TableFiles.open(f, null, null,
                        org.tokenspace.io.Progress.NONE));
        assertEquals(f + ": line 1 is longer than 67108864 characters: this is not a TSV file of vectors or labels",
                e.getMessage());
    }
}
