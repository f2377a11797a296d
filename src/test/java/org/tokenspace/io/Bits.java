package org.tokenspace.io;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test arrays with awkward values, and bit-for-bit comparison. */
final class Bits {
    private Bits() {
    }

    /** {@code [rows, cols]} of random float bits, with zeros, -0, infinities, NaN, subnormals and extremes mixed in. */
    static INDArray awkward(int rows, int cols, long seed) {
        Random r = new Random(seed);
        float[] special = {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MIN_VALUE,
            -Float.MIN_VALUE, Float.MAX_VALUE, Float.MIN_NORMAL, 1e-40f, 0.1f, 1f / 3};
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < special.length ? special[i]
                    : i % 3 == 0 ? (float) r.nextGaussian() : Float.intBitsToFloat(r.nextInt());
            if (Float.isNaN(v[i])) {
                v[i] = Float.NaN; // one NaN pattern: ND4J may not keep payloads of others
            }
        }
        return Nd4j.create(v, new long[] {rows, cols}, 'c');
    }

    static int[] bits(INDArray a) {
        float[] f = a.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int[] b = new int[(int) a.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = Float.floatToRawIntBits(f[i]);
        }
        return b;
    }

    static void assertSameBits(INDArray expected, INDArray actual) {
        assertEquals(Arrays.toString(expected.shape()), Arrays.toString(actual.shape()), "shape");
        assertEquals(DataType.FLOAT, actual.dataType());
        assertArrayEquals(bits(expected), bits(actual), "float32 bits");
    }
}
