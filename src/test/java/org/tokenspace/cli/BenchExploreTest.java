package org.tokenspace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenspace.explore.Clusters;
import org.tokenspace.io.Npy;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchExploreTest {
    @Test
    void benchTsneAndUmapPrintTimeAndTrustworthinessAndSaveTheirInput(@TempDir Path dir) {
        CliRun t = CliRun.of("bench", "tsne", "--points", "300", "--iterations", "250", "--save", dir.toString());
        assertEquals(0, t.exitCode(), t.err());
        assertTrue(t.out().matches("(?s).*\\nRESULT TokenSpace t-SNE 300 x 50 -> 2: median [0-9.]+ s \\(min [0-9.]+,"
                + " max [0-9.]+, runs 1\\), trustworthiness\\(k=10\\) 0\\.\\d{4}\\n"), t.out());
        // the peers read exactly the rows we mapped
        assertArrayEquals(Clusters.gaussian(10, 30, 50, 1.0, 0.35, 42).vectors().data(),
                Npy.read(dir.resolve("input.npy")).data().asFloat());
        assertArrayEquals(new long[] {300, 2}, Npy.read(dir.resolve("tsne.npy")).shape());
        CliRun u = CliRun.of("bench", "umap", "--points", "300", "--components", "3", "--save", dir.toString());
        assertEquals(0, u.exitCode(), u.err());
        assertTrue(u.out().matches("(?s).*\\nRESULT TokenSpace UMAP 300 x 50 -> 3: median .*, trustworthiness\\(k=10\\)"
                + " 0\\.\\d{4}\\n"), u.out());
        assertArrayEquals(new long[] {300, 3}, Npy.read(dir.resolve("umap.npy")).shape());
    }

    @Test
    void benchNeighboursPrintsMillisecondsPerQueryForBothMetrics() {
        CliRun r = CliRun.of("bench", "neighbours", "--queries", "3", "--warmup", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*RESULT cosine top-10 of 50257 x 256: median [0-9.]+ ms per query .*"
                + "RESULT euclidean top-10 of 50257 x 256: median [0-9.]+ ms per query .*"), r.out());
    }

    @Test
    void badBenchDataIsOneLine() {
        ExploreCommandsTest.assertOneLine("tokenspace: --data must be clusters or tokens, got 'mnist'",
                CliRun.of("bench", "tsne", "--data", "mnist"), 1);
        ExploreCommandsTest.assertOneLine("tokenspace: --points must be at most 50257 for --data tokens",
                CliRun.of("bench", "umap", "--data", "tokens", "--points", "60000"), 1);
    }
}
