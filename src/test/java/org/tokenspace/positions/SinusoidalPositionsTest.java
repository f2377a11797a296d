package org.tokenspace.positions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.model.TokenSpaceException;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SinusoidalPositionsTest {
    private static final double TOLERANCE = 2e-6;

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"4, 256", "64, 16", "50, 6", "1024, 64", "1, 2"})
    void interleavedTableMatchesTheReference(int contextLength, int embeddingDim) {
        Path ref = dir.resolve("ref.npy");
        Reference.cli("sinusoidal", String.valueOf(contextLength), String.valueOf(embeddingDim), ref.toString());
        INDArray ours = new SinusoidalPositions(contextLength, embeddingDim, SinusoidalPositions.Layout.INTERLEAVED)
                .table();
        Reference.assertClose(Reference.floats(ref), ours, TOLERANCE, "sinusoidal " + contextLength + "x"
                + embeddingDim);
    }

    @ParameterizedTest
    @CsvSource({"4, 256", "64, 16", "300, 10"})
    void concatLayoutMatchesTheReferenceTableWithItsColumnsRegrouped(int contextLength, int embeddingDim) {
        Path ref = dir.resolve("concat.npy");
        Reference.call("pe = R.sinusoidal(int(sys.argv[1]), int(sys.argv[2]))\n"
                        + "np.save(sys.argv[3], np.concatenate([pe[:, 0::2], pe[:, 1::2]], axis=1))",
                String.valueOf(contextLength), String.valueOf(embeddingDim), ref.toString());
        INDArray ours = new SinusoidalPositions(contextLength, embeddingDim, SinusoidalPositions.Layout.CONCAT)
                .table();
        Reference.assertClose(Reference.floats(ref), ours, TOLERANCE, "[sin | cos] " + contextLength + "x"
                + embeddingDim);
    }

    @Test
    void concatLayoutIsSinesThenCosinesOfTheSameAngles() {
        int c = 37;
        int d = 12;
        float[][] pe = new SinusoidalPositions(c, d, SinusoidalPositions.Layout.CONCAT).table().toFloatMatrix();
        for (int p = 0; p < c; p++) {
            for (int i = 0; i < d / 2; i++) {
                double angle = p / Math.pow(10000, 2.0 * i / d);
                assertEquals(Math.sin(angle), pe[p][i], 1e-7, "sin at [" + p + ", " + i + "]");
                assertEquals(Math.cos(angle), pe[p][d / 2 + i], 1e-7, "cos at [" + p + ", " + (d / 2 + i) + "]");
            }
        }
        // and the first sine column turns fastest: one radian per position
        assertEquals((float) Math.sin(5), pe[5][0], 0f);
        assertEquals((float) Math.cos(5), pe[5][d / 2], 0f);
    }

    @Test
    void dotSimilarityOfTwoPositionsDependsOnlyOnTheirDistance() {
        // sum_i sin(a m) sin(a n) + cos(a m) cos(a n) = sum_i cos(a (m - n))
        int c = 40;
        int d = 16;
        SinusoidalPositions s = new SinusoidalPositions(c, d, SinusoidalPositions.Layout.INTERLEAVED);
        double[][] dot = PositionSimilarity.matrix(s.table(), PositionSimilarity.Measure.DOT);
        double[][] cos = PositionSimilarity.matrix(s.table(), PositionSimilarity.Measure.COSINE);
        for (int m = 0; m < c; m++) {
            for (int n = 0; n < c; n++) {
                double expected = 0;
                for (int i = 0; i < d / 2; i++) {
                    expected += Math.cos((m - n) / Math.pow(10000, 2.0 * i / d));
                }
                assertEquals(expected, dot[m][n], 1e-5, "[" + m + ", " + n + "]");
                assertEquals(expected / (d / 2.0), cos[m][n], 1e-6, "cosine [" + m + ", " + n + "]");
            }
        }
        double[] byDistance = PositionSimilarity.byDistance(dot);
        assertEquals(d / 2.0, byDistance[0], 1e-5);
        assertEquals(dot[7][3], byDistance[4], 1e-5);
    }

    @Test
    void formulaFillsInTheNumbersOfTheCell() {
        SinusoidalPositions s = new SinusoidalPositions(8, 8, SinusoidalPositions.Layout.INTERLEAVED);
        // pair 2 of D = 8: 10000^(4/8) = 100, angle 3/100
        assertEquals("PE[3, 4] = sin(p / 10000^(2i/D)) = sin(3 / 10000^(4/8)) = sin(3 / 100.0000) = sin(0.0300)"
                + " = 0.0300  (pair i = 2, sine)", s.formula(3, 4));
        assertTrue(s.formula(3, 5).startsWith("PE[3, 5] = cos(p / 10000^(2i/D)) = cos(3 / 10000^(4/8))"),
                s.formula(3, 5));
        Heatmap h = s.heatmap(Probe.NONE);
        assertEquals(8, h.rows());
        assertEquals(8, h.columns());
        assertEquals((float) Math.cos(3 / 100.0), h.values()[3][5], 1e-7f);
        assertEquals(s.formula(6, 1), h.formula(6, 1));
        SinusoidalPositions concat = new SinusoidalPositions(8, 8, SinusoidalPositions.Layout.CONCAT);
        assertTrue(concat.formula(3, 6).startsWith("PE[3, 6] = cos(p / 10000^(2i/D)) = cos(3 / 10000^(4/8))"),
                concat.formula(3, 6));
    }

    @Test
    void badSizesAreNamed() {
        TokenSpaceException odd = assertThrows(TokenSpaceException.class,
                () -> new SinusoidalPositions(4, 7, SinusoidalPositions.Layout.INTERLEAVED));
        assertEquals("a sinusoidal table needs an even embeddingDim (it works on pairs of dimensions), got 7:"
                + " use 6 or 8", odd.getMessage());
        assertEquals("contextLength must be at least 1, got 0", assertThrows(TokenSpaceException.class,
                () -> new SinusoidalPositions(0, 8, SinusoidalPositions.Layout.CONCAT)).getMessage());
        assertEquals("embeddingDim must be at least 1, got -2", assertThrows(TokenSpaceException.class,
                () -> new SinusoidalPositions(4, -2, SinusoidalPositions.Layout.CONCAT)).getMessage());
        assertTrue(assertThrows(TokenSpaceException.class, () -> new SinusoidalPositions(1 << 20, 1 << 12,
                SinusoidalPositions.Layout.CONCAT)).getMessage().contains("more than this JVM can hold"));
    }
}
