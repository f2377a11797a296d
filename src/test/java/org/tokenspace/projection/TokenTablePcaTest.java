package org.tokenspace.projection;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed-123 GPT-2-size token table {@code [50257, 256]}: the covariance route against an SVD of the centred data. */
class TokenTablePcaTest {
    private static final int K = 3;
    private static INDArray table;
    private static PcaAxes axes;

    @BeforeAll
    static void fit() {
        table = org.tokenspace.Fixtures.courseTables().tokenTable(); // [50257, 256]
        axes = org.tokenspace.Fixtures.courseCloud().axes();
    }

    @Test
    void componentsAreOrthonormal() {
        for (int a = 0; a < K; a++) {
            for (int b = 0; b < K; b++) {
                float[] u = axes.component(a);
                float[] v = axes.component(b);
                double dot = 0;
                for (int d = 0; d < u.length; d++) {
                    dot += (double) u[d] * v[d];
                }
                assertEquals(a == b ? 1 : 0, dot, 1e-6, "components " + a + " · " + b);
            }
        }
    }

    @Test
    void projectionMatchesSvdUpToSign() {
        int n = Math.toIntExact(table.rows());
        int dim = Math.toIntExact(table.columns());
        float[] flat = table.data().asFloat();
        double[] center = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                center[d] += flat[i * dim + d];
            }
        }
        for (int d = 0; d < dim; d++) {
            center[d] /= n;
        }
        double[][] x = new double[n][dim];
        DMatrixRMaj centred = new DMatrixRMaj(n, dim);
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                x[i][d] = flat[i * dim + d];
                centred.unsafe_set(i, d, x[i][d] - center[d]);
            }
        }
        // an algorithm independent of ours (no covariance, no eigen-decomposition): the SVD of the centred data
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, dim, false, true, true);
        assertTrue(svd.decompose(centred), "SVD converged");
        double[] sv = svd.getSingularValues();
        DMatrixRMaj vt = svd.getV(null, true); // [D, D], rows are right singular vectors
        Integer[] order = new Integer[dim];
        for (int i = 0; i < dim; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(sv[q], sv[p]));
        double[][] loadings = new double[K][dim];
        for (int k = 0; k < K; k++) {
            for (int d = 0; d < dim; d++) {
                loadings[k][d] = vt.get(order[k], d);
            }
        }
        double[] ours = axes.variances();
        for (int k = 0; k < K; k++) {
            double variance = sv[order[k]] * sv[order[k]] / (n - 1);
            assertEquals(variance, ours[k], 1e-5 * ours[k], "variance of PC" + (k + 1));
        }
        float[] proj = axes.transform(table); // [N, K]
        for (int k = 0; k < K; k++) {
            double maxErr = 0;
            double maxAbs = 0;
            double sameSign = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int d = 0; d < dim; d++) {
                    s += (x[i][d] - center[d]) * loadings[k][d];
                }
                sameSign += s * proj[i * K + k];
                maxAbs = Math.max(maxAbs, Math.abs(s));
            }
            double sign = Math.signum(sameSign);
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int d = 0; d < dim; d++) {
                    s += (x[i][d] - center[d]) * loadings[k][d];
                }
                maxErr = Math.max(maxErr, Math.abs(sign * s - proj[i * K + k]));
            }
            assertTrue(maxErr < 1e-3 * maxAbs, "PC" + (k + 1) + ": max difference " + maxErr + " of " + maxAbs);
        }
    }

    @Test
    void signsAreFixedAndAFitIsReproducible() {
        PcaAxes again = Pca.fit(table, K);
        for (int k = 0; k < K; k++) {
            float[] c = axes.component(k);
            int largest = 0;
            for (int d = 1; d < c.length; d++) {
                largest = Math.abs(c[d]) > Math.abs(c[largest]) ? d : largest;
            }
            assertTrue(c[largest] > 0, "PC" + (k + 1) + "'s largest loading is positive");
            org.junit.jupiter.api.Assertions.assertArrayEquals(c, again.component(k), 0f);
        }
    }

    @Test
    void explainedVarianceIsASmallShareOfARandomTable() {
        double[] r = axes.explainedRatio();
        double[] v = axes.variances();
        assertTrue(v[0] >= v[1] && v[1] >= v[2], "descending variances");
        // a 50257 x 256 standard-normal table: every direction holds about 1/256 of the variance
        assertTrue(r[0] > 1.0 / 256 && r[0] < 1.5 / 256, "PC1 share " + r[0]);
        assertEquals(256, axes.totalVariance(), 3);
    }
}
