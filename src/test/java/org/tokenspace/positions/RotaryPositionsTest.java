package org.tokenspace.positions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.io.Npy;
import org.tokenspace.model.TokenSpaceException;

import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RotaryPositionsTest {
    private static final double TOLERANCE = 2e-5;

    @TempDir
    Path dir;

    static float[][] gaussian(int rows, int cols, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[rows][cols];
        for (float[] row : x) {
            for (int d = 0; d < cols; d++) {
                row[d] = (float) r.nextGaussian();
            }
        }
        return x;
    }

    private INDArray reference(INDArray x, RotaryPositions.Pairing pairing) {
        Path in = dir.resolve("x.npy");
        Path out = dir.resolve("rope.npy");
        Npy.write(in, x);
        Reference.call("np.save(sys.argv[2], R.rope(np.load(sys.argv[1]), sys.argv[3]))", in.toString(),
                out.toString(), pairing.cliName());
        return Reference.floats(out);
    }

    @ParameterizedTest
    @EnumSource(RotaryPositions.Pairing.class)
    void rotatesEachRowForItsPositionAsTheReference(RotaryPositions.Pairing pairing) {
        for (int[] size : new int[][] {{64, 16}, {300, 256}, {5, 2}}) {
            INDArray x = Nd4j.create(gaussian(size[0], size[1], size[0])); // [C, D]
            INDArray ours = new RotaryPositions(size[0], size[1], pairing).rotate(x);
            Reference.assertClose(reference(x, pairing), ours, TOLERANCE, "RoPE " + pairing + " " + size[0] + "x"
                    + size[1]);
        }
    }

    @ParameterizedTest
    @EnumSource(RotaryPositions.Pairing.class)
    void oneTokenRotatedAtEveryPositionMatchesTheReference(RotaryPositions.Pairing pairing) {
        float[] token = gaussian(1, 64, 7)[0];
        RotaryPositions rope = new RotaryPositions(128, 64, pairing);
        float[][] rows = new float[128][];
        java.util.Arrays.fill(rows, token);
        INDArray tiled = Nd4j.create(rows); // [C, D]
        Reference.assertClose(reference(tiled, pairing), rope.rotatedRows(token), TOLERANCE, "rotated rows");
        // position 0 is no rotation at all
        assertArrayEquals(token, rope.rotatedRows(token).getRow(0).toFloatVector());
    }

    @ParameterizedTest
    @EnumSource(RotaryPositions.Pairing.class)
    void scoresDependOnlyOnTheDistance(RotaryPositions.Pairing pairing) {
        int c = 48;
        int d = 32;
        RotaryPositions rope = new RotaryPositions(c, d, pairing);
        float[][] q = gaussian(c, d, 1);
        float[][] k = gaussian(c, d, 2);
        // the same query and key vectors at every position: R_m q . R_n k = q . R_(n-m) k
        float[][] qs = new float[c][];
        float[][] ks = new float[c][];
        for (int p = 0; p < c; p++) {
            qs[p] = q[0];
            ks[p] = k[0];
        }
        double[][] s = rope.scores(qs, ks, 0);
        Random r = new Random(3);
        for (int trial = 0; trial < 500; trial++) {
            int m = r.nextInt(c);
            int n = r.nextInt(c);
            int shift = r.nextInt(c - Math.max(m, n));
            assertEquals(s[m][n], s[m + shift][n + shift], 1e-9, "score(" + m + ", " + n + ") shifted by " + shift);
        }
        // the line against distance is the diagonal of that matrix
        double[] line = rope.scoreByDistance(q[0], k[0]);
        assertEquals(s[10][13], line[3 + c - 1], 1e-9);
        assertEquals(s[13][10], line[-3 + c - 1], 1e-9);
        // at distance 0 the rotations cancel: the plain dot product
        assertEquals(PositionScheme.dot(q[0], k[0]), s[5][5], 1e-9);
        // different vectors at each position: still only m - n matters between two given vectors
        double[][] mixed = rope.scores(q, k, 0);
        double[] qk = rope.scoreByDistance(q[4], k[9]);
        assertEquals(mixed[4][9], qk[9 - 4 + c - 1], 1e-9);
    }

    @Test
    void aPairTurnsByItsFrequencyAndKeepsItsLength() {
        RotaryPositions rope = new RotaryPositions(16, 8, RotaryPositions.Pairing.HALF);
        assertArrayEquals(new int[] {1, 5}, rope.pair(1));
        assertEquals(1, rope.pairOf(5));
        assertEquals(0.1, rope.theta(1), 1e-15); // 10000^(-2/8)
        float[] x = {0.5f, 1f, 0f, 0f, 0f, 0f, 0f, 0f};
        double[] turned = rope.turn(x, 1, 3); // (1, 0) turned by 0.3 rad
        assertEquals(Math.cos(0.3), turned[0], 1e-15);
        assertEquals(Math.sin(0.3), turned[1], 1e-15);
        double[] full = rope.rotate(x, 3);
        assertEquals(turned[0], full[1], 0);
        assertEquals(turned[1], full[5], 0);
        double norm = 0;
        for (double v : full) {
            norm += v * v;
        }
        assertEquals(1.25, norm, 1e-12);
    }

    @Test
    void formulaWritesTheRotationOut() {
        RotaryPositions rope = new RotaryPositions(8, 4, RotaryPositions.Pairing.INTERLEAVED);
        float[] x = {0.3374f, -0.1778f, -0.1690f, 0.9178f};
        String f = rope.formula(x, 3, 2);
        assertTrue(f.startsWith("x'[2] = x[2]·cos(3·θ1) − x[3]·sin(3·θ1) = -0.1690·cos(0.0300)"
                + " − (0.9178)·sin(0.0300) = "), f);
        float expected = (float) (-0.1690f * Math.cos(0.03) - 0.9178f * Math.sin(0.03));
        assertTrue(f.contains(" = " + org.tokenspace.model.TorchFormat.fixed(expected)
                + "  (θ1 = 10000^(−2/4) = 0.0100, pair (2, 3))"), f);
        assertTrue(rope.formula(x, 3, 3).startsWith("x'[3] = x[3]·cos(3·θ1) + x[2]·sin(3·θ1)"),
                rope.formula(x, 3, 3));
        Heatmap h = rope.heatmap(Probe.token(x));
        assertEquals(8, h.rows());
        assertEquals(f, h.formula(3, 2));
        assertEquals("RoPE rotates a vector: choose a token to see it turn with the position",
                assertThrows(TokenSpaceException.class, () -> rope.heatmap(Probe.NONE)).getMessage());
    }

    @Test
    void nothingIsAddedToTheInputAndBadSizesAreNamed() {
        RotaryPositions rope = new RotaryPositions(4, 6, RotaryPositions.Pairing.HALF);
        assertTrue(rope.inputTable().isEmpty());
        assertEquals("RoPE needs an even embeddingDim (it works on pairs of dimensions), got 5: use 4 or 6",
                assertThrows(TokenSpaceException.class,
                        () -> new RotaryPositions(4, 5, RotaryPositions.Pairing.HALF)).getMessage());
        assertEquals("contextLength must be at least 1, got -1", assertThrows(TokenSpaceException.class,
                () -> new RotaryPositions(-1, 4, RotaryPositions.Pairing.HALF)).getMessage());
        assertEquals("RoPE needs a vector of embeddingDim 6, got 4 values", assertThrows(TokenSpaceException.class,
                () -> rope.rotate(new float[4], 0)).getMessage());
        assertEquals("5 queries need positions up to 4 but contextLength is 4: give fewer or raise contextLength",
                assertThrows(TokenSpaceException.class, () -> rope.scores(new float[5][6], new float[1][6], 0))
                        .getMessage());
        assertEquals("'spiral' is not a RoPE pairing: use interleaved or half", assertThrows(
                TokenSpaceException.class, () -> RotaryPositions.Pairing.parse("spiral")).getMessage());
    }
}
