package org.tokenspace.positions;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.model.MemoryBudget;
import org.tokenspace.model.TokenSpaceException;

/**
 * How alike the rows of an added positional table are: position x position matrices, and any such matrix averaged
 * by distance (the line of similarity against distance). Sums are taken in double.
 */
public final class PositionSimilarity {
    /** How two position vectors are compared. */
    public enum Measure {
        /** {@code P_m . P_n}. */
        DOT,
        /** {@code P_m . P_n / (|P_m| |P_n|)}; 0 where a row is all zeros. */
        COSINE
    }

    private PositionSimilarity() {
    }

    /** {@code [C, C]} similarity of the rows of {@code table [C, D]}. */
    public static double[][] matrix(INDArray table, Measure measure) {
        if (table.rank() != 2) {
            throw new TokenSpaceException("similarity needs a 2-D positional table, got rank " + table.rank());
        }
        int c = Math.toIntExact(table.rows());
        MemoryBudget.requireFloats(String.format("a %d x %d similarity matrix", c, c), 2L * c * c);
        float[][] rows = table.toFloatMatrix(); // [C, D]
        double[] norms = new double[c];
        for (int m = 0; m < c; m++) {
            norms[m] = Math.sqrt(PositionScheme.dot(rows[m], rows[m]));
        }
        double[][] s = new double[c][c];
        for (int m = 0; m < c; m++) {
            for (int n = m; n < c; n++) {
                double v = PositionScheme.dot(rows[m], rows[n]);
                if (measure == Measure.COSINE) {
                    double norm = norms[m] * norms[n];
                    v = norm == 0 ? 0 : v / norm;
                }
                s[m][n] = v;
                s[n][m] = v;
            }
        }
        return s;
    }

    /**
     * The selected token's score with itself at every pair of positions {@code [C, C]}, as the schemes stage draws
     * it: for an added table the similarity of its rows (the token's own part is the same at every position), for RoPE
     * {@code R_m x . R_n x} (by {@code measure}: cosine divides by {@code |x|^2}, which rotations keep), for T5 and
     * ALiBi {@code x . x} plus the head's bias ({@code -Infinity} where masked).
     */
    public static double[][] selfScores(PositionScheme scheme, float[] token, int head, Measure measure) {
        if (scheme.inputTable().isPresent()) {
            return matrix(scheme.inputTable().get(), measure); // [C, C]
        }
        float[][] same = new float[scheme.contextLength()][];
        java.util.Arrays.fill(same, token); // the same token at every position: only the scheme changes scores
        double[][] scores = scheme.scores(same, same, head); // [C, C]
        if (measure == Measure.COSINE && scheme.kind() == PositionKind.ROPE) {
            double norm = PositionScheme.dot(token, token); // rotations keep lengths: cosine is dot / |x|^2
            for (double[] row : scores) {
                for (int n = 0; n < row.length; n++) {
                    row[n] = norm == 0 ? 0 : row[n] / norm;
                }
            }
        }
        return scores;
    }

    /**
     * The mean of {@code s[m][n]} over all pairs {@code |m - n| = d}, for {@code d = 0..C-1}: similarity against
     * distance. Masked cells ({@code -Infinity}) are left out; a distance with none left is NaN.
     */
    public static double[] byDistance(double[][] s) {
        int c = s.length;
        double[] sum = new double[c];
        int[] count = new int[c];
        for (int m = 0; m < c; m++) {
            if (s[m].length != c) {
                throw new TokenSpaceException("similarity against distance needs a square matrix, got row " + m
                        + " of " + s[m].length + " in " + c + " rows");
            }
            for (int n = 0; n < c; n++) {
                if (Double.isFinite(s[m][n])) {
                    sum[Math.abs(m - n)] += s[m][n];
                    count[Math.abs(m - n)]++;
                }
            }
        }
        double[] mean = new double[c];
        for (int d = 0; d < c; d++) {
            mean[d] = count[d] == 0 ? Double.NaN : sum[d] / count[d];
        }
        return mean;
    }
}
