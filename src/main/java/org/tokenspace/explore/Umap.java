package org.tokenspace.explore;

import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.io.Progress;
import org.tokenspace.model.TorchGenerator;
import org.tokenspace.projection.Pca;

/**
 * UMAP (McInnes, Healy and Melville 2018) as umap-learn 0.5 lays it out: exact neighbours, the fuzzy graph of
 * {@link UmapGraph}, edges weaker than {@code max / epochs} dropped, a start scaled to [0, 10] per axis, then
 * epochs of stochastic gradient descent where each edge is sampled in proportion to its weight, pulls its two ends
 * together ({@code -2ab d^(2(b-1)) / (1 + a d^(2b))}) and pushes its head away from {@code negativeRate} random
 * points ({@code 2b / ((0.001 + d^2)(1 + a d^(2b)))}), each coordinate step clipped to ±4, the step size falling
 * linearly to 0. One thread and one seeded generator ({@link TorchGenerator}), so a seed repeats a run exactly.
 * The start is the first principal components (umap-learn's {@code init="pca"}) or uniform in [-10, 10].
 */
public final class Umap implements Projection {
    private final UmapSettings settings;
    private final int n;
    private final int dims;
    private final int epochs;
    private final double a;
    private final double b;
    private final int[] head;
    private final int[] tail;
    private final double[] epochsPerSample;
    private final double[] nextSample;
    private final double[] epochsPerNegative;
    private final double[] nextNegative;
    private final double[] y; // [n, dims]
    private final TorchGenerator random;
    private int epoch;

    private Umap(UmapSettings settings, SparseMatrix graph, double[] start, TorchGenerator random) {
        this.settings = settings;
        this.n = graph.n();
        this.dims = settings.components();
        this.epochs = settings.epochsFor(n);
        double[] ab = UmapCurve.fit(settings.spread(), settings.minDist());
        this.a = ab[0];
        this.b = ab[1];
        this.y = start;
        this.random = random;
        double max = 0;
        for (double w : graph.values()) {
            max = Math.max(max, w);
        }
        int edges = 0;
        for (double w : graph.values()) {
            edges += w >= max / epochs ? 1 : 0;
        }
        head = new int[edges];
        tail = new int[edges];
        epochsPerSample = new double[edges];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int t = graph.rowStart()[i]; t < graph.rowStart()[i + 1]; t++) {
                double w = graph.values()[t];
                if (w >= max / epochs) {
                    head[e] = i;
                    tail[e] = graph.cols()[t];
                    epochsPerSample[e++] = max / w; // epochs / (epochs * w / max)
                }
            }
        }
        nextSample = epochsPerSample.clone();
        epochsPerNegative = new double[edges];
        for (int t = 0; t < edges; t++) {
            epochsPerNegative[t] = epochsPerSample[t] / settings.negativeRate();
        }
        nextNegative = epochsPerNegative.clone();
    }

    /** Neighbours, the fuzzy graph and the start of a run on the rows of {@code x} {@code [n, D]}. */
    public static Umap prepare(Vectors x, UmapSettings settings, Progress progress) {
        settings.validate(x.rows());
        KnnGraph graph = Knn.exact(x, settings.neighbors() - 1, progress);
        TorchGenerator random = new TorchGenerator(settings.seed());
        return new Umap(settings, UmapGraph.of(graph), start(x, settings, random), random);
    }

    /** The start, scaled to [0, 10] along each axis as umap-learn does before its layout. */
    static double[] start(Vectors x, UmapSettings s, TorchGenerator random) {
        int n = x.rows();
        int c = s.components();
        double[] y = new double[n * c];
        if (s.randomInit() || x.dim() < c) {
            for (int i = 0; i < y.length; i++) {
                y[i] = random.nextDouble() * 20 - 10;
            }
        } else {
            float[] pcs = Pca.fit(Nd4j.create(x.data(), new long[] {n, x.dim()}, 'c'), c)
                    .transform(Nd4j.create(x.data(), new long[] {n, x.dim()}, 'c')); // [n, c]
            for (int i = 0; i < y.length; i++) {
                y[i] = pcs[i] + 1e-4 * random.nextNormal(); // umap-learn's noisy_scale_coords: points apart
            }
        }
        for (int d = 0; d < c; d++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                lo = Math.min(lo, y[i * c + d]);
                hi = Math.max(hi, y[i * c + d]);
            }
            double scale = hi > lo ? 10 / (hi - lo) : 0;
            for (int i = 0; i < n; i++) {
                y[i * c + d] = (y[i * c + d] - lo) * scale;
            }
        }
        return y;
    }

    @Override
    public int rows() {
        return n;
    }

    @Override
    public int components() {
        return dims;
    }

    @Override
    public int iteration() {
        return epoch;
    }

    @Override
    public int iterations() {
        return epochs;
    }

    /** The fitted curve parameters {@code {a, b}}. */
    public double[] curve() {
        return new double[] {a, b};
    }

    @Override
    public int step(int count) {
        int ran = 0;
        while (ran < count && epoch < epochs) {
            epoch(epoch, settings.learningRate() * (1 - (double) epoch / epochs));
            epoch++;
            ran++;
        }
        return ran;
    }

    @Override
    public float[] coordinates() {
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) y[i];
        }
        return out;
    }

    private void epoch(int e, double alpha) {
        for (int t = 0; t < head.length; t++) {
            if (nextSample[t] > e) {
                continue;
            }
            int j = head[t];
            int k = tail[t];
            double d2 = distance2(j, k);
            double coeff = 0;
            if (d2 > 0) {
                double pb = Math.pow(d2, b);
                coeff = -2 * a * b * pb / d2 / (a * pb + 1);
            }
            for (int d = 0; d < dims; d++) {
                double g = clip(coeff * (y[j * dims + d] - y[k * dims + d])) * alpha;
                y[j * dims + d] += g;
                y[k * dims + d] -= g;
            }
            nextSample[t] += epochsPerSample[t];
            int negatives = (int) ((e - nextNegative[t]) / epochsPerNegative[t]);
            for (int s = 0; s < negatives; s++) {
                int other = (int) (Integer.toUnsignedLong(random.nextInt()) % n);
                double o2 = distance2(j, other);
                double rep;
                if (o2 > 0) {
                    rep = 2 * b / ((0.001 + o2) * (a * Math.pow(o2, b) + 1));
                } else if (j == other) {
                    continue;
                } else {
                    rep = 0;
                }
                for (int d = 0; d < dims; d++) {
                    double g = rep > 0 ? clip(rep * (y[j * dims + d] - y[other * dims + d])) : 4;
                    y[j * dims + d] += g * alpha;
                }
            }
            nextNegative[t] += negatives * epochsPerNegative[t];
        }
    }

    private double distance2(int i, int j) {
        double s = 0;
        for (int d = 0; d < dims; d++) {
            double diff = y[i * dims + d] - y[j * dims + d];
            s += diff * diff;
        }
        return s;
    }

    private static double clip(double v) {
        return v > 4 ? 4 : v < -4 ? -4 : v;
    }
}
