package org.tokenspace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.io.Npy;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectCommandTest {
    @Test
    void writesTheCoordinatesAndPrintsTheExplainedVariance(@TempDir Path dir) {
        // rows (±3, 0, 0) and (0, ±1, 0): variances 6 and 2/3 of a total 20/3
        INDArray table = Nd4j.create(new float[] {3, 0, 0, -3, 0, 0, 0, 1, 0, 0, -1, 0}, new long[] {4, 3}, 'c');
        Npy.write(dir.resolve("table.npy"), table);
        CliRun r = CliRun.of("project", "--in", dir.resolve("table.npy").toString(), "--components", "2",
                "--out", dir.resolve("proj.npy").toString());
        assertEquals(0, r.exitCode(), r.err());
        INDArray proj = Npy.read(dir.resolve("proj.npy"));
        assertArrayEquals(new long[] {4, 2}, proj.shape());
        assertArrayEquals(new float[] {3, 0, -3, 0, 0, 1, 0, -1}, proj.data().asFloat(), 1e-5f);
        assertTrue(r.out().matches("(?s).*\\nPC1\\s+6\\.00000\\s+90\\.0000%\\s+90\\.0000%\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\nPC2\\s+0\\.666667\\s+10\\.0000%\\s+100\\.0000%\\n.*"), r.out());
    }

    @Test
    void tooManyComponentsIsOneLine(@TempDir Path dir) {
        Npy.write(dir.resolve("t.npy"), Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}, 'c'));
        CliRun r = CliRun.of("project", "--in", dir.resolve("t.npy").toString(), "--components", "3",
                "--out", dir.resolve("p.npy").toString());
        assertEquals(1, r.exitCode());
        assertEquals("tokenspace: the number of components must be 1 to 2, got 3", r.err().strip());
    }

    @Test
    void benchRenderPrintsFramesPerSecond() {
        CliRun r = CliRun.of("bench", "render", "--points", "60000", "--frames", "3", "--width", "320", "--height",
                "200");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s)render: 60000 points \\(synthetic Gaussian table\\), 3 frames at 320x200"
                + " perspective, \\d+ threads: [0-9.]+ fps .*"), r.out());
    }
}
