package org.tokenspace.explore;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.tokenspace.io.Progress;
import org.tokenspace.model.TokenSpaceException;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * Exact k-nearest-neighbour graphs by brute force, which on this scale beats an approximate index: the
 * {@code n x n} inner products come from float32 {@code sgemm} (OpenBLAS, a block of rows at a time), which picks
 * {@code k + margin} candidates per row; their distances are then recomputed exactly in double and the best {@code k}
 * kept. The rows are centred first (distances do not change) so that {@code |y|^2 - 2 x·y} loses little to
 * cancellation. For 50,257 x 256 this is 1.3 TFLOP, about ten seconds on two cores.
 */
public final class Knn {
    /** Inner products held at once: {@code block x n} floats (64 MB). */
    static final long BLOCK_FLOATS = 1L << 24;

    private Knn() {
    }

    /** The {@code k} nearest other rows of every row of {@code x}. */
    public static KnnGraph exact(Vectors x, int k, Progress progress) {
        return exact(x, k, progress, BLOCK_FLOATS);
    }

    static KnnGraph exact(Vectors x, int k, Progress progress, long blockFloats) {
        int n = x.rows();
        int dim = x.dim();
        if (k < 1 || k > n - 1) {
            throw new TokenSpaceException("cannot find " + k + " neighbours among " + n + " rows: k must be 1 to "
                    + (n - 1));
        }
        float[] centred = centred(x);
        double[] halfNorm = new double[n]; // |y|^2 / 2 of the float32 rows that go into sgemm
        for (int i = 0; i < n; i++) {
            halfNorm[i] = Dot.dot(centred, i * dim, centred, i * dim, dim) / 2;
        }
        int candidates = Math.min(n - 1, k + k / 2 + 8);
        int block = (int) Math.max(1, Math.min(n, blockFloats / n));
        int[] ids = new int[n * k];
        double[] d2 = new double[n * k];
        try (FloatPointer all = new FloatPointer(centred);
             FloatPointer products = new FloatPointer((long) block * n)) {
            for (int r0 = 0; r0 < n; r0 += block) {
                int b = Math.min(block, n - r0);
                FloatPointer rows = new FloatPointer(all).position((long) r0 * dim); // a view, not a copy
                openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, b, n,
                        dim, 1f, rows, dim, all, dim, 0f, products, n); // [b, n] = Y[r0:r0+b] · Y^T
                FloatBuffer p = products.asBuffer();
                int first = r0;
                IntStream.range(0, b).parallel().forEach(r -> select(x, p, r * (long) n, first + r, halfNorm,
                        candidates, k, ids, d2));
                progress.step(r0 + b, n);
            }
        }
        return new KnnGraph(n, k, ids, d2);
    }

    /** Row {@code i}: candidates by {@code |y_j|^2/2 - y_i·y_j}, then the best k by exact distance. */
    private static void select(Vectors x, FloatBuffer products, long from, int i, double[] halfNorm,
                               int candidates, int k, int[] ids, double[] d2) {
        int n = x.rows();
        TopK top = new TopK(candidates);
        for (int j = 0; j < n; j++) {
            if (j != i) {
                top.offer(halfNorm[j] - products.get((int) (from + j)), j);
            }
        }
        double[] keys = new double[candidates];
        int[] cand = top.sorted(keys);
        TopK exact = new TopK(k);
        for (int j : cand) {
            exact.offer(Dot.squaredDistance(x.data(), i * x.dim(), x.data(), j * x.dim(), x.dim()), j);
        }
        double[] best = new double[k];
        int[] kept = exact.sorted(best);
        System.arraycopy(kept, 0, ids, i * k, k);
        System.arraycopy(best, 0, d2, i * k, k);
    }

    /** The rows minus their column means (taken in double), as float32. */
    private static float[] centred(Vectors x) {
        int n = x.rows();
        int dim = x.dim();
        double[] mean = new double[dim];
        float[] data = x.data();
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                mean[d] += data[i * dim + d];
            }
        }
        float[] out = new float[n * dim];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                out[i * dim + d] = (float) (data[i * dim + d] - mean[d] / n);
            }
        }
        return out;
    }
}
