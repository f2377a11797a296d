package org.tokenspace.positions;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Scores of the schemes that add a table to the input: {@code (q_m + P_m) . (k_n + P_n)}. */
final class AddedTable {
    private AddedTable() {
    }

    /** {@code [Tq, Tk]}; the additions are float32 as in the model, the dot products summed in double. */
    static double[][] scores(INDArray table, float[][] queries, float[][] keys) {
        Checks.sequences(queries, keys, Math.toIntExact(table.rows()), Math.toIntExact(table.columns()));
        float[][] q = added(table, queries); // [Tq, D]
        float[][] k = added(table, keys);    // [Tk, D]
        double[][] s = new double[q.length][k.length];
        for (int m = 0; m < q.length; m++) {
            for (int n = 0; n < k.length; n++) {
                s[m][n] = PositionScheme.dot(q[m], k[n]);
            }
        }
        return s;
    }

    private static float[][] added(INDArray table, float[][] x) {
        float[][] out = new float[x.length][];
        for (int p = 0; p < x.length; p++) {
            float[] row = Checks.row(table, p);
            for (int d = 0; d < row.length; d++) {
                row[d] += x[p][d];
            }
            out[p] = row;
        }
        return out;
    }
}
