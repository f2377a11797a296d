package org.tokenspace.explore;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.Python;
import org.tokenspace.io.Npy;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.model.TorchGenerator;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrustworthinessTest {
    static Vectors random(TorchGenerator g, int rows, int dim, double scale) {
        float[] data = new float[rows * dim];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (g.nextNormal() * scale);
        }
        return new Vectors(data, rows, dim);
    }

    static void write(Path file, Vectors v) {
        Npy.write(file, Nd4j.create(v.data(), new long[] {v.rows(), v.dim()}, 'c'));
    }

    @Test
    void equalsScikitLearnOnSmallInputs(@TempDir Path dir) throws Exception {
        String python = Python.withSklearn();
        Assumptions.assumeTrue(python != null, "no Python with scikit-learn: install python3-sklearn");
        TorchGenerator g = new TorchGenerator(77);
        Vectors x = random(g, 80, 6, 1);
        // an embedding that keeps part of the structure: the first two coordinates plus noise
        float[] y = new float[80 * 2];
        for (int i = 0; i < 80; i++) {
            y[2 * i] = (float) (x.data()[i * 6] + g.nextNormal() * 0.5);
            y[2 * i + 1] = (float) (x.data()[i * 6 + 1] + g.nextNormal() * 0.5);
        }
        Vectors embedded = new Vectors(y, 80, 2);
        write(dir.resolve("x.npy"), x);
        write(dir.resolve("y.npy"), embedded);
        Python.Result r = Python.run(python, String.join("\n",
                "import sys, numpy as np",
                "from sklearn.manifold import trustworthiness",
                "X = np.load(sys.argv[1]); Y = np.load(sys.argv[2])",
                "for k in (1, 5, 10, 39):",
                "    print(repr(float(trustworthiness(X, Y, n_neighbors=k))))"),
                dir.resolve("x.npy").toString(), dir.resolve("y.npy").toString());
        assertEquals(0, r.exit(), r.output());
        String[] lines = r.output().strip().split("\n");
        int[] ks = {1, 5, 10, 39};
        for (int i = 0; i < ks.length; i++) {
            assertEquals(Double.parseDouble(lines[i]), Trustworthiness.of(x, embedded, ks[i]), 1e-12, "k = " + ks[i]);
        }
    }

    @Test
    void anEmbeddingThatKeepsEveryDistanceIsOne() {
        Vectors x = random(new TorchGenerator(3), 50, 2, 1);
        assertEquals(1.0, Trustworthiness.of(x, x, 10), 0.0);
    }

    @Test
    void kMustBeBelowHalfTheRows() {
        Vectors x = random(new TorchGenerator(3), 20, 2, 1);
        assertEquals("trustworthiness needs 1 <= k < n / 2, got k = 10 for n = 20",
                assertThrows(TokenSpaceException.class, () -> Trustworthiness.of(x, x, 10)).getMessage());
    }
}
