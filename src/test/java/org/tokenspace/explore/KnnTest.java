package org.tokenspace.explore;

import org.junit.jupiter.api.Test;
import org.tokenspace.io.Progress;
import org.tokenspace.model.TorchGenerator;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KnnTest {
    /** The sgemm-chosen graph equals a brute-force double search, ids and distances, on clustered and plain data. */
    @Test
    void equalsBruteForce() {
        TorchGenerator g = new TorchGenerator(11);
        Vectors plain = TrustworthinessTest.random(g, 700, 33, 1);
        Vectors clustered = Clusters.gaussian(8, 90, 64, 6.0, 1.0, 99).vectors();
        for (Vectors x : List.of(plain, clustered)) {
            int k = 12;
            KnnGraph graph = Knn.exact(x, k, Progress.NONE, 100 * x.rows()); // blocks of 100 rows
            for (int i = 0; i < x.rows(); i++) {
                List<Neighbour> ref = NeighboursTest.reference(x, x.row(i), k, Metric.EUCLIDEAN, i);
                for (int j = 0; j < k; j++) {
                    assertEquals(ref.get(j).id(), graph.ids()[i * k + j], "row " + i + " neighbour " + j);
                    double r = ref.get(j).score() * ref.get(j).score();
                    assertEquals(r, graph.squaredDistances()[i * k + j], 1e-12 * Math.max(1, r));
                }
            }
        }
    }

    @Test
    void reportsProgressPerBlockAndStopsWhenCancelled() {
        Vectors x = TrustworthinessTest.random(new org.tokenspace.model.TorchGenerator(1), 500, 8, 1);
        List<Double> seen = new ArrayList<>();
        Knn.exact(x, 5, new Progress(seen::add, () -> false), 100 * 500L);
        assertEquals(List.of(0.2, 0.4, 0.6, 0.8, 1.0), seen);
        assertThrows(org.tokenspace.model.Pipeline.Cancelled.class, () -> Tsne.prepare(x, TsneSettings.DEFAULTS
                .withPerplexity(5), new Progress(f -> { }, () -> true)));
        assertThrows(org.tokenspace.model.Pipeline.Cancelled.class, () -> Umap.prepare(x, UmapSettings.DEFAULTS,
                new Progress(f -> { }, () -> true)));
    }
}
