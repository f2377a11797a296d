package org.tokenspace.explore;

import org.tokenspace.model.TokenSpaceException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Exact top-k neighbours over a whole table {@code [V, D]}: every row is scored, in double (see {@link Dot}), so the
 * list is the one a brute-force double-precision search gives. Row norms are computed once per table. Rows are split
 * over the cores in contiguous parts; each keeps its own top-k and the parts are merged, with ties broken by the
 * smaller id.
 *
 * <p>Cosine similarity is {@code q·x / (|q| |x|)}; a row of zeros has similarity 0 to everything (as
 * {@code torch.nn.functional.cosine_similarity} gives with its eps), and a query of zeros has no direction, which is
 * the user's error. Euclidean distance is {@code sqrt(sum (q - x)^2)} with the differences taken in double. The scan
 * ranks rows by {@code |x|^2 / 2 - q·x} (the same order, and as fast as cosine), keeps {@value #MARGIN} more than
 * asked, and the distances of those are then computed directly; so only rows within double rounding (about 1e-13
 * relative) of each other, more than {@value #MARGIN} of them, could be ordered otherwise than by the direct sum.
 */
public final class Neighbours {
    /** Rows per part when a search is split over the cores: small tables stay on one thread. */
    static final int PART_ROWS = 8192;
    /** Extra candidates kept by the Euclidean scan before the direct distances decide. */
    static final int MARGIN = 8;

    private final Vectors table;
    private final double[] norms; // [V]
    private final double[] halfSquares; // [V], |x|^2 / 2

    public Neighbours(Vectors table) {
        this.table = table;
        this.norms = table.norms();
        this.halfSquares = new double[norms.length];
        for (int r = 0; r < norms.length; r++) {
            halfSquares[r] = Dot.dot(table.data(), r * table.dim(), table.data(), r * table.dim(), table.dim()) / 2;
        }
    }

    public Vectors table() {
        return table;
    }

    /** The {@code k} rows nearest row {@code id}, nearest first, the row itself left out. */
    public List<Neighbour> of(int id, int k, Metric metric) {
        table.checkRow(id);
        return of(table.row(id), k, metric, id);
    }

    /**
     * The {@code k} rows nearest {@code query} {@code [D]}, nearest first, leaving out the rows in {@code excluded}
     * (fewer than {@code k} when the table has fewer rows left).
     */
    public List<Neighbour> of(float[] query, int k, Metric metric, int... excluded) {
        int dim = table.dim();
        if (query.length != dim) {
            throw new TokenSpaceException("the query has " + query.length + " values but the table's rows have "
                    + dim);
        }
        if (k < 1) {
            throw new TokenSpaceException("k must be at least 1, got " + k);
        }
        double queryNorm = Math.sqrt(Dot.dot(query, 0, query, 0, dim));
        if (metric == Metric.COSINE && queryNorm == 0) {
            throw new TokenSpaceException("the query vector is all zeros, so it has no cosine similarity: use"
                    + " --metric euclidean");
        }
        int[] skip = excluded.clone();
        Arrays.sort(skip);
        int kept = Math.min(metric == Metric.COSINE ? k : k + MARGIN, table.rows());
        int parts = (table.rows() + PART_ROWS - 1) / PART_ROWS;
        IntStream partIds = IntStream.range(0, parts);
        TopK best = (parts > 1 ? partIds.parallel() : partIds)
                .mapToObj(p -> scan(query, queryNorm, metric, skip, kept, p * PART_ROWS,
                        Math.min(table.rows(), (p + 1) * PART_ROWS)))
                .reduce(new TopK(kept), (a, b) -> {
                    TopK merged = new TopK(kept);
                    merged.addAll(a);
                    merged.addAll(b);
                    return merged;
                });
        double[] keys = new double[best.size()];
        int[] ids = best.sorted(keys);
        if (metric == Metric.EUCLIDEAN) { // the direct squared distances decide among the candidates
            TopK exact = new TopK(Math.min(k, ids.length));
            for (int id : ids) {
                exact.offer(Dot.squaredDistance(query, 0, table.data(), id * dim, dim), id);
            }
            ids = exact.sorted(keys);
        }
        List<Neighbour> out = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            out.add(new Neighbour(ids[i], metric == Metric.COSINE ? 0.0 - keys[i] : Math.sqrt(keys[i])));
        }
        return out;
    }

    /** Top-k of rows {@code [from, to)}; the key is -cosine or {@code |x|^2 / 2 - q·x}, so smaller is nearer. */
    private TopK scan(float[] query, double queryNorm, Metric metric, int[] skip, int k, int from, int to) {
        TopK top = new TopK(k);
        float[] data = table.data();
        int dim = table.dim();
        for (int r = from; r < to; r++) {
            if (skip.length > 0 && Arrays.binarySearch(skip, r) >= 0) {
                continue;
            }
            double dot = Dot.dot(query, 0, data, r * dim, dim);
            double key;
            if (metric == Metric.COSINE) {
                double n = norms[r];
                key = n == 0 ? 0 : -(dot / (queryNorm * n));
            } else {
                key = halfSquares[r] - dot;
            }
            top.offer(key, r);
        }
        return top;
    }
}
