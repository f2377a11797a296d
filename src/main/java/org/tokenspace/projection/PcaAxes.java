package org.tokenspace.projection;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.model.TokenSpaceException;

import java.util.Locale;

/**
 * Fitted PCA axes: the mean {@code [D]}, the components {@code [k, D]} (orthonormal rows, each with its largest
 * loading positive) and each component's variance (eigenvalue of the covariance, divided by n - 1). Transforming
 * any vector into these axes gives {@code (x - mean) · components^T}; the axes never change after the fit.
 */
public final class PcaAxes {
    /** Above this many rows a transform goes through one BLAS gemm instead of plain loops. */
    private static final int GEMM_ROWS = 4096;

    private final float[] mean;       // [D]
    private final float[] components; // [k, D] row-major
    private final double[] variances; // [k]
    private final double totalVariance;
    private final long fittedRows;

    PcaAxes(float[] mean, float[] components, double[] variances, double totalVariance, long fittedRows) {
        this.mean = mean;
        this.components = components;
        this.variances = variances;
        this.totalVariance = totalVariance;
        this.fittedRows = fittedRows;
    }

    /** The number of components k. */
    public int count() {
        return variances.length;
    }

    /** The input dimension D. */
    public int dim() {
        return mean.length;
    }

    /** How many rows the axes were fitted on. */
    public long fittedRows() {
        return fittedRows;
    }

    /** The mean of the fitted rows, {@code [D]} float32. */
    public INDArray mean() {
        return Nd4j.create(mean.clone(), new long[] {mean.length}, 'c');
    }

    /** The components as rows, {@code [k, D]} float32. */
    public INDArray components() {
        return Nd4j.create(components.clone(), new long[] {count(), dim()}, 'c');
    }

    /** Component {@code c} as a copy, {@code [D]}. */
    public float[] component(int c) {
        return java.util.Arrays.copyOfRange(components, c * dim(), (c + 1) * dim());
    }

    /** Each component's variance: the covariance eigenvalue (sum of squares divided by n - 1). */
    public double[] variances() {
        return variances.clone();
    }

    /** The variance of all D directions together (the covariance's trace). */
    public double totalVariance() {
        return totalVariance;
    }

    /** Each component's share of the total variance, in [0, 1]. */
    public double[] explainedRatio() {
        double[] r = new double[variances.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = totalVariance > 0 ? variances[i] / totalVariance : 0;
        }
        return r;
    }

    /** An axis name for a plot, e.g. {@code "PC1 · 0.52%"}. */
    public String axisName(int c) {
        return String.format(Locale.ROOT, "PC%d · %.2f%%", c + 1, 100 * explainedRatio()[c]);
    }

    /** All axis names, {@link #axisName} for each component. */
    public String[] axisNames() {
        String[] names = new String[count()];
        for (int c = 0; c < names.length; c++) {
            names[c] = axisName(c);
        }
        return names;
    }

    /** One vector {@code [D]} into the axes: {@code [k]}. */
    public float[] transform(float[] vector) {
        requireDim(vector.length);
        float[] out = new float[count()];
        project(vector, 0, 1, out, 0);
        return out;
    }

