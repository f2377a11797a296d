package org.tokenspace.positions;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.model.MemoryBudget;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * ALiBi (Press et al. 2022): nothing is added to the input; head {@code h} adds {@code -slope_h * (i - j)} to the
 * causal score of query {@code i} and key {@code j <= i}, a penalty growing with the distance. Keys after the query
 * are masked ({@code -Infinity}). The slopes form a geometric sequence per head count: {@code 2^(-8/n)} to the
 * powers 1..n for a power of two n; otherwise the slopes of the closest smaller power of two, then every other slope
 * of twice that count.
 */
public final class AlibiPositions implements PositionScheme {
    private final int contextLength;
    private final double[] slopes; // [H]

    public AlibiPositions(int contextLength, int heads) {
        Checks.contextLength(contextLength);
        Checks.heads(heads);
        this.contextLength = contextLength;
        this.slopes = slopes(heads);
    }

    /** The slopes of {@code heads} heads, in double, as the reference (and the ALiBi authors' code) computes them. */
    public static double[] slopes(int heads) {
        Checks.heads(heads);
        if (Integer.bitCount(heads) == 1) {
            return powerOfTwoSlopes(heads);
        }
        int c = Integer.highestOneBit(heads);
        double[] first = powerOfTwoSlopes(c);
        double[] twice = slopes(2 * c);
        double[] out = new double[heads];
        System.arraycopy(first, 0, out, 0, c);
        for (int h = c; h < heads; h++) {
            out[h] = twice[2 * (h - c)]; // every other slope of 2c heads: the ones between the first c
        }
        return out;
    }

    /** {@code start = 2^(-2^-(log2(n) - 3)) = 2^(-8/n)}, slopes {@code start * start^h} for h = 0..n-1. */
    private static double[] powerOfTwoSlopes(int n) {
        int log2 = Integer.numberOfTrailingZeros(n); // exact, as Python's math.log2 of a power of two
        // Math.pow is glibc's pow here, as Python's **; StrictMath.pow differs in the last bit (e.g. for 9 heads)
        double start = Math.pow(2, -Math.pow(2, -(log2 - 3.0)));
        double[] out = new double[n];
        for (int h = 0; h < n; h++) {
            out[h] = start * Math.pow(start, h);
        }
        return out;
    }

    public int heads() {
        return slopes.length;
    }

    public double slope(int head) {
        Checks.head(head, heads());
        return slopes[head];
    }

    public double[] slopes() {
        return slopes.clone();
    }

    /** {@code -slope_h * (i - j)} rounded to float32 for {@code j <= i}; {@code -Infinity} for a key after it. */
    public float bias(int head, int query, int key) {
        Checks.head(head, heads());
        return biasOf(slopes[head], query, key);
    }

    private static float biasOf(double slope, int i, int j) {
        return j <= i ? (float) (-slope * (double) (i - j)) : Float.NEGATIVE_INFINITY;
    }

    /** {@code [C, C]} bias of one head: rows are queries, columns keys. */
    public float[][] biasMatrix(int head) {
        Checks.head(head, heads());
        float[][] out = new float[contextLength][contextLength];
        for (int i = 0; i < contextLength; i++) {
            for (int j = 0; j < contextLength; j++) {
                out[i][j] = biasOf(slopes[head], i, j);
            }
        }
        return out;
    }

    /** Every head's bias {@code [H, C, C]} float32, {@code -Infinity} above the diagonal. */
    public INDArray bias() {
        long count = (long) heads() * contextLength * contextLength;
        MemoryBudget.requireFloats(String.format("an ALiBi bias of %d heads x %d x %d", heads(), contextLength,
                contextLength), count);
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, heads(), contextLength, contextLength); // [H, C, C]
        FloatBuffer data = out.data().asNioFloat();
        float[] row = new float[contextLength];
        for (int h = 0; h < heads(); h++) {
            // the bias depends on i - j only: row i is the row of distances i, i-1, ..., 0, then the mask
            float[] byDistance = biasByDistance(h);
            for (int i = 0; i < contextLength; i++) {
                for (int j = 0; j <= i; j++) {
                    row[j] = byDistance[i - j];
                }
                Arrays.fill(row, i + 1, contextLength, Float.NEGATIVE_INFINITY);
                data.put(((h * contextLength) + i) * contextLength, row);
            }
        }
        return out;
    }

    @Override
    public PositionKind kind() {
        return PositionKind.ALIBI;
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    @Override
    public Optional<INDArray> inputTable() {
        return Optional.empty();
    }

    @Override
    public Heatmap heatmap(Probe probe) {
        int head = probe.head();
        return new Heatmap("ALiBi bias of head " + head + " (slope " + Formulas.num(slope(head)) + ")", "query",
                "key", biasMatrix(head), (i, j) -> formula(head, i, j));
    }

    /** E.g. {@code bias[2, 5, 2] = −m2·(i − j) = −0.1250·(5 − 2) = -0.3750  (m2 = 2^(−8·3/8) = 0.1250)}. */
    public String formula(int head, int query, int key) {
        Checks.head(head, heads());
        Checks.position("query", query, contextLength);
        Checks.position("key", key, contextLength);
        String cell = "bias[" + head + ", " + query + ", " + key + "] = ";
        if (key > query) {
            return cell + "−∞: key " + key + " comes after query " + query + ", masked in a causal model";
        }
        return cell + "−m" + head + "·(i − j) = −" + Formulas.num(slopes[head]) + "·(" + query + " − " + key
                + ") = " + Formulas.num(bias(head, query, key)) + "  (m" + head + " = " + slopeFormula(head) + ")";
    }

    /** How slope {@code h} comes about: {@code 2^(−8·3/8)}, or its place in the sequence of twice the heads. */
    public String slopeFormula(int head) {
        int n = heads();
        if (Integer.bitCount(n) == 1) {
            return "2^(−8·" + (head + 1) + "/" + n + ") = " + Formulas.num(slopes[head]);
        }
        int c = Integer.highestOneBit(n);
        if (head < c) {
            return "2^(−8·" + (head + 1) + "/" + c + ") = " + Formulas.num(slopes[head]) + ", as for " + c + " heads";
        }
        int k = 2 * (head - c) + 1;
        return "2^(−8·" + k + "/" + 2 * c + ") = " + Formulas.num(slopes[head]) + ", slope " + k + " of "
                + 2 * c + " heads, between those of " + c;
    }

    /** The bias a head adds at each distance {@code i - j} from 0 to C-1. */
    public float[] biasByDistance(int head) {
        Checks.head(head, heads());
        float[] out = new float[contextLength];
        for (int d = 0; d < contextLength; d++) {
            out[d] = biasOf(slopes[head], d, 0);
        }
        return out;
    }

    @Override
    public double[][] scores(float[][] queries, float[][] keys, int head) {
        Checks.sequences(queries, keys, contextLength, -1);
        Checks.head(head, heads());
        double[][] s = new double[queries.length][keys.length];
        for (int i = 0; i < queries.length; i++) {
            for (int j = 0; j < keys.length; j++) {
                s[i][j] = j > i ? Double.NEGATIVE_INFINITY
                        : PositionScheme.dot(queries[i], keys[j]) + biasOf(slopes[head], i, j);
            }
        }
        return s;
    }

    @Override
    public String summary() {
        return "ALiBi bias [" + heads() + ", " + contextLength + ", " + contextLength + "], slopes "
                + Formulas.num(slopes[0]) + (heads() > 1 ? " to " + Formulas.num(slopes[heads() - 1]) : "");
    }
}
