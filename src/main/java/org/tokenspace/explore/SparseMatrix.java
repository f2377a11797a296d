package org.tokenspace.explore;

import java.util.Arrays;

/**
 * A sparse {@code n x n} matrix in compressed rows: row {@code i}'s entries are {@code cols[k], values[k]} for
 * {@code k} from {@code rowStart[i]} to {@code rowStart[i + 1]}, columns ascending.
 */
record SparseMatrix(int n, int[] rowStart, int[] cols, double[] values) {

    /** {@code A + A^T}, or with {@code fuzzyUnion} {@code A + A^T - A∘A^T}, of the kNN matrix {@code A}. */
    static SparseMatrix symmetrize(int n, int k, int[] ids, double[] a, boolean fuzzyUnion) {
        // every kNN entry (i, j, v) appears as itself and as its transpose; equal positions are merged below
        int[] count = new int[n + 1];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                count[i + 1]++;
                count[ids[i * k + t] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        int[] fill = Arrays.copyOf(count, n);
        long[] packed = new long[2 * n * k]; // (column << 32 | slot) so that a row sorts by column
        double[] forward = new double[2 * n * k]; // A[i, j]
        double[] backward = new double[2 * n * k]; // A[j, i]
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                int j = ids[i * k + t];
                double v = a[i * k + t];
                int s = fill[i]++;
                packed[s] = (long) j << 32 | s;
                forward[s] = v;
                s = fill[j]++;
                packed[s] = (long) i << 32 | s;
                backward[s] = v;
            }
        }
        int[] rowStart = new int[n + 1];
        int[] cols = new int[2 * n * k];
        double[] values = new double[2 * n * k];
        int out = 0;
        for (int i = 0; i < n; i++) {
            rowStart[i] = out;
            Arrays.sort(packed, count[i], count[i + 1]);
            for (int s = count[i]; s < count[i + 1]; ) {
                int col = (int) (packed[s] >>> 32);
                double f = 0;
                double b = 0;
                for (; s < count[i + 1] && (int) (packed[s] >>> 32) == col; s++) {
                    int slot = (int) packed[s];
                    f += forward[slot];
                    b += backward[slot];
                }
                cols[out] = col;
                values[out++] = fuzzyUnion ? f + b - f * b : f + b;
            }
        }
        rowStart[n] = out;
        return new SparseMatrix(n, rowStart, Arrays.copyOf(cols, out), Arrays.copyOf(values, out));
    }

    double sum() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
