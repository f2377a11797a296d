package org.tokenspace.train;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;


/**
 * One forward and backward pass of the embedding stage over a batch of N = B*T positions:
 * <pre>
 *   h      = tokenTable[x] + positionTable[t]            [N, D]
 *   xhat   = (h - mean(h)) / sqrt(var(h) + 1e-5)         [N, D]   biased variance, per position
 *   normed = scale * xhat + shift                        [N, D]
 *   logits = normed @ outHead^T                          [N, V]
 *   loss   = mean_n(logsumexp(logits[n]) - logits[n, y_n])
 * </pre>
 * and the gradients of every parameter. The three products with the {@code [V, D]} output head are float32
 * {@code sgemm} calls on native buffers allocated once (OpenBLAS, through ND4J's copy), and the softmax over the
 * {@code [N, V]} logits is ND4J's, in place in the same native buffer; everything else is plain Java over arrays this
 * object owns. Not thread-safe: one step at a time.
 */
final class StageStep implements AutoCloseable {
    private static final float LN_EPS = 1e-5f;
    /** Below this a probability's log loses precision in float32 (near the smallest normal number). */
    private static final float TINY = 1e-30f;

    final int vocab;
    final int dim;
    /** The most positions a batch has; a short last batch (drop_last off) has fewer. */
    final int positions;
    private int n;
    // per step, [N, D] and [N, V]
    final float[] xhat;
    final float[] normed;
    final float[] sigma;       // [N]
    final float[] dNormed;
    final float[] dh;
    final float[] dScale;
    final float[] dShift;
    // native mirrors for sgemm
    /** The output head {@code [V, D]} as the products read it: its {@link Param} keeps it equal to its values. */
    final FloatPointer outHeadNative;
    private final FloatPointer normedNative;    // [N, D]
    private final INDArray logitsArray;         // [N, V]: logits, then their gradient
    private final FloatPointer logitsNative;    // logitsArray's memory
    /** The output head's gradient {@code [V, D]}, where the product leaves it (its update reads it there). */
    final FloatPointer dOutNative;
    private final FloatPointer dNormedNative;   // [N, D]

    StageStep(int vocab, int dim, int positions) {
        this.vocab = vocab;
        this.dim = dim;
        this.positions = positions;
        xhat = new float[positions * dim];
        normed = new float[positions * dim];
        sigma = new float[positions];
        dNormed = new float[positions * dim];
        dh = new float[positions * dim];
        dScale = new float[dim];
        dShift = new float[dim];
        outHeadNative = new FloatPointer((long) vocab * dim);
        normedNative = new FloatPointer((long) positions * dim);
        logitsArray = Nd4j.create(DataType.FLOAT, positions, vocab);
        logitsNative = new FloatPointer(logitsArray.data().addressPointer());
        dOutNative = new FloatPointer((long) vocab * dim);
        dNormedNative = new FloatPointer((long) positions * dim);
    }

