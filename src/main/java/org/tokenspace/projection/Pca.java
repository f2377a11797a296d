package org.tokenspace.projection;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.tokenspace.model.TokenSpaceException;
import smile.math.blas.UPLO;
import smile.math.matrix.Matrix;

/**
 * Exact principal component analysis: the covariance of the rows with BLAS (ND4J float32 gemm on row blocks, summed
 * in double), its eigen-decomposition with Smile (LAPACK {@code syevd}), the top {@code k} eigenvectors as axes.
 *
 * <p>Covariance, with {@code s} a shift close to the mean (the float32 column mean) and {@code Y = X - s}:
 * {@code C = (Y^T Y - n m m^T) / (n - 1)}, {@code m = colsum(Y) / n}. Each block's {@code Y^T Y} is a float32 gemm over
 * at most {@value #BLOCK_ROWS} rows; blocks add up in double, so the rounding error does not grow with {@code n}.
 */
public final class Pca {
    /** Rows per float32 gemm block. */
    static final int BLOCK_ROWS = 4096;

    private Pca() {
    }

    /** Fits {@code components} axes to {@code rows} {@code [N, D]} (float32; N ≥ 2). */
    public static PcaAxes fit(INDArray rows, int components) {
        if (rows.rank() != 2) {
            throw new TokenSpaceException("PCA needs a 2-D [N, D] array, got shape "
                    + java.util.Arrays.toString(rows.shape()));
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

    /** Fits the axes from a known covariance {@code [D, D]} (row-major) and mean; {@code n} is the row count. */
    static PcaAxes fromCovariance(double[] mean, double[] cov, int dim, int components, long n) {
        Matrix c = new Matrix(dim, dim);
        double trace = 0;
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                c.set(i, j, cov[i * dim + j]);
            }
            trace += cov[i * dim + i];
        }
        c.uplo(UPLO.LOWER);
        Matrix.EVD evd = c.eigen(false, true, true).sort(); // eigenvalues descending, vectors in columns
        double[] variances = new double[components];
        float[] axes = new float[components * dim]; // [k, D]
        for (int k = 0; k < components; k++) {
            variances[k] = Math.max(0, evd.wr[k]);
            int sign = signOf(evd.Vr, k, dim);
            for (int d = 0; d < dim; d++) {
                axes[k * dim + d] = (float) (sign * evd.Vr.get(d, k));
            }
        }
        float[] meanF = new float[dim];
        for (int d = 0; d < dim; d++) {
            meanF[d] = (float) mean[d];
        }
        return new PcaAxes(meanF, axes, variances, trace, n);
    }

    /** +1 or -1 so that the loading of largest magnitude (the first on ties) becomes positive. */
    private static int signOf(Matrix vectors, int column, int dim) {
        double best = 0;
        for (int d = 0; d < dim; d++) {
            double v = vectors.get(d, column);
            if (Math.abs(v) > Math.abs(best)) {
                best = v;
            }
        }
        return best < 0 ? -1 : 1;
    }

    /** The sample covariance {@code [D, D]} (divided by n - 1), row-major; fills {@code meanOut} with the mean. */
    static double[] covariance(INDArray rows, double[] meanOut) {
        INDArray x = rows.dataType() == DataType.FLOAT ? rows : rows.castTo(DataType.FLOAT);
        long n = x.rows();
        int dim = Math.toIntExact(x.columns());
        INDArray shift = x.mean(0).reshape(1, dim); // [1, D], float32: only needs to be close to the mean
        double[] gram = new double[dim * dim];      // Σ Y^T Y
        double[] colSum = new double[dim];          // Σ Y
        for (long r0 = 0; r0 < n; r0 += BLOCK_ROWS) {
            long r1 = Math.min(n, r0 + BLOCK_ROWS);
            INDArray y = x.get(NDArrayIndex.interval(r0, r1), NDArrayIndex.all()).subRowVector(shift); // [b, D]
            float[] g = y.transpose().mmul(y).data().asFloat(); // [D, D]
            for (int i = 0; i < g.length; i++) {
                gram[i] += g[i];
            }
            float[] s = y.sum(0).data().asFloat(); // [D]
            for (int d = 0; d < dim; d++) {
                colSum[d] += s[d];
            }
        }
        float[] sh = shift.data().asFloat();
        double[] m = new double[dim];
        for (int d = 0; d < dim; d++) {
            m[d] = colSum[d] / n;
            meanOut[d] = sh[d] + m[d];
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
