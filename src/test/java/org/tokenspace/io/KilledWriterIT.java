package org.tokenspace.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a JVM that keeps exporting a 32 MB table at random moments, and checks that the export is then always a
 * complete file: the last one finished, or the one being moved into place when the kill came; and that the
 * temporary file a killed write leaves is removed by the next write into the folder, so they never pile up.
 */
class KilledWriterIT {
    static final int ROWS = 8192;
    static final int DIM = 1024; // 8192 x 1024 float32 = 32 MB
    static final int KILLS = 8;

    @TempDir
    Path dir;

    /**
     * The child: exports generation start, start+1, ... (a table filled with that number) to args[0], printing
     * "writing N" before and "wrote N" once the file is in place.
     */
    public static void main(String[] args) {
        Path target = Path.of(args[0]);
        long start = Long.parseLong(args[1]);
        INDArray table = Nd4j.create(DataType.FLOAT, ROWS, DIM);
        for (long gen = start; ; gen++) {
            table.assign(gen);
            System.out.println("writing " + gen);
            System.out.flush();
            Npy.write(target, table);
            System.out.println("wrote " + gen);
            System.out.flush();
        }
    }

    @Test
    void aKilledExportLeavesTheOldFileOrTheCompleteNewOne() throws Exception {
        Path target = dir.resolve("token_table.npy");
        Npy.write(target, Nd4j.valueArrayOf(new long[] {ROWS, DIM}, 0f, DataType.FLOAT));
        Random random = new Random(42);
        long start = 1;
        int midWrite = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Xmx1g",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", KilledWriterIT.class.getName(),
                    target.toString(), Long.toString(start))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            // time one whole export, then kill the child at a random moment of the next one
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("writing "), "the child did not start: " + line);
            long t0 = System.nanoTime();
            line = out.readLine();
            assertTrue(line != null && line.startsWith("wrote "), "the child did not write: " + line);
            long writeMillis = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
            out.readLine(); // writing the next one
            Thread.sleep(random.nextInt((int) writeMillis + 1));
            child.toHandle().destroyForcibly(); // SIGKILL; unlike Process.destroyForcibly it keeps our end of the pipe
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child did not die");
            long lastReported = start;
            for (line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("wrote ")) {
                    lastReported = Long.parseLong(line.substring(6));
                }
            }

            INDArray read = Npy.read(target); // a complete .npy, or this throws
            assertEquals("[" + ROWS + ", " + DIM + "]", Arrays.toString(read.shape()));
            float gen = read.getFloat(0L);
            assertEquals(gen, read.minNumber().floatValue(), "one generation throughout");
            assertEquals(gen, read.maxNumber().floatValue(), "one generation throughout");
            assertTrue(gen == lastReported || gen == lastReported + 1,
                    "found generation " + gen + ", last finished " + lastReported);
            List<Path> left = leftovers();
            midWrite += left.size();
            // the child's first write removed what the child killed before it left; this kill left at most one
            assertTrue(left.size() <= 1, "temporary files pile up: " + left);
            start = lastReported + 100;
        }
        System.out.println("kills that interrupted a write: " + midWrite + " of " + KILLS);
        assertTrue(midWrite > 0, "no kill landed inside a write: the test checked nothing");
        Npy.write(dir.resolve("other.npy"), Nd4j.ones(DataType.FLOAT, 2, 2));
        assertEquals(List.of(), leftovers(), "the next write into the folder removes a killed write's leftovers");
    }

    /** Hidden files beside the target: the temporary files of writes that did not finish. */
    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")
                    && !p.getFileName().toString().equals(".tokenspace.lock")).toList();
        }
    }
}
