package org.tokenspace.explore;

import org.tokenspace.model.TokenSpaceException;

import java.util.List;

/**
 * Analogies {@code a - b + c} ("king - man + woman") as word2vec and gensim's {@code most_similar(positive=[a, c],
 * negative=[b])} answer them (3CosAdd): each of the three rows is scaled to unit length, the query is
 * {@code a/|a| - b/|b| + c/|c|} (computed in double, then rounded to float32 like the table), and the answer is the
 * top-k by cosine similarity to it, leaving out a, b and c themselves.
 */
public final class Analogy {
    private Analogy() {
    }

    /** The query vector {@code a/|a| - b/|b| + c/|c|} {@code [D]}. */
    public static float[] query(Vectors table, int a, int b, int c) {
        double[] norms = new double[3];
        int[] rows = {a, b, c};
        for (int i = 0; i < 3; i++) {
            table.checkRow(rows[i]);
            norms[i] = Math.sqrt(Dot.dot(table.data(), rows[i] * table.dim(), table.data(), rows[i] * table.dim(),
                    table.dim()));
            if (norms[i] == 0) {
                throw new TokenSpaceException("row " + rows[i] + " is all zeros, so it has no direction for an"
                        + " analogy: choose another token");
            }
        }
        float[] data = table.data();
        int dim = table.dim();
        float[] q = new float[dim];
        for (int d = 0; d < dim; d++) {
            q[d] = (float) (data[a * dim + d] / norms[0] - data[b * dim + d] / norms[1]
                    + data[c * dim + d] / norms[2]);
        }
        return q;
    }

    /** The {@code k} rows most similar to {@code a - b + c}, most similar first, a, b and c left out. */
    public static List<Neighbour> solve(Neighbours neighbours, int a, int b, int c, int k) {
        float[] q = query(neighbours.table(), a, b, c);
        return neighbours.of(q, k, Metric.COSINE, a, b, c);
    }
}
