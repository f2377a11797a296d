package org.tokenspace.explore;

import org.tokenspace.model.TorchGenerator;

/**
 * Synthetic data with known clusters, for quality tests and benchmarks: {@code clusters} centres drawn from
 * {@code N(0, separation^2)} in {@code dim} dimensions, and {@code perCluster} points around each from
 * {@code N(centre, spread^2)}, all from one seeded {@link TorchGenerator}. Rows are ordered cluster by cluster.
 *
 * @param labels {@code [n]}: the cluster of each row
 */
public record Clusters(Vectors vectors, int[] labels) {

    public static Clusters gaussian(int clusters, int perCluster, int dim, double separation, double spread,
                                    long seed) {
        TorchGenerator g = new TorchGenerator(seed);
        double[] centres = new double[clusters * dim];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = g.nextNormal() * separation;
        }
        int n = clusters * perCluster;
        float[] data = new float[n * dim];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i / perCluster;
            labels[i] = c;
            for (int d = 0; d < dim; d++) {
                data[i * dim + d] = (float) (centres[c * dim + d] + g.nextNormal() * spread);
            }
        }
        return new Clusters(new Vectors(data, n, dim), labels);
    }

    /**
     * The share of points whose {@code k} nearest embedded neighbours all carry the point's own label: 1 when every
     * cluster is drawn apart from the others.
     */
    public double separation(Vectors embedded, int k) {
        KnnGraph graph = Knn.exact(embedded, k, org.tokenspace.io.Progress.NONE);
        int pure = 0;
        for (int i = 0; i < graph.rows(); i++) {
            boolean same = true;
            for (int j = 0; j < k && same; j++) {
                same = labels[graph.ids()[i * k + j]] == labels[i];
            }
            pure += same ? 1 : 0;
        }
        return pure / (double) graph.rows();
    }
}
