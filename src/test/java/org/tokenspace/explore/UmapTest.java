package org.tokenspace.explore;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenspace.Python;
import org.tokenspace.io.Progress;
import org.tokenspace.model.TokenSpaceException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UmapTest {
    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void keepsNeighboursAndSeparatesKnownClusters(int components) {
        Clusters data = TsneTest.DATA;
        Umap u = Umap.prepare(data.vectors(), UmapSettings.DEFAULTS.withComponents(components).withSeed(1),
                Progress.NONE);
        assertEquals(500, u.iterations());
        Vectors y = new Vectors(u.run(Progress.NONE), data.vectors().rows(), components);
        double trust = Trustworthiness.of(data.vectors(), y, 10);
        double separated = data.separation(y, 10);
        System.out.printf("UMAP %dD: trustworthiness %.4f, separation %.4f%n", components, trust, separated);
        assertTrue(trust > 0.93, "trustworthiness " + trust);
        assertTrue(separated > 0.98, "separation " + separated);
    }

    @Test
    void theSameSeedGivesTheSameCoordinatesInPiecesOrAtOnce() {
        UmapSettings s = UmapSettings.DEFAULTS.withEpochs(60).withSeed(3);
        Umap pieces = Umap.prepare(TsneTest.DATA.vectors(), s, Progress.NONE);
        assertEquals(7, pieces.step(7));
        assertEquals(53, pieces.step(100));
        assertTrue(pieces.done());
        Umap whole = Umap.prepare(TsneTest.DATA.vectors(), s, Progress.NONE);
        assertArrayEquals(whole.run(Progress.NONE), pieces.coordinates());
        float[] other = Umap.prepare(TsneTest.DATA.vectors(), s.withSeed(4), Progress.NONE).run(Progress.NONE);
        assertFalse(java.util.Arrays.equals(other, pieces.coordinates()));
    }

    /** umap-learn's a and b come from scipy's curve_fit; ours from the same least squares. */
    @Test
    void curveParametersEqualScipysFit() throws Exception {
        String python = Python.withSklearn(); // scikit-learn brings scipy
        Assumptions.assumeTrue(python != null, "no Python with scipy: install python3-sklearn");
        Python.Result r = Python.run(python, String.join("\n",
                "import numpy as np",
                "from scipy.optimize import curve_fit",
                "def curve(x, a, b): return 1.0 / (1.0 + a * x ** (2 * b))",
                "for spread, min_dist in ((1.0, 0.1), (1.0, 0.5), (2.0, 0.0), (1.5, 0.9)):",
                "    xv = np.linspace(0, spread * 3, 300)",
                "    yv = np.zeros(xv.shape)",
                "    yv[xv < min_dist] = 1.0",
                "    yv[xv >= min_dist] = np.exp(-(xv[xv >= min_dist] - min_dist) / spread)",
                "    p, _ = curve_fit(curve, xv, yv)",
                "    print(repr(p[0]), repr(p[1]))"));
        assertEquals(0, r.exit(), r.output());
        String[] lines = r.output().strip().split("\n");
        double[][] cases = {{1.0, 0.1}, {1.0, 0.5}, {2.0, 0.0}, {1.5, 0.9}};
        for (int i = 0; i < cases.length; i++) {
            String[] ab = lines[i].split(" ");
            double[] ours = UmapCurve.fit(cases[i][0], cases[i][1]);
            assertEquals(Double.parseDouble(ab[0]), ours[0], 1e-5 * ours[0], "a for " + lines[i]);
            assertEquals(Double.parseDouble(ab[1]), ours[1], 1e-5 * ours[1], "b for " + lines[i]);
        }
    }

    @Test
    void badSettingsAreOneLine() {
        Vectors x = TsneTest.DATA.vectors();
        assertEquals("the number of neighbours must be 2 to the number of rows (600), got 1",
                assertThrows(TokenSpaceException.class, () -> Umap.prepare(x,
                        UmapSettings.DEFAULTS.withNeighbors(1), Progress.NONE)).getMessage());
        assertEquals("the minimum distance must be 0 to the spread (1.0), got 1.5",
                assertThrows(TokenSpaceException.class, () -> Umap.prepare(x,
                        UmapSettings.DEFAULTS.withMinDist(1.5), Progress.NONE)).getMessage());
    }
}
