package org.tokenspace.explore;

import java.util.stream.IntStream;

/**
 * UMAP's fuzzy neighbour graph, as umap-learn's {@code fuzzy_simplicial_set} builds it from a kNN graph whose
 * neighbourhoods count the point itself (at distance 0): per point, {@code rho} is the distance to the nearest other
 * point and {@code sigma} is found by bisection (64 steps, tolerance 1e-5) so that
 * {@code sum_j exp(-(d_j - rho) / sigma) = log2(k)}; the edge weights {@code exp(-(d - rho) / sigma)} are then
 * joined as a fuzzy union, {@code A + A^T - A∘A^T}. Distances are Euclidean (not squared).
 */
final class UmapGraph {
    static final int STEPS = 64;
    static final double TOLERANCE = 1e-5;
    static final double MIN_K_DIST_SCALE = 1e-3;

    private UmapGraph() {
    }

    /** The graph of {@code graph}, whose {@code k} neighbours leave the point out: UMAP's k is {@code k + 1}. */
    static SparseMatrix of(KnnGraph graph) {
        int n = graph.rows();
        int k = graph.k();
        double[] dist = new double[n * k];
        double total = 0;
        for (int t = 0; t < dist.length; t++) {
            dist[t] = Math.sqrt(graph.squaredDistances()[t]);
            total += dist[t];
        }
        double meanAll = total / ((double) n * (k + 1)); // umap-learn's mean over the [n, k + 1] distances
        double[] weights = new double[n * k];
        IntStream.range(0, n).parallel().forEach(i -> row(dist, i * k, k, meanAll, weights));
        return SparseMatrix.symmetrize(n, k, graph.ids(), weights, true);
    }

    /** One point's edge weights over its {@code k} other neighbours, written at {@code from}. */
    static void row(double[] dist, int from, int k, double meanAll, double[] out) {
        double target = Math.log(k + 1) / Math.log(2);
        double rho = 0;
        double sum = 0;
        for (int t = 0; t < k; t++) {
            sum += dist[from + t];
            if (rho == 0 && dist[from + t] > 0) {
                rho = dist[from + t]; // the first distance above 0 (local connectivity 1)
            }
        }
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double mid = 1;
        for (int step = 0; step < STEPS; step++) {
            double psum = 0;
            for (int t = 0; t < k; t++) {
                double d = dist[from + t] - rho;
                psum += d > 0 ? Math.exp(-(d / mid)) : 1;
            }
            if (Math.abs(psum - target) < TOLERANCE) {
                break;
            }
            if (psum > target) {
                hi = mid;
                mid = (lo + hi) / 2;
            } else {
                lo = mid;
                mid = hi == Double.POSITIVE_INFINITY ? mid * 2 : (lo + hi) / 2;
            }
        }
        double sigma = mid;
        double floor = MIN_K_DIST_SCALE * (rho > 0 ? sum / (k + 1) : meanAll);
        sigma = Math.max(sigma, floor);
        for (int t = 0; t < k; t++) {
            double d = dist[from + t] - rho;
            out[from + t] = d <= 0 || sigma == 0 ? 1 : Math.exp(-(d / sigma));
        }
    }
}
