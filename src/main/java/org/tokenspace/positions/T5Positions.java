package org.tokenspace.positions;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.model.Embedding;
import org.tokenspace.model.MemoryBudget;
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.model.TorchGenerator;

import java.util.Arrays;
import java.util.Optional;

/**
 * T5's relative position buckets (Raffel et al. 2020), as Hugging Face's
 * {@code T5Attention._relative_position_bucket}. Nothing is added to the input: the relative position
 * {@code key - query} falls in one of {@code numBuckets} buckets, and the learned bias of that bucket (one per
 * head) is added to the attention score. Small distances get a bucket each; larger ones share logarithmically wider
 * buckets up to {@code maxDistance}, and everything beyond shares the last. Bidirectional (the encoder) spends half
 * the buckets on keys after the query; causal (the decoder) puts every key after the query in bucket 0.
 */
public final class T5Positions implements PositionScheme {
    /** T5's defaults. */
    public static final int NUM_BUCKETS = 32;
    public static final int MAX_DISTANCE = 128;

    private final int contextLength;
    private final boolean bidirectional;
    private final int numBuckets;
    private final int maxDistance;
    private final INDArray bias; // [numBuckets, heads]
    private final float[][] biasRows; // the same, as Java arrays

    /**
     * @param bias the learned bias {@code [numBuckets, heads]} (Hugging Face's {@code relative_attention_bias.weight})
     */
    public T5Positions(int contextLength, boolean bidirectional, int numBuckets, int maxDistance, INDArray bias) {
        Checks.contextLength(contextLength);
        check(bidirectional, numBuckets, maxDistance);
        if (bias.rank() != 2 || bias.rows() != numBuckets || bias.columns() < 1) {
            throw new TokenSpaceException("the T5 bias must be [numBuckets, heads] = [" + numBuckets
                    + ", heads], got " + Arrays.toString(bias.shape()));
        }
        this.contextLength = contextLength;
        this.bidirectional = bidirectional;
        this.numBuckets = numBuckets;
        this.maxDistance = maxDistance;
        this.bias = bias;
        this.biasRows = bias.toFloatMatrix();
    }

    /**
     * With the bias seeded as {@code torch.manual_seed(seed); nn.Embedding(numBuckets, heads).weight}: one standard
     * normal per bucket and head, drawn from a fresh generator (not from the stream of the token tables). A trained
     * T5 starts from another initialisation; this gives the views a bias of the right shape, reproducible in PyTorch.
     */
    public static T5Positions seeded(int contextLength, boolean bidirectional, int numBuckets, int maxDistance,
                                     int heads, long seed, NormalKernel kernel) {
        Checks.heads(heads);
        check(bidirectional, numBuckets, maxDistance);
        INDArray bias = Embedding.create(new TorchGenerator(seed), "T5 bias", numBuckets, heads, kernel);
        return new T5Positions(contextLength, bidirectional, numBuckets, maxDistance, bias);
    }

    /** The sizes the formula needs: at least one exact bucket per direction, and a maxDistance beyond them. */
    private static void check(boolean bidirectional, int numBuckets, int maxDistance) {
        int least = bidirectional ? 4 : 2;
        if (numBuckets < least) {
            throw new TokenSpaceException("numBuckets " + numBuckets + " is too few for "
                    + (bidirectional ? "bidirectional" : "causal") + " T5 buckets: "
                    + (bidirectional ? "each direction gets half, and " : "") + "half of those are exact distances,"
                    + " so at least " + least + " are needed; use " + least + " or more (T5 uses 32)");
        }
        int exact = maxExact(bidirectional, numBuckets);
        if (maxDistance <= exact) {
            throw new TokenSpaceException("maxDistance " + maxDistance + " must be above the " + exact
                    + " exact distances of " + numBuckets + " " + (bidirectional ? "bidirectional" : "causal")
                    + " buckets (the log buckets span " + exact + " to maxDistance): use " + (exact + 1)
                    + " or more (T5 uses 128)");
        }
    }

    /** How many distances get a bucket of their own, per direction. */
    private static int maxExact(boolean bidirectional, int numBuckets) {
        return (bidirectional ? numBuckets / 2 : numBuckets) / 2;
    }

    /**
     * The bucket of {@code relativePosition = key - query}, as Hugging Face's {@code _relative_position_bucket}
     * (computed in double like the reference; PyTorch's float32 version gives the same buckets, see the tests).
     */
    public static int bucket(int relativePosition, boolean bidirectional, int numBuckets, int maxDistance) {
        int ret = 0;
        long n = -(long) relativePosition;
        int buckets = numBuckets;
        if (bidirectional) {
            buckets /= 2;
            if (n < 0) {
                ret += buckets; // keys after the query use the upper half
            }
            n = Math.abs(n);
        } else {
            n = Math.max(n, 0); // keys after the query: bucket 0
        }
        int maxExact = buckets / 2;
        if (n < maxExact) {
            return ret + (int) n;
        }
        // log buckets: ln(n / maxExact) / ln(maxDistance / maxExact) of the remaining buckets, truncated
        double val = maxExact + Math.floor(Math.log(n / (double) maxExact)
                / Math.log(maxDistance / (double) maxExact) * (buckets - maxExact));
        return ret + (int) Math.min(val, buckets - 1);
    }

    /** The bucket of a query and key position. */
    public int bucket(int query, int key) {
        return bucket(key - query, bidirectional, numBuckets, maxDistance);
    }

