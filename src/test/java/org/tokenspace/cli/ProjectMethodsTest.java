package org.tokenspace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.explore.Clusters;
import org.tokenspace.explore.Trustworthiness;
import org.tokenspace.explore.Vectors;
import org.tokenspace.io.Npy;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectMethodsTest {
    @TempDir
    Path dir;

    private Clusters writeClusters() {
        Clusters c = Clusters.gaussian(4, 50, 20, 1.0, 0.2, 9);
        Npy.write(dir.resolve("in.npy"), Nd4j.create(c.vectors().data(), new long[] {200, 20}, 'c'));
        return c;
    }

    private String in() {
        return dir.resolve("in.npy").toString();
    }

    @Test
    void tsneAndUmapWriteCoordinatesThatKeepTheClustersAndRepeat() {
        Clusters c = writeClusters();
        for (String method : new String[] {"tsne", "umap"}) {
            for (String k : new String[] {"2", "3"}) {
                Path out = dir.resolve(method + k + ".npy");
                CliRun r = CliRun.of("project", "--method", method, "--in", in(), "--components", k, "--seed", "4",
                        "--init", "random", "--out", out.toString());
                assertEquals(0, r.exitCode(), r.err());
                assertTrue(r.out().startsWith(method.equals("tsne") ? "t-SNE of 200 x 20 rows to " + k
                        : "UMAP of 200 x 20 rows to " + k), r.out());
                INDArray y = Npy.read(out);
                assertArrayEquals(new long[] {200, Integer.parseInt(k)}, y.shape());
                Vectors coords = Vectors.of(y);
                assertTrue(c.separation(coords, 10) > 0.98, method + " " + k);
                assertTrue(Trustworthiness.of(c.vectors(), coords, 10) > 0.9, method + " " + k);
                // the same seed, the same coordinates
                Path again = dir.resolve("again.npy");
                CliRun.of("project", "--method", method, "--in", in(), "--components", k, "--seed", "4", "--init",
                        "random", "--out", again.toString());
                assertArrayEquals(y.data().asFloat(), Npy.read(again).data().asFloat());
            }
        }
    }

    @Test
    void rowsMapsEachListedRowOnceInTheOrderFirstListed() throws Exception {
        Clusters c = writeClusters();
        Files.writeString(dir.resolve("ids.json"), "[7, 3, 7, 150, 3, 9]");
        CliRun r = CliRun.of("project", "--in", in(), "--rows", dir.resolve("ids.json").toString(), "--components",
                "2", "--out", dir.resolve("p.npy").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("PCA of 4 x 20 rows to 2 components"), r.out());
        // the PCA of those four rows, fitted on them alone
        INDArray rows = Nd4j.create(c.vectors().select(new int[] {7, 3, 150, 9}).data(), new long[] {4, 20}, 'c');
        float[] expected = org.tokenspace.projection.Pca.fit(rows, 2).transform(rows);
        assertArrayEquals(expected, Npy.read(dir.resolve("p.npy")).data().asFloat(), 0f);
    }

    @Test
    void everyBadValueIsOneLine() throws Exception {
        writeClusters();
        String out = dir.resolve("o.npy").toString();
        ExploreCommandsTest.assertOneLine("tokenspace: --method must be pca, tsne or umap, got 'lle'",
                CliRun.of("project", "--method", "lle", "--in", in(), "--out", out), 1);
        ExploreCommandsTest.assertOneLine("tokenspace: --perplexity applies to --method tsne only",
                CliRun.of("project", "--method", "umap", "--perplexity", "5", "--in", in(), "--out", out), 1);
        ExploreCommandsTest.assertOneLine("tokenspace: --min-dist applies to --method umap only",
                CliRun.of("project", "--method", "tsne", "--min-dist", "0.5", "--in", in(), "--out", out), 1);
        ExploreCommandsTest.assertOneLine("tokenspace: --seed applies to --method tsne and umap, not pca",
                CliRun.of("project", "--seed", "1", "--in", in(), "--out", out), 1);
        ExploreCommandsTest.assertOneLine("tokenspace: t-SNE maps to 2 or 3 components, got 4",
                CliRun.of("project", "--method", "tsne", "--components", "4", "--in", in(), "--out", out), 1);
        ExploreCommandsTest.assertOneLine("tokenspace: the perplexity must be above 0 and below the number of rows"
                + " (200), got -1.0", CliRun.of("project", "--method", "tsne", "--perplexity", "-1", "--in", in(),
                "--out", out), 1);
        ExploreCommandsTest.assertOneLine("tokenspace: t-SNE needs at least 250 iterations (the early exaggeration"
                + " phase), got 10", CliRun.of("project", "--method", "tsne", "--iterations", "10", "--in", in(),
                "--out", out), 1);
        ExploreCommandsTest.assertOneLine("tokenspace: the number of neighbours must be 2 to the number of rows"
                + " (200), got 500", CliRun.of("project", "--method", "umap", "--neighbors", "500", "--in", in(),
                "--out", out), 1);
        ExploreCommandsTest.assertOneLine("tokenspace: the minimum distance must be 0 to the spread (1.0), got 2.0",
                CliRun.of("project", "--method", "umap", "--min-dist", "2", "--in", in(), "--out", out), 1);
        ExploreCommandsTest.assertOneLine("tokenspace: --init must be pca or random, got 'spectral'",
                CliRun.of("project", "--method", "umap", "--init", "spectral", "--in", in(), "--out", out), 1);
        Files.writeString(dir.resolve("bad.json"), "{\"ids\": 3}");
        ExploreCommandsTest.assertOneLine("tokenspace: --rows " + dir.resolve("bad.json") + " is not a JSON array of"
                + " row ids, e.g. [464, 3290, 11]", CliRun.of("project", "--rows", dir.resolve("bad.json").toString(),
                "--in", in(), "--out", out), 1);
        Files.writeString(dir.resolve("far.json"), "[1, 200]");
        ExploreCommandsTest.assertOneLine("tokenspace: --rows " + dir.resolve("far.json") + " names row 200, outside"
                + " the table: valid rows are 0 to 199", CliRun.of("project", "--rows",
                dir.resolve("far.json").toString(), "--in", in(), "--out", out), 1);
    }
}