    /**
     * Forward and backward for inputs {@code x} and targets {@code y} ({@code [B, T]} flattened to N positions),
     * leaving every gradient in this object's arrays (the token rows' gradient in {@link #dh}, by position).
     *
     * @return the mean cross-entropy, as float32
     */
    float run(int[] x, int[] y, int time, float[] tokenTable, float[] positionTable, float[] scale,
              float[] shift) {
        n = x.length;
        if (n > positions) {
            throw new IllegalArgumentException(n + " positions, this step holds at most " + positions);
        }
        forwardNorm(x, time, tokenTable, positionTable, scale, shift);
        // logits [N, V] = normed [N, D] @ outHead^T [D, V]
        normedNative.position(0).put(normed, 0, n * dim);
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, n, vocab, dim, 1f,
                normedNative, dim, outHeadNative, dim, 0f, logitsNative, vocab);
        double lossSum = softmaxCrossEntropy(y); // logits become N * dLoss/dlogits
        float mean = 1f / n;
        // dOut [V, D] = dlogits^T [V, N] @ normed [N, D]
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasTrans, openblas.CblasNoTrans, vocab, dim, n, mean,
                logitsNative, vocab, normedNative, dim, 0f, dOutNative, dim);
        // dNormed [N, D] = dlogits [N, V] @ outHead [V, D]
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, n, dim, vocab, mean,
                logitsNative, vocab, outHeadNative, dim, 0f, dNormedNative, dim);
        dNormedNative.position(0).get(dNormed, 0, n * dim);
        backwardNorm(scale);
        return (float) (lossSum / n);
    }

    /** The largest size in the output head's gradient (NaN when one is NaN). */
    float maxAbsDOut() {
        long at = openblas.cblas_isamax(vocab * dim, dOutNative, 1);
        return Math.abs(dOutNative.get(at));
    }

    /** h = tok[x] + pos[t]; the course's LayerNorm: mean and biased variance per position. */
    private void forwardNorm(int[] x, int time, float[] tok, float[] pos, float[] scale, float[] shift) {
        float[] h = dh; // [N, D] scratch: the step's dh is written later
        for (int i = 0; i < x.length; i++) {
            int t = i % time;
            int at = i * dim;
            int tokAt = x[i] * dim;
            int posAt = t * dim;
            double sum = 0;
            for (int d = 0; d < dim; d++) {
                float v = tok[tokAt + d] + pos[posAt + d]; // float32, as PyTorch adds
                h[at + d] = v;
                sum += v;
            }
            float mean = (float) (sum / dim);
            double sq = 0;
            for (int d = 0; d < dim; d++) {
                double c = h[at + d] - (double) mean;
                sq += c * c;
            }
            float var = (float) (sq / dim);
            float s = (float) Math.sqrt(var + LN_EPS);
            sigma[i] = s;
            for (int d = 0; d < dim; d++) {
                float xh = (h[at + d] - mean) / s;
                xhat[at + d] = xh;
                normed[at + d] = scale[d] * xh + shift[d];
            }
        }
    }

    /**
     * Cross-entropy summed over the N positions; replaces each logit by {@code softmax - onehot(y)}, the summed
     * loss's gradient with respect to it (the products that use it scale by {@code 1/N}, the mean's factor). A
     * position's loss is {@code -log(softmax(logits)[y])}; when that probability is too small for float32
     * (the model is sure of another token), the row's logits are computed again and its loss is
     * {@code logsumexp(logits) - logits[y]}.
     */
    private double softmaxCrossEntropy(int[] y) {
        INDArray rows = n == positions ? logitsArray : logitsArray.get(NDArrayIndex.interval(0, n), NDArrayIndex.all());
        Nd4j.exec(new SoftMax(rows, rows, 1)); // [N, V] in place
        double total = 0;
        for (int i = 0; i < n; i++) {
            long at = (long) i * vocab + y[i];
            float p = logitsNative.get(at);
            total += p >= TINY ? -Math.log(p) : logSumExpMinusTarget(i, y[i]);
            logitsNative.put(at, p - 1f);
        }
        return total;
    }

    /** {@code logsumexp(logits[i]) - logits[i, target]}, from position i's logits computed again. */
    private double logSumExpMinusTarget(int i, int target) {
        try (FloatPointer row = new FloatPointer(vocab)) {
            // row [V] = outHead [V, D] @ normed[i] [D]
            openblas.cblas_sgemv(openblas.CblasRowMajor, openblas.CblasNoTrans, vocab, dim, 1f, outHeadNative, dim,
                    new FloatPointer(normedNative).position((long) i * dim), 1, 0f, row, 1);
            float[] logits = new float[vocab];
            row.get(logits);
            float max = Float.NEGATIVE_INFINITY;
            for (float l : logits) {
                max = Math.max(max, l);
            }
            double sum = 0;
            for (float l : logits) {
                sum += Math.exp(l - max);
            }
            return max + Math.log(sum) - logits[target];
        }
    }

    /** dScale, dShift, and dh (the gradient of h) from dNormed: LayerNorm's backward per position. */
    private void backwardNorm(float[] scale) {
        java.util.Arrays.fill(dScale, 0f);
        java.util.Arrays.fill(dShift, 0f);
        for (int i = 0; i < n; i++) {
            int at = i * dim;
            double meanG = 0;
            double meanGx = 0;
            for (int d = 0; d < dim; d++) {
                float g = dNormed[at + d];
                dScale[d] += g * xhat[at + d];
                dShift[d] += g;
                float gx = g * scale[d]; // dLoss/dxhat
                meanG += gx;
                meanGx += gx * (double) xhat[at + d];
            }
            meanG /= dim;
            meanGx /= dim;
            float inv = 1f / sigma[i];
            for (int d = 0; d < dim; d++) {
                float gx = dNormed[at + d] * scale[d];
                dh[at + d] = (float) ((gx - meanG - xhat[at + d] * meanGx) * inv);
            }
        }
    }

    @Override
    public void close() {
        outHeadNative.close();
        normedNative.close();
        logitsArray.close();
        dOutNative.close();
        dNormedNative.close();
    }
}
