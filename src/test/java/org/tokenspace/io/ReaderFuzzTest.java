package org.tokenspace.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Coverage-guided fuzzing of the three file readers. Each input is written to a file and read; the only exception a
 * reader may throw is {@link FileFormatException}: anything else, a hang, or running out of memory is a finding.
 *
 * <p>A plain {@code mvn test} replays the committed inputs under
 * {@code src/test/resources/org/tokenspace/io/ReaderFuzzTestInputs/METHOD/}. To fuzz one reader for a few minutes:
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=ReaderFuzzTest#npy -Djazzer.hooks=true -Djazzer.max_duration=3m} (the
 * pom turns Jazzer's hooks off for plain test runs, where they only cost time); findings are saved as inputs there,
 * the growing corpus under {@code .cifuzz-corpus/}.
 */
class ReaderFuzzTest {
    private static Path dir;

    @BeforeAll
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("tokenspace-fuzz");
    }

    @AfterAll
    static void removeDir() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    @FuzzTest(maxDuration = "3m")
    void npy(byte[] input) throws IOException {
        Path f = file("input.npy", input);
        try {
            Npy.inspect(f);
        } catch (FileFormatException expected) {
            // the one documented failure
        }
        try {
            Npy.read(f);
        } catch (FileFormatException expected) {
            // the one documented failure
        }
        try {
            Npy.readIds(f);
        } catch (FileFormatException expected) {
            // the one documented failure
        }
    }

    @FuzzTest(maxDuration = "3m")
    void safetensors(byte[] input) throws IOException {
        Path f = file("input.safetensors", input);
        java.util.List<TensorInfo> tensors;
        try {
            tensors = Safetensors.inspect(f);
        } catch (FileFormatException expected) {
            return;
        }
        for (TensorInfo t : tensors) {
            try {
                Safetensors.read(f, t.name());
            } catch (FileFormatException expected) {
                // e.g. an I64 tensor, or an empty one
            }
        }
    }

    /** The input is the vectors file, a zero byte, then the metadata file. */
    @FuzzTest(maxDuration = "3m")
    void projectorTsv(byte[] input) throws IOException {
        int split = 0;
        while (split < input.length && input[split] != 0) {
            split++;
        }
        Path vectors = file("input.tsv", Arrays.copyOfRange(input, 0, split));
        Path metadata = file("input_metadata.tsv", Arrays.copyOfRange(input, Math.min(split + 1, input.length),
                input.length));
        long rows;
        try {
            rows = ProjectorTsv.readVectors(vectors, Progress.NONE).rows();
        } catch (FileFormatException expected) {
            rows = 3;
        }
        try {
            ProjectorTsv.readLabels(metadata, rows);
        } catch (FileFormatException expected) {
            // the one documented failure
        }
    }
}
