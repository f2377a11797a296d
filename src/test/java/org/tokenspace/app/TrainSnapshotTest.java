package org.tokenspace.app;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The Train stage's nearest neighbours against sorting every cosine similarity. */
class TrainSnapshotTest {
    @Test
    void nearestRowsAreTheTopOfAFullSortWithTheQueryLeftOut() {
        Random r = new Random(11);
        int rows = 500;
        int dim = 7;
        float[] t = new float[rows * dim];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) r.nextGaussian();
        }
        System.arraycopy(t, 3 * dim, t, 40 * dim, dim); // a tie: rows 3 and 40 are equal
        int[] all = IntStream.range(0, rows).toArray();
        int[] some = IntStream.range(0, rows).filter(i -> i % 3 == 0).toArray();
        for (int[] candidates : new int[][] {all, some}) {
            for (int q : new int[] {0, 3, 40, 499}) {
                double[] sim = new double[rows];
                for (int i = 0; i < rows; i++) {
                    double dot = 0;
                    double a = 0;
                    double b = 0;
                    for (int d = 0; d < dim; d++) {
                        dot += (double) t[q * dim + d] * t[i * dim + d];
                        a += (double) t[q * dim + d] * t[q * dim + d];
                        b += (double) t[i * dim + d] * t[i * dim + d];
                    }
                    sim[i] = dot / Math.sqrt(a * b);
                }
                int[] expected = IntStream.of(candidates).filter(i -> i != q).boxed()
                        .sorted(Comparator.<Integer>comparingDouble(i -> -sim[i]).thenComparingInt(i -> i))
                        .limit(8).mapToInt(Integer::intValue).toArray();
                assertArrayEquals(expected, TrainSnapshot.nearest(t, dim, q, candidates, 8), "query " + q);
            }
        }
    }
}