    /** {@code count} rows of a row-major {@code [count, D]} array into the axes, on every core: {@code [count, k]}. */
    public float[] transformRows(float[] rows, int count) {
        requireDim(rows.length / Math.max(1, count));
        float[] out = new float[count * count()];
        int chunks = count >= 4096 ? 32 : 1;
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = (int) ((long) count * c / chunks);
            int to = (int) ((long) count * (c + 1) / chunks);
            project(rows, from, to - from, out, from);
        });
        return out;
    }

    /**
     * Rows {@code [M, D]} (or one vector {@code [D]}, or a batch {@code [B, T, D]} as its {@code B * T} vectors) into
     * the axes: row-major {@code [M, k]}.
     */
    public float[] transform(INDArray rows) {
        INDArray x = rows.rank() == 1 ? rows.reshape(1, rows.length())
                : rows.rank() > 2 ? rows.dup('c').reshape('c', rows.length() / dim(), dim()) : rows;
        if (x.rank() != 2) {
            throw new TokenSpaceException("transform needs [M, D] rows, got shape "
                    + java.util.Arrays.toString(rows.shape()));
        }
        requireDim(x.columns());
        int m = Math.toIntExact(x.rows());
        if (m >= GEMM_ROWS) {
            return transformGemm(x).data().asFloat();
        }
        INDArray c = x.dataType() == DataType.FLOAT && x.ordering() == 'c' && !x.isView() ? x : x.castTo(DataType.FLOAT).dup('c');
        float[] data = c.data().asFloat();
        float[] out = new float[m * count()];
        project(data, 0, m, out, 0);
        return out;
    }

    /** Rows {@code [M, D]} into the axes as a float32 {@code [M, k]} array. */
    public INDArray transformArray(INDArray rows) {
        float[] out = transform(rows);
        return Nd4j.create(out, new long[] {out.length / count(), count()}, 'c');
    }

    /** Plain loops: {@code rows} of {@code data} from row {@code first}, centered, dotted with each component. */
    private void project(float[] data, int first, int rowCount, float[] out, int outFirst) {
        int dim = dim();
        int k = count();
        float[] centered = new float[dim];
        for (int r = 0; r < rowCount; r++) {
            int base = (first + r) * dim;
            for (int d = 0; d < dim; d++) {
                centered[d] = data[base + d] - mean[d];
            }
            for (int c = 0; c < k; c++) {
                int cb = c * dim;
                // four independent sums (float products, double sums): the adds overlap instead of waiting in turn
                double a0 = 0;
                double a1 = 0;
                double a2 = 0;
                double a3 = 0;
                int d = 0;
                for (; d + 3 < dim; d += 4) {
                    a0 += centered[d] * components[cb + d];
                    a1 += centered[d + 1] * components[cb + d + 1];
                    a2 += centered[d + 2] * components[cb + d + 2];
                    a3 += centered[d + 3] * components[cb + d + 3];
                }
                for (; d < dim; d++) {
                    a0 += centered[d] * components[cb + d];
                }
                out[(outFirst + r) * k + c] = (float) ((a0 + a1) + (a2 + a3));
            }
        }
    }

    /** {@code X C^T - mean C^T} with one BLAS sgemm: {@code [M, D] x [D, k] -> [M, k]}. */
    private INDArray transformGemm(INDArray x) {
        INDArray xf = x.dataType() == DataType.FLOAT && x.ordering() == 'c' && !x.isView()
                ? x : x.castTo(DataType.FLOAT).dup('c');
        int m = Math.toIntExact(xf.rows());
        int dim = dim();
        int k = count();
        float[] out = new float[m * k];
        try (FloatPointer a = new FloatPointer(xf.data().addressPointer());
             FloatPointer c = new FloatPointer(components);
             FloatPointer y = new FloatPointer((long) m * k)) {
            openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, m, k, dim,
                    1f, a, dim, c, dim, 0f, y, k); // [M, k] = X [M, D] · C^T [D, k]
            y.get(out);
        }
        float[] meanProj = new float[k]; // mean · C^T, [k]
        for (int cc = 0; cc < k; cc++) {
            double acc = 0;
            for (int d = 0; d < dim; d++) {
                acc += (double) mean[d] * components[cc * dim + d];
            }
            meanProj[cc] = (float) acc;
        }
        for (int r = 0; r < m; r++) {
            for (int cc = 0; cc < k; cc++) {
                out[r * k + cc] -= meanProj[cc];
            }
        }
        return Nd4j.create(out, new long[] {m, k}, 'c');
    }

    private void requireDim(long d) {
        if (d != dim()) {
            throw new TokenSpaceException("the axes were fitted on " + dim() + "-dimensional vectors but this one has "
                    + d + " values");
        }
    }
}
