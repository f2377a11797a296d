package org.tokenspace.explore;

import java.util.stream.IntStream;

/**
 * t-SNE's input similarities from a kNN graph, as scikit-learn's {@code _joint_probabilities_nn} makes them: for
 * each row a Gaussian over its neighbours' squared distances whose precision {@code beta} is found by bisection so
 * that the entropy is {@code log(perplexity)} (100 steps at most, tolerance 1e-5); then {@code P = (P + P^T) / sum}.
 */
final class TsneAffinities {
    static final int STEPS = 100;
    static final double TOLERANCE = 1e-5;

    private TsneAffinities() {
    }

    static SparseMatrix of(KnnGraph graph, double perplexity) {
        int n = graph.rows();
        int k = graph.k();
        double[] conditional = new double[n * k];
        IntStream.range(0, n).parallel().forEach(i -> row(graph.squaredDistances(), i * k, k, perplexity,
                conditional));
        SparseMatrix p = SparseMatrix.symmetrize(n, k, graph.ids(), conditional, false);
        double sum = Math.max(p.sum(), Math.ulp(1.0));
        double[] v = p.values();
        for (int t = 0; t < v.length; t++) {
            v[t] /= sum;
        }
        return p;
    }

    /** {@code p_{j|i}} over one row's {@code k} neighbours, written at {@code from}. */
    static void row(double[] d2, int from, int k, double perplexity, double[] out) {
        double desired = Math.log(perplexity);
        double betaMin = Double.NEGATIVE_INFINITY;
        double betaMax = Double.POSITIVE_INFINITY;
        double beta = 1;
        for (int step = 0; step < STEPS; step++) {
            double sum = 0;
            for (int t = 0; t < k; t++) {
                out[from + t] = Math.exp(-d2[from + t] * beta);
                sum += out[from + t];
            }
            if (sum == 0) {
                sum = 1e-8;
            }
            double weighted = 0;
            for (int t = 0; t < k; t++) {
                out[from + t] /= sum;
                weighted += d2[from + t] * out[from + t];
            }
            double entropyDiff = Math.log(sum) + beta * weighted - desired;
            if (Math.abs(entropyDiff) <= TOLERANCE) {
                return;
            }
            if (entropyDiff > 0) {
                betaMin = beta;
                beta = betaMax == Double.POSITIVE_INFINITY ? beta * 2 : (beta + betaMax) / 2;
            } else {
                betaMax = beta;
                beta = betaMin == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + betaMin) / 2;
            }
        }
    }
}
