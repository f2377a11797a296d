package org.tokenspace.explore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.Tables;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.model.TorchGenerator;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NeighboursTest {
    /** Brute force in the plainest double arithmetic: every row scored one product at a time, sorted by (score, id). */
    static List<Neighbour> reference(Vectors t, float[] q, int k, Metric metric, int... excluded) {
        int dim = t.dim();
        double qn = 0;
        for (float v : q) {
            qn += (double) v * v;
        }
        qn = Math.sqrt(qn);
        Neighbour[] all = new Neighbour[t.rows()];
        for (int r = 0; r < t.rows(); r++) {
            double dot = 0;
            double sq = 0;
            double xn = 0;
            for (int d = 0; d < dim; d++) {
                double x = t.data()[r * dim + d];
                dot += q[d] * x;
                sq += (q[d] - x) * (q[d] - x);
                xn += x * x;
            }
            xn = Math.sqrt(xn);
            all[r] = new Neighbour(r, metric == Metric.COSINE ? (xn == 0 ? 0 : dot / (qn * xn)) : Math.sqrt(sq));
        }
        Comparator<Neighbour> byScore = Comparator.comparingDouble(Neighbour::score);
        if (metric == Metric.COSINE) {
            byScore = byScore.reversed();
        }
        return Arrays.stream(all).filter(n -> Arrays.stream(excluded).noneMatch(e -> e == n.id()))
                .sorted(byScore.thenComparingInt(Neighbour::id)).limit(k).toList();
    }

    static void assertSameList(List<Neighbour> expected, List<Neighbour> actual) {
        assertEquals(expected.stream().map(Neighbour::id).toList(), actual.stream().map(Neighbour::id).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).score(), actual.get(i).score(), 1e-12 * Math.max(1, Math.abs(
                    expected.get(i).score())), "score of neighbour " + i);
        }
    }

    /** A table of normal values from a seeded torch generator, as nn.Embedding makes them. */
    static Vectors seeded(long seed, int rows, int dim) {
        return Vectors.of(Tables.seeded(seed, rows, dim, 1, NormalKernel.AVX2).tokenTable());
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void equalsBruteForceOnASeededTableSplitOverParts(Metric metric) {
        // more rows than one part, so the parallel split and the merge are exercised
        Vectors t = seeded(123, 3 * Neighbours.PART_ROWS + 77, 48);
        Neighbours n = new Neighbours(t);
        for (int id : new int[] {0, 5, Neighbours.PART_ROWS - 1, Neighbours.PART_ROWS, t.rows() - 1}) {
            assertSameList(reference(t, t.row(id), 25, metric, id), n.of(id, 25, metric));
        }
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void equalsBruteForceOnRandomTablesAndQueries(Metric metric) {
        TorchGenerator g = new TorchGenerator(2024);
        for (int trial = 0; trial < 20; trial++) {
            int rows = 1 + (g.nextInt() & 0x7fffffff) % 400;
            int dim = 1 + (g.nextInt() & 0x7fffffff) % 40;
            float[] data = new float[rows * dim];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) (g.nextDouble() * 4 - 2);
            }
            Vectors t = new Vectors(data, rows, dim);
            float[] q = new float[dim];
            for (int d = 0; d < dim; d++) {
                q[d] = (float) (g.nextDouble() - 0.5);
            }
            int k = 1 + (g.nextInt() & 0x7fffffff) % 30;
            assertSameList(reference(t, q, k, metric), new Neighbours(t).of(q, k, metric));
        }
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void tiesGoToTheSmallerIdAndTheQueryIsLeftOut(Metric metric) {
        // rows 1, 3 and 4 are the same vector; row 2 is a scaled copy (same direction); row 0 the query
        float[] data = {1, 0, 0.5f, 0.5f, 2, 2, 0.5f, 0.5f, 0.5f, 0.5f, -1, 1};
        Neighbours n = new Neighbours(new Vectors(data, 6, 2));
        List<Integer> ids = n.of(1, 3, metric).stream().map(Neighbour::id).toList();
        // cosine: 2, 3, 4 all have similarity 1 to row 1; euclidean: 3 and 4 are at distance 0
        assertEquals(metric == Metric.COSINE ? List.of(2, 3, 4) : List.of(3, 4, 0), ids);
    }

    @Test
    void zeroRowsHaveCosineZeroAndAZeroQueryIsTheUsersError() {
        Vectors t = new Vectors(new float[] {1, 0, 0, 0, -1, 0}, 3, 2);
        Neighbours n = new Neighbours(t);
        assertEquals(List.of(new Neighbour(1, 0.0), new Neighbour(2, -1.0)), n.of(0, 5, Metric.COSINE));
        TokenSpaceException e = assertThrows(TokenSpaceException.class, () -> n.of(1, 2, Metric.COSINE));
        assertEquals("the query vector is all zeros, so it has no cosine similarity: use --metric euclidean",
                e.getMessage());
        assertEquals(List.of(new Neighbour(0, 1.0), new Neighbour(2, 1.0)), n.of(1, 2, Metric.EUCLIDEAN));
    }

    @Test
    void badRowsAndKAreOneLine() {
        Neighbours n = new Neighbours(new Vectors(new float[] {1, 2, 3, 4}, 2, 2));
        assertEquals("row 2 is outside the table: valid rows are 0 to 1",
                assertThrows(TokenSpaceException.class, () -> n.of(2, 1, Metric.COSINE)).getMessage());
        assertEquals("k must be at least 1, got 0",
                assertThrows(TokenSpaceException.class, () -> n.of(0, 0, Metric.COSINE)).getMessage());
    }
}