    /** {@code [C, C]} buckets: rows are queries, columns keys. */
    public int[][] buckets() {
        // int32 buckets take as many bytes as float32 values
        MemoryBudget.requireFloats(String.format("a %d x %d bucket matrix", contextLength, contextLength),
                (long) contextLength * contextLength);
        int[][] out = new int[contextLength][contextLength];
        int[] byDistance = bucketByRelativePosition(); // the bucket depends on key - query only
        for (int q = 0; q < contextLength; q++) {
            for (int k = 0; k < contextLength; k++) {
                out[q][k] = byDistance[k - q + contextLength - 1];
            }
        }
        return out;
    }

    /** The learned bias {@code [numBuckets, heads]}. */
    public INDArray biasTable() {
        return bias;
    }

    public int heads() {
        return biasRows[0].length;
    }

    public boolean bidirectional() {
        return bidirectional;
    }

    public int numBuckets() {
        return numBuckets;
    }

    public int maxDistance() {
        return maxDistance;
    }

    /** {@code relative_attention_bias[bucket(key - query), head]}. */
    public float bias(int query, int key, int head) {
        Checks.head(head, heads());
        return biasRows[bucket(query, key)][head];
    }

    /** {@code [C, C]}: the bias head {@code head} adds to each query-key score. */
    public float[][] biasMatrix(int head) {
        Checks.head(head, heads());
        int[][] b = buckets();
        float[][] out = new float[contextLength][contextLength];
        for (int q = 0; q < contextLength; q++) {
            for (int k = 0; k < contextLength; k++) {
                out[q][k] = biasRows[b[q][k]][head];
            }
        }
        return out;
    }

    /** The bucket of each relative position {@code r = key - query} from -(C-1) to C-1, at index {@code r + C - 1}. */
    public int[] bucketByRelativePosition() {
        int[] out = new int[2 * contextLength - 1];
        for (int r = -(contextLength - 1); r < contextLength; r++) {
            out[r + contextLength - 1] = bucket(r, bidirectional, numBuckets, maxDistance);
        }
        return out;
    }

    /** The bias head {@code head} adds at each relative position {@code key - query} from -(C-1) to C-1. */
    public float[] biasByRelativePosition(int head) {
        Checks.head(head, heads());
        int[] buckets = bucketByRelativePosition();
        float[] out = new float[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            out[i] = biasRows[buckets[i]][head];
        }
        return out;
    }

    @Override
    public PositionKind kind() {
        return PositionKind.T5;
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
        return new Heatmap("T5 bias of head " + head + " (" + (bidirectional ? "bidirectional" : "causal") + ", "
                + numBuckets + " buckets)", "query", "key", biasMatrix(head), (q, k) -> formula(q, k, head));
    }

    /**
     * E.g. {@code bucket(key − query = 20 − 2 = +18) = 16 + min(8 + ⌊ln(18/8) / ln(128/8) · 8⌋, 15)
     * = 16 + min(8 + ⌊2.3399⌋, 15) = 26; bias = relative_attention_bias[26, head 1] = -0.3121}.
     */
    public String formula(int query, int key, int head) {
        Checks.position("query", query, contextLength);
        Checks.position("key", key, contextLength);
        Checks.head(head, heads());
        int rel = key - query;
        int b = bucket(query, key);
        int buckets = bidirectional ? numBuckets / 2 : numBuckets;
        int maxExact = buckets / 2;
        String offset = "";
        long n;
        if (bidirectional) {
            offset = rel > 0 ? buckets + " + " : "0 + ";
            n = Math.abs((long) rel);
        } else {
            n = Math.max(-(long) rel, 0);
        }
        String how;
        if (n < maxExact) {
            how = offset + n + " (distance " + n + " < " + maxExact + ": a bucket of its own)";
        } else {
            double raw = Math.log(n / (double) maxExact) / Math.log(maxDistance / (double) maxExact)
                    * (buckets - maxExact);
            how = offset + "min(" + maxExact + " + ⌊ln(" + n + "/" + maxExact + ") / ln(" + maxDistance + "/"
                    + maxExact + ") · " + (buckets - maxExact) + "⌋, " + (buckets - 1) + ") = " + offset + "min("
                    + maxExact + " + ⌊" + Formulas.num(raw) + "⌋, " + (buckets - 1) + ")";
        }
        String causalNote = !bidirectional && rel > 0 ? " (causal: a key after the query counts as distance 0)" : "";
        return "bucket(key − query = " + key + " − " + query + " = " + Formulas.signed(rel) + ") = " + how + " = "
                + b + causalNote + "; bias = relative_attention_bias[" + b + ", head " + head + "] = "
                + Formulas.num(biasRows[b][head]);
    }

    /**
     * {@code q_m . k_n + bias(m, n)}; causal buckets are the decoder's, whose mask also hides keys after the query
     * ({@code -Infinity}).
     */
    @Override
    public double[][] scores(float[][] queries, float[][] keys, int head) {
        Checks.sequences(queries, keys, contextLength, -1);
        Checks.head(head, heads());
        double[][] s = new double[queries.length][keys.length];
        for (int m = 0; m < queries.length; m++) {
            for (int n = 0; n < keys.length; n++) {
                s[m][n] = !bidirectional && n > m ? Double.NEGATIVE_INFINITY
                        : PositionScheme.dot(queries[m], keys[n]) + biasRows[bucket(m, n)][head];
            }
        }
        return s;
    }

    @Override
    public String summary() {
        return "T5 buckets [" + contextLength + ", " + contextLength + "], " + (bidirectional ? "bidirectional"
                : "causal") + ", " + numBuckets + " buckets, max distance " + maxDistance;
    }
}
