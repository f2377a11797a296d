package org.tokenspace.projection;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.bytedeco.openblas.global.openblas;
import org.tokenspace.model.TokenSpaceException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Exact principal component analysis: the covariance of the rows with BLAS, its symmetric eigen-decomposition in
 * pure Java (EJML: Householder tridiagonalization and implicit QR), the {@code k} largest eigenvectors as axes.
 *
 * <p>The eigen step does not go through LAPACK: OpenBLAS 0.3.19 (the one ND4J 1.0.0-M2.1 ships) returns wrong
 * eigenvectors from {@code dsyev}, {@code dsyevd} and {@code dsyevr} on AVX-512 CPUs (its SkylakeX kernels), with the
 * right eigenvalues. The float32 {@code ssyrk} below is correct there.
 *
 * <p>Covariance, with {@code s} the mean of the first rows rounded to float32 and {@code Y = X - s}:
 * {@code C = (Y^T Y - n m m^T) / (n - 1)}, {@code m = colsum(Y) / n}. Each block's {@code Y^T Y} is one float32
 * {@code ssyrk} (half the work of a gemm) over at most {@value #BLOCK_ROWS} rows, in the OpenBLAS that ND4J and Smile
 * share; the blocks add up in double, so the rounding error does not grow with {@code n}.
 */
public final class Pca {
    /** Rows per float32 gemm block. */
    static final int BLOCK_ROWS = 4096;

    private Pca() {
    }

    /**
     * Fits {@code components} axes to {@code rows} {@code [N, D]} (float32; N ≥ 2). A batch {@code [B, T, D]} is
     * fitted on its {@code B * T} vectors.
     */
    public static PcaAxes fit(INDArray rows, int components) {
        if (rows.rank() < 2) {
            throw new TokenSpaceException("PCA needs a 2-D [N, D] array, got shape "
                    + java.util.Arrays.toString(rows.shape()));
        }
        if (rows.rank() > 2) {
            long dim = rows.size(rows.rank() - 1);
            rows = rows.dup('c').reshape('c', rows.length() / dim, dim); // [B * T, D]
        }
        int n = Math.toIntExact(rows.rows());
        int dim = Math.toIntExact(rows.columns());
        if (n < 2) {
            throw new TokenSpaceException("PCA needs at least 2 rows, got " + n);
        }
        if (components < 1 || components > dim) {
            throw new TokenSpaceException("the number of components must be 1 to " + dim + ", got " + components);
        }
        double[] mean = new double[dim];
        double[] cov = covariance(rows, mean); // [D, D] row-major
        return fromCovariance(mean, cov, dim, components, n);
    }

    /**
     * Fits the axes to the rows of {@code table} {@code [V, D]} named by {@code ids}, each distinct id once (e.g. the
     * distinct tokens of a text). Needs at least two distinct ids.
     */
    public static PcaAxes fitOnRows(INDArray table, int[] ids, int components) {
        int[] distinct = java.util.Arrays.stream(ids).distinct().sorted().toArray();
        for (int id : distinct) {
            if (id < 0 || id >= table.rows()) {
                throw new TokenSpaceException("row " + id + " is outside the table: valid rows are 0 to "
                        + (table.rows() - 1));
            }
        }
        if (distinct.length < 2) {
            throw new TokenSpaceException("PCA needs at least 2 distinct rows, got " + distinct.length);
        }
        INDArray rows = org.nd4j.linalg.factory.Nd4j.pullRows(table, 1, distinct); // [n, D]
        return fit(rows, components);
    }

    /** Fits the axes from a known covariance {@code [D, D]} (row-major) and mean; {@code n} is the row count. */
    static PcaAxes fromCovariance(double[] mean, double[] cov, int dim, int components, long n) {
        double trace = 0;
        for (int i = 0; i < dim; i++) {
            trace += cov[i * dim + i];
        }
        EigenDecomposition_F64<DMatrixRMaj> evd = DecompositionFactory_DDRM.eig(dim, true, true);
        if (!evd.decompose(new DMatrixRMaj(dim, dim, true, cov))) { // decompose may overwrite its input: a copy
            throw new TokenSpaceException("the eigen-decomposition of the " + dim + " x " + dim
                    + " covariance did not converge");
        }
        Integer[] order = new Integer[dim];
        for (int i = 0; i < dim; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(evd.getEigenvalue(q).real, evd.getEigenvalue(p).real));
        double[] variances = new double[components];
        float[] axes = new float[components * dim]; // [k, D]
        for (int k = 0; k < components; k++) {
            variances[k] = Math.max(0, evd.getEigenvalue(order[k]).real); // largest first
            double[] v = evd.getEigenVector(order[k]).getData(); // unit length
            int sign = signOf(v, 0, dim);
            for (int d = 0; d < dim; d++) {
                axes[k * dim + d] = (float) (sign * v[d]);
            }
        }
        float[] meanF = new float[dim];
        for (int d = 0; d < dim; d++) {
            meanF[d] = (float) mean[d];
        }
        return new PcaAxes(meanF, axes, variances, trace, n);
    }

    /** +1 or -1 so that the loading of largest magnitude (the first on ties) becomes positive. */
    private static int signOf(double[] vectors, int from, int dim) {
        double best = 0;
        for (int d = 0; d < dim; d++) {
            double v = vectors[from + d];
            if (Math.abs(v) > Math.abs(best) + 1e-12) {
                best = v;
            }
        }
        return best < 0 ? -1 : 1;
    }

    /** The sample covariance {@code [D, D]} (divided by n - 1), row-major; fills {@code meanOut} with the mean. */
    static double[] covariance(INDArray rows, double[] meanOut) {
        INDArray x = rows.dataType() == DataType.FLOAT && rows.ordering() == 'c' && !rows.isView()
                ? rows : rows.castTo(DataType.FLOAT).dup('c');
        int n = Math.toIntExact(x.rows());
        int dim = Math.toIntExact(x.columns());
        FloatBuffer data = x.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer(); // [N * D], no copy
        float[] block = new float[BLOCK_ROWS * dim]; // [b, D]

        // the shift s: the first block's mean, rounded to float32 (close to the mean; m below corrects the rest)
        int first = Math.min(BLOCK_ROWS, n);
        data.get(0, block, 0, first * dim);
        double[] colSum = new double[dim];
        for (int r = 0; r < first; r++) {
            for (int d = 0, at = r * dim; d < dim; d++, at++) {
                colSum[d] += block[at];
            }
        }
        float[] shift = new float[dim];
        for (int d = 0; d < dim; d++) {
            shift[d] = (float) (colSum[d] / first);
            colSum[d] = 0;
        }

        // Σ Y^T Y over blocks Y = X[r0:r1] - s: float32 ssyrk per block (lower triangle), summed in double
        double[] gram = new double[dim * dim];
        float[] g = new float[dim * dim];
        for (int r0 = 0; r0 < n; r0 += BLOCK_ROWS) {
            int b = Math.min(BLOCK_ROWS, n - r0);
            data.get(r0 * dim, block, 0, b * dim);
            for (int r = 0; r < b; r++) {
                for (int d = 0, at = r * dim; d < dim; d++, at++) {
                    float y = block[at] - shift[d];
                    block[at] = y;
                    colSum[d] += y;
                }
            }
            openblas.cblas_ssyrk(openblas.CblasRowMajor, openblas.CblasLower, openblas.CblasTrans, dim, b,
                    1f, block, dim, 0f, g, dim); // [D, D] = Y^T Y
            for (int i = 0; i < dim; i++) {
                for (int j = 0, at = i * dim; j <= i; j++, at++) {
                    gram[at] += g[at];
                }
            }
        }
        double[] m = new double[dim]; // mean of Y
        for (int d = 0; d < dim; d++) {
            m[d] = colSum[d] / n;
            meanOut[d] = shift[d] + m[d];
        }
        double[] cov = new double[dim * dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j <= i; j++) {
                double v = (gram[i * dim + j] - n * m[i] * m[j]) / (n - 1);
                cov[i * dim + j] = v;
                cov[j * dim + i] = v;
            }
        }
        return cov;
    }
}
