package org.tokenspace.explore;

import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.io.Progress;
import org.tokenspace.model.TorchGenerator;
import org.tokenspace.projection.Pca;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Barnes-Hut t-SNE (van der Maaten 2014), step for step as scikit-learn 1.2's {@code TSNE(method="barnes_hut")}:
 * exact neighbours ({@code 3 * perplexity} of them), perplexity-calibrated affinities, a PCA start, 250 steps of
 * early exaggeration with momentum 0.5, then momentum 0.8, gains +0.2 / x0.8 (at least 0.01), and the gradient
 * {@code 4 (sum_j p_ij w_ij (y_i - y_j) - sum_j w_ij^2 (y_i - y_j) / Z)} with {@code w_ij = 1 / (1 + |y_i - y_j|^2)}
 * and {@code Z = sum w}, whose second sum comes from a {@link SpaceTree}. Differences:
 * every sum is in double (scikit-learn's gradient is float32), the point itself is left out of {@code Z} as in
 * van der Maaten's code, and all requested iterations run (no stop on a small gradient). The repulsion is split over
 * the cores; every per-point sum is fixed in order, so a run gives the same coordinates on any number of cores.
 */
public final class Tsne implements Projection {
    /** Iterations between two sorts of the points into Morton order. */
    static final int REORDER = 25;

    private final TsneSettings settings;
    private final int n;
    private final int dims;
    private final SparseMatrix p;
    private final double learningRate;
    private final double[] y;        // [n, dims]
    private final double[] update;   // [n, dims]
    private final double[] gains;    // [n, dims]
    private final double[] repulsion; // [n, dims]
    private final double[] gradient; // [n, dims]
    private final double[] sumQ;     // [n]
    private final SpaceTree tree;
    private final int chunks;
    private final int[][][] stacks;
    private int[] order;             // the order points are visited in: only speed depends on it
    private int iteration;

    private Tsne(TsneSettings settings, SparseMatrix p, double[] start) {
        this.settings = settings;
        this.n = p.n();
        this.dims = settings.components();
        this.p = p;
        this.learningRate = settings.learningRate() > 0 ? settings.learningRate()
                : Math.max(n / settings.earlyExaggeration() / 4, 50);
        this.y = start;
        this.update = new double[n * dims];
        this.gains = new double[n * dims];
        Arrays.fill(gains, 1);
        this.repulsion = new double[n * dims];
        this.gradient = new double[n * dims];
        this.sumQ = new double[n];
        this.tree = new SpaceTree(dims);
        this.chunks = Math.max(1, Math.min(n / 256, 4 * Runtime.getRuntime().availableProcessors()));
        this.stacks = new int[chunks][][];
    }

    /**
     * Neighbours, affinities and the start of a run on the rows of {@code x} {@code [n, D]}; the neighbour search,
     * the slow part, reports to {@code progress} and stops when it is cancelled.
     */
    public static Tsne prepare(Vectors x, TsneSettings settings, Progress progress) {
        settings.validate(x.rows());
        int k = Math.min(x.rows() - 1, (int) (3 * settings.perplexity() + 1));
        KnnGraph graph = Knn.exact(x, k, progress);
        SparseMatrix p = TsneAffinities.of(graph, settings.perplexity());
        return new Tsne(settings, p, start(x, settings));
    }

    /** scikit-learn's start: the first principal components with a standard deviation of 1e-4 along the first. */
    static double[] start(Vectors x, TsneSettings s) {
        int n = x.rows();
        int c = s.components();
        double[] y = new double[n * c];
        if (!s.randomInit() && x.dim() >= c) {
            float[] pcs = Pca.fit(Nd4j.create(x.data(), new long[] {n, x.dim()}, 'c'), c)
                    .transform(Nd4j.create(x.data(), new long[] {n, x.dim()}, 'c')); // [n, c]
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += pcs[i * c];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                var += (pcs[i * c] - mean) * (pcs[i * c] - mean);
            }
            if (var > 0) { // rows that are all the same have no principal axis: they start at random below
                double scale = 1e-4 / Math.sqrt(var / n);
                for (int i = 0; i < y.length; i++) {
                    y[i] = pcs[i] * scale;
                }
                return y;
            }
        }
        TorchGenerator g = new TorchGenerator(s.seed());
        for (int i = 0; i < y.length; i++) {
            y[i] = 1e-4 * g.nextNormal();
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
        return iteration;
    }

    @Override
    public int iterations() {
        return settings.iterations();
    }

    public TsneSettings settings() {
        return settings;
    }

    /** The learning rate in use (scikit-learn's "auto" resolved). */
    public double learningRate() {
        return learningRate;
    }

    @Override
    public int step(int count) {
        int ran = 0;
        while (ran < count && iteration < settings.iterations()) {
            iterate();
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

    private void iterate() {
        boolean exploring = iteration < TsneSettings.EXPLORATION;
        if (iteration == TsneSettings.EXPLORATION) { // scikit-learn's second descent starts afresh
            Arrays.fill(update, 0);
            Arrays.fill(gains, 1);
        }
        double exaggeration = exploring ? settings.earlyExaggeration() : 1;
        double momentum = exploring ? 0.5 : 0.8;
        double theta2 = settings.angle() * settings.angle();
        tree.build(y, n);
        if (iteration % REORDER == 0) {
            order = SpaceTree.mortonOrder(y, n, dims);
        }
        Arrays.fill(repulsion, 0);
        IntStream.range(0, chunks).parallel().forEach(c -> {
            if (stacks[c] == null) {
                stacks[c] = tree.newStack();
            }
            for (int t = c * n / chunks, end = (c + 1) * n / chunks; t < end; t++) {
                int i = order[t];
                sumQ[i] = tree.repulsion(y, i, theta2, repulsion, stacks[c]);
            }
        });
        double z = 0;
        for (int i = 0; i < n; i++) {
            z += sumQ[i];
        }
        double zz = z;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            for (int i = c * n / chunks, end = (c + 1) * n / chunks; i < end; i++) {
                attract(i, exaggeration, zz);
            }
        });
        for (int t = 0; t < y.length; t++) {
            double g = gradient[t];
            gains[t] = update[t] * g < 0 ? gains[t] + 0.2 : Math.max(gains[t] * 0.8, 0.01);
            update[t] = momentum * update[t] - learningRate * g * gains[t];
            y[t] += update[t];
        }
        iteration++;
    }

    /** Point {@code i}'s whole gradient: the attraction over its affinities minus the normalized repulsion. */
    private void attract(int i, double exaggeration, double z) {
        int at = i * dims;
        boolean three = dims == 3;
        double y0 = y[at];
        double y1 = y[at + 1];
        double y2 = three ? y[at + 2] : 0;
        double f0 = 0;
        double f1 = 0;
        double f2 = 0;
        int[] cols = p.cols();
        double[] values = p.values();
        for (int e = p.rowStart()[i], end = p.rowStart()[i + 1]; e < end; e++) {
            int j = cols[e] * dims;
            double dx = y0 - y[j];
            double dy = y1 - y[j + 1];
            double dz = three ? y2 - y[j + 2] : 0;
            double w = exaggeration * values[e] / (1 + (dx * dx + dy * dy + dz * dz));
            f0 += w * dx;
            f1 += w * dy;
            f2 += w * dz;
        }
        gradient[at] = 4 * (f0 - repulsion[at] / z);
        gradient[at + 1] = 4 * (f1 - repulsion[at + 1] / z);
        if (three) {
            gradient[at + 2] = 4 * (f2 - repulsion[at + 2] / z);
        }
    }
}
