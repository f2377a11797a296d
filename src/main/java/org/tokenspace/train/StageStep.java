package org.tokenspace.train;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;

import java.util.stream.IntStream;

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
 * {@code sgemm} calls on native buffers allocated once (OpenBLAS, through ND4J's copy); everything else is plain Java
 * over arrays this object owns. Not thread-safe: one step at a time.
 */
final class StageStep implements AutoCloseable {
    private static final float LN_EPS = 1e-5f;
    private static final int COPY_PARTS = 8;

    final int vocab;
    final int dim;
    /** The most positions a batch has; a short last batch (drop_last off) has fewer. */
    final int positions;
    private int n;
    // per step, [N, D] and [N, V]
    final float[] xhat;
    final float[] normed;
    final float[] sigma;       // [N]
    final float[] logits;
    final float[] dNormed;
    final float[] dh;
    /** The output head's gradient {@code [V, D]}. */
    final float[] dOut;
    final float[] dScale;
    final float[] dShift;
    // native mirrors for sgemm
    private final FloatPointer outHeadNative;   // [V, D], kept equal to the output head's current values
    private final FloatPointer normedNative;    // [N, D]
    private final FloatPointer logitsNative;    // [N, V]: logits, then their gradient
    private final FloatPointer dOutNative;      // [V, D]
    private final FloatPointer dNormedNative;   // [N, D]

    StageStep(int vocab, int dim, int positions) {
        this.vocab = vocab;
        this.dim = dim;
        this.positions = positions;
        xhat = new float[positions * dim];
        normed = new float[positions * dim];
        sigma = new float[positions];
        logits = new float[positions * vocab];
        dNormed = new float[positions * dim];
        dh = new float[positions * dim];
        dOut = new float[vocab * dim];
        dScale = new float[dim];
        dShift = new float[dim];
        outHeadNative = new FloatPointer((long) vocab * dim);
        normedNative = new FloatPointer((long) positions * dim);
        logitsNative = new FloatPointer((long) positions * vocab);
        dOutNative = new FloatPointer((long) vocab * dim);
        dNormedNative = new FloatPointer((long) positions * dim);
    }

    /** The output head's values as the products see them: call after every change to it. */
    void syncOutHead(float[] outHead) {
        copy(outHead, outHeadNative);
    }

    /** Copies a large array into native memory on every core (one thread's memcpy leaves bandwidth unused). */
    private static void copy(float[] from, FloatPointer to) {
        int n = from.length;
        IntStream.range(0, COPY_PARTS).parallel().forEach(c -> {
            int a = (int) ((long) n * c / COPY_PARTS);
            int b = (int) ((long) n * (c + 1) / COPY_PARTS);
            new FloatPointer(to).position(a).put(from, a, b - a);
        });
    }

    /** Copies native memory into a large array on every core. */
    private static void copy(FloatPointer from, float[] to) {
        int n = to.length;
        IntStream.range(0, COPY_PARTS).parallel().forEach(c -> {
            int a = (int) ((long) n * c / COPY_PARTS);
            int b = (int) ((long) n * (c + 1) / COPY_PARTS);
            new FloatPointer(from).position(a).get(to, a, b - a);
        });
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
        logitsNative.position(0).get(logits, 0, n * vocab);
        float loss = softmaxCrossEntropy(y); // logits become dLoss/dlogits
        logitsNative.position(0).put(logits, 0, n * vocab);
        // dOut [V, D] = dlogits^T [V, N] @ normed [N, D]
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasTrans, openblas.CblasNoTrans, vocab, dim, n, 1f,
                logitsNative, vocab, normedNative, dim, 0f, dOutNative, dim);
        copy(dOutNative, dOut);
        // dNormed [N, D] = dlogits [N, V] @ outHead [V, D]
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, n, dim, vocab, 1f,
                logitsNative, vocab, outHeadNative, dim, 0f, dNormedNative, dim);
        dNormedNative.position(0).get(dNormed, 0, n * dim);
        backwardNorm(scale);
        return loss;
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
     * Cross-entropy averaged over the N positions; replaces each logit by the loss's gradient with respect to it,
     * {@code (softmax - onehot(y)) / N}.
     */
    private float softmaxCrossEntropy(int[] y) {
        double[] rowLoss = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            int at = i * vocab;
            float max = Float.NEGATIVE_INFINITY;
            for (int v = 0; v < vocab; v++) {
                max = Math.max(max, logits[at + v]);
            }
            float target = logits[at + y[i]];
            double sum = 0;
            for (int v = 0; v < vocab; v++) {
                float e = (float) Math.exp(logits[at + v] - max);
                logits[at + v] = e;
                sum += e;
            }
            rowLoss[i] = max + Math.log(sum) - target;
            float norm = (float) (1 / (sum * n));
            for (int v = 0; v < vocab; v++) {
                logits[at + v] *= norm;
            }
            logits[at + y[i]] -= 1f / n;
        });
        double total = 0;
        for (double l : rowLoss) {
            total += l;
        }
        return (float) (total / n);
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
        logitsNative.close();
        dOutNative.close();
        dNormedNative.close();
    }
}
