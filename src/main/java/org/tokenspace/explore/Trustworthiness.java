package org.tokenspace.explore;

import org.tokenspace.model.TokenSpaceException;

import java.util.stream.IntStream;

/**
 * How well an embedding keeps each point's neighbours, as {@code sklearn.manifold.trustworthiness(X, Y,
 * n_neighbors=k)} computes it (Euclidean in both spaces): with {@code r(i, j)} the rank of {@code j} among the
 * original-space neighbours of {@code i} (1 for the nearest) and {@code N_k(i)} the {@code k} nearest points of
 * {@code i} in the embedding,
 * {@code T = 1 - 2 / (n k (2n - 3k - 1)) * sum_i sum_{j in N_k(i)} max(0, r(i, j) - k)}.
 * 1 means every embedded neighbour was a neighbour in the original space. Ties, which scikit-learn leaves to its
 * sort, go to the smaller index here. Memory stays {@code O(n)} per thread: a rank is counted, not sorted for.
 */
public final class Trustworthiness {
    private Trustworthiness() {
    }

    /** {@code x} {@code [n, D]}, {@code embedded} {@code [n, d]}; needs {@code k < n / 2} as scikit-learn does. */
    public static double of(Vectors x, Vectors embedded, int k) {
        int n = x.rows();
        if (embedded.rows() != n) {
            throw new TokenSpaceException("the embedding has " + embedded.rows() + " rows but the data has " + n);
        }
        if (k < 1 || k >= n / 2.0) {
            throw new TokenSpaceException("trustworthiness needs 1 <= k < n / 2, got k = " + k + " for n = " + n);
        }
        long penalty = IntStream.range(0, n).parallel().mapToLong(i -> penalty(x, embedded, k, i)).sum();
        return 1.0 - penalty * (2.0 / (n * (double) k * (2.0 * n - 3.0 * k - 1.0)));
    }

    /** {@code sum_{j in N_k(i)} max(0, r(i, j) - k)} for one point. */
    private static long penalty(Vectors x, Vectors embedded, int k, int i) {
        int n = x.rows();
        TopK near = new TopK(k);
        for (int j = 0; j < n; j++) {
            if (j != i) {
                near.offer(Dot.squaredDistance(embedded.data(), i * embedded.dim(), embedded.data(),
                        j * embedded.dim(), embedded.dim()), j);
            }
        }
        int[] embeddedNeighbours = near.sorted(new double[k]);
        double[] d = new double[n]; // squared distances from i in the original space
        for (int j = 0; j < n; j++) {
            d[j] = j == i ? Double.POSITIVE_INFINITY
                    : Dot.squaredDistance(x.data(), i * x.dim(), x.data(), j * x.dim(), x.dim());
        }
        long sum = 0;
        for (int j : embeddedNeighbours) {
            int rank = 1;
            for (int l = 0; l < n; l++) {
                if (TopK.before(d[l], l, d[j], j)) {
                    rank++;
                }
            }
            sum += Math.max(0, rank - k);
        }
        return sum;
    }
}
