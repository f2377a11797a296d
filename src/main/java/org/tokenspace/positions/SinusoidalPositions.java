package org.tokenspace.positions;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.model.MemoryBudget;
import org.tokenspace.model.TokenSpaceException;

import java.util.Locale;
import java.util.Optional;

/**
 * The sinusoidal table of Vaswani et al. 2017, added to the token vectors. For pair {@code i} (0 to D/2 - 1) the
 * angle at position {@code p} is {@code p / 10000^(2i/D)}; its sine and cosine fill two columns. Computed in double
 * and rounded once to float32, as the reference does.
 */
public final class SinusoidalPositions implements PositionScheme {
    /** Where the sine and cosine of pair {@code i} go. */
    public enum Layout {
        /** {@code PE[p, 2i] = sin, PE[p, 2i+1] = cos}: the Annotated Transformer's layout. */
        INTERLEAVED,
        /**
         * {@code PE[p, i] = sin, PE[p, D/2 + i] = cos}: the {@code [sin | cos]} halves of fairseq and tensor2tensor,
         * with the same frequencies as {@link #INTERLEAVED} (those codes also space their frequencies by
         * {@code D/2 - 1} steps instead of {@code D/2}; only the layout is taken here).
         */
        CONCAT;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Layout parse(String text) {
            for (Layout l : values()) {
                if (l.cliName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return l;
                }
            }
            throw new TokenSpaceException("'" + text + "' is not a sinusoidal layout: use interleaved or concat");
        }
    }

    private static final double BASE = 10000.0;
    /** Tables of at least this many sine-cosine pairs are filled on every core, a row each. */
    static final int PARALLEL_CELLS = 1 << 14;
    private final int contextLength;
    private final int embeddingDim;
    private final Layout layout;
    private INDArray table; // [C, D], made on first use

    public SinusoidalPositions(int contextLength, int embeddingDim, Layout layout) {
        Checks.contextLength(contextLength);
        Checks.evenDim("a sinusoidal table", embeddingDim);
        MemoryBudget.requireFloats(String.format("a %d x %d sinusoidal table", contextLength, embeddingDim),
                (long) contextLength * embeddingDim);
        this.contextLength = contextLength;
        this.embeddingDim = embeddingDim;
        this.layout = layout;
    }

    @Override
    public PositionKind kind() {
        return PositionKind.SINUSOIDAL;
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    public int embeddingDim() {
        return embeddingDim;
    }

    public Layout layout() {
        return layout;
    }

    /** {@code 10000^(2i/D)}: the wavelength of pair {@code i} is {@code 2 pi} times this. */
    public double denominator(int i) {
        // Math.pow is glibc's pow here (the reference's numpy calls it); StrictMath.pow can differ in the last bit
        return Math.pow(BASE, (2.0 * i) / embeddingDim);
    }

    /** {@code p / 10000^(2i/D)}, the angle of pair {@code i} at position {@code p}. */
    public double angle(int position, int i) {
        return position / denominator(i);
    }

    /** Which pair column {@code d} belongs to, and whether it holds the sine. */
    public int pairOf(int dim) {
        return layout == Layout.INTERLEAVED ? dim / 2 : dim % (embeddingDim / 2);
    }

    public boolean isSine(int dim) {
        return layout == Layout.INTERLEAVED ? dim % 2 == 0 : dim < embeddingDim / 2;
    }

    /** {@code PE[p, d]} in double, before the rounding to float32. */
    public double value(int position, int dim) {
        double a = angle(position, pairOf(dim));
        return isSine(dim) ? StrictMath.sin(a) : StrictMath.cos(a);
    }

    /** The table {@code [contextLength, embeddingDim]} float32. */
    public synchronized INDArray table() {
        if (table == null) {
            float[] pe = new float[contextLength * embeddingDim];
            int half = embeddingDim / 2;
            double[] denominators = new double[half];
            for (int i = 0; i < half; i++) {
                denominators[i] = denominator(i);
            }
            java.util.stream.IntStream rows = java.util.stream.IntStream.range(0, contextLength);
            (contextLength * half >= PARALLEL_CELLS ? rows.parallel() : rows).forEach(p -> {
                for (int i = 0; i < half; i++) {
                    double a = p / denominators[i];
                    int sin = layout == Layout.INTERLEAVED ? 2 * i : i;
                    int cos = layout == Layout.INTERLEAVED ? 2 * i + 1 : half + i;
                    pe[p * embeddingDim + sin] = (float) StrictMath.sin(a);
                    pe[p * embeddingDim + cos] = (float) StrictMath.cos(a);
                }
            });
            table = Nd4j.create(pe, new long[] {contextLength, embeddingDim}, DataType.FLOAT); // [C, D]
        }
        return table;
    }

    @Override
    public Optional<INDArray> inputTable() {
        return Optional.of(table());
    }

    @Override
    public Heatmap heatmap(Probe probe) {
        float[][] values = table().toFloatMatrix();
        return new Heatmap("sinusoidal table (" + layout.cliName() + ")", "position", "dimension", values,
                this::formula);
    }

    /**
     * E.g. {@code PE[3, 4] = sin(p / 10000^(2i/D)) = sin(3 / 10000^(4/8)) = sin(3 / 100.0000) = sin(0.0300) = 0.0300
     * (pair i = 2, sine)}.
     */
    public String formula(int position, int dim) {
        Checks.position("position", position, contextLength);
        if (dim < 0 || dim >= embeddingDim) {
            throw new TokenSpaceException("dimension " + dim + " is outside the table: 0 to " + (embeddingDim - 1));
        }
        int i = pairOf(dim);
        String f = isSine(dim) ? "sin" : "cos";
        double a = angle(position, i);
        float v = (float) value(position, dim);
        return "PE[" + position + ", " + dim + "] = " + f + "(p / 10000^(2i/D)) = " + f + "(" + position
                + " / 10000^(" + 2 * i + "/" + embeddingDim + ")) = " + f + "(" + position + " / "
                + Formulas.num(denominator(i)) + ") = " + f + "(" + Formulas.num(a) + ") = " + Formulas.num(v)
                + "  (pair i = " + i + ", " + (isSine(dim) ? "sine" : "cosine") + ")";
    }

    @Override
    public double[][] scores(float[][] queries, float[][] keys, int head) {
        return AddedTable.scores(table(), queries, keys);
    }

    @Override
    public String summary() {
        return "sinusoidal table [" + contextLength + ", " + embeddingDim + "], "
                + (layout == Layout.INTERLEAVED ? "interleaved sin/cos" : "concatenated [sin | cos]");
    }
}
