package org.tokenspace.positions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.io.Npy;
import org.tokenspace.model.TokenSpaceException;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlibiPositionsTest {
    @TempDir
    Path dir;

    @Test
    void slopesOfEveryHeadCountUpTo128EqualTheReferenceBitForBit() throws java.io.IOException {
        Path out = dir.resolve("slopes.txt"); // a file: 180 kB would fill the pipe of the Python process
        Reference.call("with open(sys.argv[1], 'w') as f:\n"
                + "    for n in range(1, 129):\n"
                + "        print(n, ' '.join(s.hex() for s in R.alibi_slopes(n)), file=f)", out.toString());
        List<String> lines = java.nio.file.Files.readAllLines(out);
        assertEquals(128, lines.size());
        for (String line : lines) {
            String[] parts = line.split(" ");
            int heads = Integer.parseInt(parts[0]);
            double[] expected = new double[heads];
            for (int h = 0; h < heads; h++) {
                expected[h] = Double.parseDouble(parts[h + 1]);
            }
            assertArrayEquals(expected, AlibiPositions.slopes(heads), heads + " heads"); // exact: 0 tolerance
        }
        // the power-of-two rule for 8 heads: 1/2, 1/4, ..., 1/256
        assertArrayEquals(new double[] {0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125, 0.00390625},
                AlibiPositions.slopes(8));
    }

    @Test
    void biasMatchesTheReferenceCommandLineBitForBit() {
        for (int[] size : new int[][] {{16, 8}, {50, 12}, {7, 1}, {33, 5}}) {
            Path ref = dir.resolve("alibi.npy");
            Reference.cli("alibi", String.valueOf(size[0]), String.valueOf(size[1]), ref.toString());
            INDArray expected = Npy.read(ref); // [H, C, C]
            INDArray ours = new AlibiPositions(size[0], size[1]).bias();
            assertArrayEquals(expected.shape(), ours.shape());
            // -inf above the diagonal and -0.0 on it included
            assertArrayEquals(Reference.bits(expected), Reference.bits(ours), size[0] + " x " + size[1]);
        }
    }

    @Test
    void oneHeadsMatrixScoresAndFormula() {
        AlibiPositions alibi = new AlibiPositions(10, 8);
        float[][] head2 = alibi.biasMatrix(2);
        assertEquals(-0.125f * 3, head2[5][2], 0f);
        assertEquals(Float.NEGATIVE_INFINITY, head2[2][5]);
        assertEquals("bias[2, 5, 2] = −m2·(i − j) = −0.1250·(5 − 2) = -0.3750  (m2 = 2^(−8·3/8) = 0.1250)",
                alibi.formula(2, 5, 2));
        assertEquals("bias[2, 2, 5] = −∞: key 5 comes after query 2, masked in a causal model",
                alibi.formula(2, 2, 5));
        assertEquals("2^(−8·1/4) = 0.2500, as for 4 heads", new AlibiPositions(4, 6).slopeFormula(0));
        // the 5th and 6th of 6 heads: slopes 1 and 3 of 8 heads, between those of 4
        AlibiPositions six = new AlibiPositions(4, 6);
        assertEquals(AlibiPositions.slopes(8)[0], six.slope(4), 0);
        assertEquals(AlibiPositions.slopes(8)[2], six.slope(5), 0);
        assertTrue(six.slopeFormula(5).startsWith("2^(−8·3/8) = "), six.slopeFormula(5));
        float[][] q = RotaryPositionsTest.gaussian(4, 3, 5);
        double[][] s = alibi.scores(q, q, 2);
        assertEquals(PositionScheme.dot(q[3], q[1]) - 0.125 * 2, s[3][1], 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, s[1][3]);
        assertArrayEquals(new float[] {-0f, -0.125f, -0.25f, -0.375f}, java.util.Arrays.copyOf(
                alibi.biasByDistance(2), 4));
        Heatmap h = alibi.heatmap(Probe.head(2));
        assertArrayEquals(head2, h.values());
        assertEquals(alibi.formula(2, 7, 1), h.formula(7, 1));
        assertTrue(alibi.inputTable().isEmpty());
    }

    @Test
    void badSizesAreNamed() {
        assertEquals("heads must be at least 1, got 0", assertThrows(TokenSpaceException.class,
                () -> new AlibiPositions(4, 0)).getMessage());
        assertEquals("contextLength must be at least 1, got 0", assertThrows(TokenSpaceException.class,
                () -> new AlibiPositions(0, 8)).getMessage());
        assertEquals("head -1 does not exist: heads are 0 to 7", assertThrows(TokenSpaceException.class,
                () -> new AlibiPositions(4, 8).biasMatrix(-1)).getMessage());
        assertTrue(assertThrows(TokenSpaceException.class, () -> new AlibiPositions(20000, 64).bias())
                .getMessage().contains("more than this JVM can hold"));
    }
}
