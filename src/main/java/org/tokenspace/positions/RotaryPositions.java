package org.tokenspace.positions;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.model.MemoryBudget;
import org.tokenspace.model.TokenSpaceException;

import java.util.Locale;
import java.util.Optional;

/**
 * Rotary position embeddings (RoFormer, Su et al. 2021). Nothing is added to the input: a query or key at position
 * {@code p} has each pair {@code (a, b)} of its dimensions turned by the angle {@code p * theta_i},
 * {@code theta_i = 10000^(-2i/D)}: {@code a' = a cos - b sin}, {@code b' = a sin + b cos}. Since rotations compose,
 * {@code R_m q . R_n k = q . R_(n-m) k}: the score depends on the distance only. Computed in double and rounded once
 * to float32, as the reference does.
 */
public final class RotaryPositions implements PositionScheme {
    /** Which dimensions form pair {@code i}. */
    public enum Pairing {
        /** {@code (2i, 2i+1)}: RoFormer, GPT-J, Meta's LLaMA. */
        INTERLEAVED,
        /** {@code (i, i + D/2)}: GPT-NeoX's {@code rotate_half}, Hugging Face Llama. */
        HALF;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Pairing parse(String text) {
            for (Pairing p : values()) {
                if (p.cliName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
            throw new TokenSpaceException("'" + text + "' is not a RoPE pairing: use interleaved or half");
        }
    }

    /** The base of the frequencies, as RoFormer and LLaMA use it. */
    public static final double BASE = 10000.0;
    private final int contextLength;
    private final int embeddingDim;
    private final Pairing pairing;
    private final double[] theta; // [D/2]

    public RotaryPositions(int contextLength, int embeddingDim, Pairing pairing) {
        Checks.contextLength(contextLength);
        Checks.evenDim("RoPE", embeddingDim);
        this.contextLength = contextLength;
        this.embeddingDim = embeddingDim;
        this.pairing = pairing;
        theta = new double[embeddingDim / 2];
        for (int i = 0; i < theta.length; i++) {
            // the reference's base ** (-arange(0, D, 2) / D); Math.pow is glibc's pow here, StrictMath's may differ
            theta[i] = Math.pow(BASE, -(2.0 * i) / embeddingDim);
        }
    }

    @Override
    public PositionKind kind() {
        return PositionKind.ROPE;
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    public int embeddingDim() {
        return embeddingDim;
    }

    public Pairing pairing() {
        return pairing;
    }

    /** {@code theta_i = 10000^(-2i/D)}, radians per position of pair {@code i}. */
    public double theta(int i) {
        return theta[i];
    }

    /** {@code p * theta_i}. */
    public double angle(int position, int i) {
        return position * theta[i];
    }

    /** The two dimensions of pair {@code i}: first the one that takes {@code cos} of itself. */
    public int[] pair(int i) {
        return pairing == Pairing.INTERLEAVED ? new int[] {2 * i, 2 * i + 1} : new int[] {i, i + embeddingDim / 2};
    }

    /** The pair dimension {@code d} belongs to. */
    public int pairOf(int dim) {
        return pairing == Pairing.INTERLEAVED ? dim / 2 : dim % (embeddingDim / 2);
    }

    /** {@code x [D]} at position {@code p}, rotated: {@code [D]} in double. */
    public double[] rotate(float[] x, int position) {
        requireDim(x);
        double[] out = new double[embeddingDim];
        for (int i = 0; i < theta.length; i++) {
            int[] ab = pair(i);
            double a = x[ab[0]];
            double b = x[ab[1]];
            double angle = position * theta[i];
            double cos = StrictMath.cos(angle);
            double sin = StrictMath.sin(angle);
            out[ab[0]] = a * cos - b * sin;
            out[ab[1]] = b * cos + a * sin;
        }
        return out;
    }

    /** Pair {@code i} of {@code x} after the rotation at position {@code p}: the 2-D vector a view draws turning. */
    public double[] turn(float[] x, int i, int position) {
        requireDim(x);
        int[] ab = pair(i);
        double angle = position * theta[i];
        double a = x[ab[0]];
        double b = x[ab[1]];
        return new double[] {a * StrictMath.cos(angle) - b * StrictMath.sin(angle),
                b * StrictMath.cos(angle) + a * StrictMath.sin(angle)};
    }

    /** Row {@code p} of {@code x [T, D]} rotated for position {@code p}: {@code [T, D]} float32. */
    public INDArray rotate(INDArray x) {
        if (x.rank() != 2 || x.columns() != embeddingDim || x.rows() > contextLength) {
            throw new TokenSpaceException("RoPE rotates [T, " + embeddingDim + "] with T up to " + contextLength
                    + ", got " + java.util.Arrays.toString(x.shape()));
        }
        int rows = Math.toIntExact(x.rows());
        float[] out = new float[rows * embeddingDim];
        for (int p = 0; p < rows; p++) {
            double[] r = rotate(Checks.row(x, p), p);
            for (int d = 0; d < embeddingDim; d++) {
                out[p * embeddingDim + d] = (float) r[d];
            }
        }
        return Nd4j.create(out, new long[] {rows, embeddingDim}, DataType.FLOAT); // [T, D]
    }

    /** One vector {@code x [D]} placed at every position 0..C-1 and rotated there: {@code [C, D]} float32. */
    public INDArray rotatedRows(float[] x) {
        requireDim(x);
        MemoryBudget.requireFloats(String.format("%d rotated rows of %d", contextLength, embeddingDim),
                (long) contextLength * embeddingDim);
        float[] out = new float[contextLength * embeddingDim];
        java.util.stream.IntStream rows = java.util.stream.IntStream.range(0, contextLength);
        (contextLength * embeddingDim >= SinusoidalPositions.PARALLEL_CELLS ? rows.parallel() : rows).forEach(p -> {
            double[] r = rotate(x, p);
            for (int d = 0; d < embeddingDim; d++) {
                out[p * embeddingDim + d] = (float) r[d];
            }
        });
        return Nd4j.create(out, new long[] {contextLength, embeddingDim}, DataType.FLOAT); // [C, D]
    }

    @Override
    public Optional<INDArray> inputTable() {
        return Optional.empty();
    }

    /** The probe's token rotated at every position ({@code [C, D]}), each cell with its rotation written out. */
    @Override
    public Heatmap heatmap(Probe probe) {
        if (probe.token() == null) {
            throw new TokenSpaceException("RoPE rotates a vector: choose a token to see it turn with the position");
        }
        float[] x = probe.token().clone();
        float[][] values = rotatedRows(x).toFloatMatrix();
        return new Heatmap("RoPE: the token rotated at each position (" + pairing.cliName() + " pairs)", "position",
                "dimension", values, (p, d) -> formula(x, p, d));
    }

    /**
     * The rotation of cell {@code [position, dim]} written out, e.g. for D = 4: {@code x'[2] = x[2]·cos(3·θ1) −
     * x[3]·sin(3·θ1) = -0.1690·cos(0.0300) − (0.9178)·sin(0.0300) = -0.1965  (θ1 = 10000^(−2/4) = 0.0100, pair
     * (2, 3))}.
     */
    public String formula(float[] x, int position, int dim) {
        requireDim(x);
        Checks.position("position", position, contextLength);
        if (dim < 0 || dim >= embeddingDim) {
            throw new TokenSpaceException("dimension " + dim + " is outside the vector: 0 to " + (embeddingDim - 1));
        }
        int i = pairOf(dim);
        int[] ab = pair(i);
        boolean first = dim == ab[0];
        double angle = angle(position, i);
        float v = (float) rotate(x, position)[dim];
        String a = "x[" + ab[0] + "]";
        String b = "x[" + ab[1] + "]";
        String t = position + "·θ" + i;
        String symbolic = first ? a + "·cos(" + t + ") − " + b + "·sin(" + t + ")"
                : b + "·cos(" + t + ") + " + a + "·sin(" + t + ")";
        String ang = Formulas.num(angle);
        String filled = first
                ? Formulas.num(x[ab[0]]) + "·cos(" + ang + ") − (" + Formulas.num(x[ab[1]]) + ")·sin(" + ang + ")"
                : Formulas.num(x[ab[1]]) + "·cos(" + ang + ") + (" + Formulas.num(x[ab[0]]) + ")·sin(" + ang + ")";
        return "x'[" + dim + "] = " + symbolic + " = " + filled + " = " + Formulas.num(v) + "  (θ" + i
                + " = 10000^(−" + 2 * i + "/" + embeddingDim + ") = " + Formulas.num(theta[i]) + ", pair ("
                + ab[0] + ", " + ab[1] + "))";
    }

    @Override
    public double[][] scores(float[][] queries, float[][] keys, int head) {
        Checks.sequences(queries, keys, contextLength, embeddingDim);
        double[][] q = new double[queries.length][];
        double[][] k = new double[keys.length][];
        for (int m = 0; m < q.length; m++) {
            q[m] = rotate(queries[m], m);
        }
        for (int n = 0; n < k.length; n++) {
            k[n] = rotate(keys[n], n);
        }
        double[][] s = new double[q.length][k.length];
        for (int m = 0; m < q.length; m++) {
            for (int n = 0; n < k.length; n++) {
                double sum = 0;
                for (int d = 0; d < embeddingDim; d++) {
                    sum += q[m][d] * k[n][d];
                }
                s[m][n] = sum;
            }
        }
        return s;
    }

    /**
     * {@code R_m q . R_n k} for one query vector and one key vector at every distance {@code n - m} from
     * {@code -(C-1)} to {@code C-1} (index {@code n - m + C - 1}): the line a view plots against distance.
     */
    public double[] scoreByDistance(float[] query, float[] key) {
        requireDim(query);
        requireDim(key);
        double[] out = new double[2 * contextLength - 1];
        for (int r = -(contextLength - 1); r < contextLength; r++) {
            int m = Math.max(0, -r);
            double[] q = rotate(query, m);
            double[] k = rotate(key, m + r);
            double sum = 0;
            for (int d = 0; d < embeddingDim; d++) {
                sum += q[d] * k[d];
            }
            out[r + contextLength - 1] = sum;
        }
        return out;
    }

    @Override
    public String summary() {
        return "RoPE over " + contextLength + " positions, embeddingDim " + embeddingDim + ", " + pairing.cliName()
                + " pairs " + (pairing == Pairing.INTERLEAVED ? "(2i, 2i+1)" : "(i, i+D/2)") + ", base 10000";
    }

    private void requireDim(float[] x) {
        if (x == null || x.length != embeddingDim) {
            throw new TokenSpaceException("RoPE needs a vector of embeddingDim " + embeddingDim + ", got "
                    + (x == null ? "none" : x.length + " values"));
        }
    }
}
