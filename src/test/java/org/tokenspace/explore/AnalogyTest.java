package org.tokenspace.explore;

import org.junit.jupiter.api.Test;
import org.tokenspace.model.TorchGenerator;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalogyTest {
    /**
     * A table built so the answer is known: directions "royal" and "female" over noise rows. king = royal + male,
     * queen = royal + female, man = male, woman = female (scaled differently, so unit scaling matters).
     */
    @Test
    void kingMinusManPlusWomanIsQueen() {
        int dim = 32;
        int rows = 200;
        float[] data = new float[rows * dim];
        TorchGenerator g = new TorchGenerator(5);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (g.nextNormal() * 0.3);
        }
        int king = 10;
        int man = 20;
        int woman = 30;
        int queen = 40;
        java.util.Arrays.fill(data, king * dim, (king + 1) * dim, 0f);
        java.util.Arrays.fill(data, man * dim, (man + 1) * dim, 0f);
        java.util.Arrays.fill(data, woman * dim, (woman + 1) * dim, 0f);
        java.util.Arrays.fill(data, queen * dim, (queen + 1) * dim, 0f);
        data[king * dim] = 3;      // royal
        data[king * dim + 1] = 3;  // male
        data[man * dim + 1] = 0.5f;
        data[woman * dim + 2] = 7;
        data[queen * dim] = 3;
        data[queen * dim + 2] = 3; // female
        Vectors t = new Vectors(data, rows, dim);
        // unit(king) - unit(man) + unit(woman) = (0.707, 0.707 - 1, 1, 0...)
        float[] q = Analogy.query(t, king, man, woman);
        float s = (float) (3 / Math.sqrt(18));
        assertArrayEquals(new float[] {s, s - 1, 1, 0}, java.util.Arrays.copyOf(q, 4), 1e-6f);
        List<Neighbour> top = Analogy.solve(new Neighbours(t), king, man, woman, 5);
        assertEquals(queen, top.get(0).id());
        assertTrue(top.stream().noneMatch(n -> n.id() == king || n.id() == man || n.id() == woman));
        // the score is the cosine of queen and the query, computed here by hand
        double qq = 0;
        double dot = 0;
        for (int d = 0; d < dim; d++) {
            qq += (double) q[d] * q[d];
            dot += (double) q[d] * data[queen * dim + d];
        }
        assertEquals(dot / (Math.sqrt(qq) * Math.sqrt(18)), top.get(0).score(), 1e-12);
        // and the whole list is the brute-force one
        NeighboursTest.assertSameList(NeighboursTest.reference(t, q, 5, Metric.COSINE, king, man, woman), top);
    }
}
