package org.tokenspace.explore;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.model.TokenSpaceException;

import java.util.Arrays;

/**
 * Rows of float32 vectors {@code [rows, dim]} in one row-major Java array: what neighbours, t-SNE and UMAP read.
 * Plain arrays rather than an INDArray because every loop here walks rows one float at a time.
 *
 * @param data {@code [rows * dim]}, row {@code r} at {@code r * dim}
 */
public record Vectors(float[] data, int rows, int dim) {

    public Vectors {
        if (rows < 0 || dim < 1 || data.length != (long) rows * dim) {
            throw new IllegalArgumentException("data of length " + data.length + " is not [" + rows + ", " + dim + "]");
        }
    }

    /** A copy of a 2-D table {@code [V, D]} (any float type) as float32. */
    public static Vectors of(INDArray table) {
        if (table.rank() != 2) {
            throw new TokenSpaceException("a table of vectors needs 2 dimensions [rows, dim], got shape "
                    + Arrays.toString(table.shape()));
        }
        INDArray f = table.dataType() == DataType.FLOAT ? table : table.castTo(DataType.FLOAT);
        float[] data = f.dup('c').data().asFloat(); // [V * D]
        return new Vectors(data, Math.toIntExact(table.rows()), Math.toIntExact(table.columns()));
    }

    /** The rows named by {@code ids}, in that order (e.g. the distinct ids of a text, or a search's matches). */
    public Vectors select(int[] ids) {
        float[] out = new float[ids.length * dim]; // [n, D]
        for (int i = 0; i < ids.length; i++) {
            checkRow(ids[i]);
            System.arraycopy(data, ids[i] * dim, out, i * dim, dim);
        }
        return new Vectors(out, ids.length, dim);
    }

    /**
     * Each id once, in the order first seen: the rows to map for the distinct tokens of a text, or a search's
     * matches.
     */
    public static int[] distinct(int[] ids) {
        java.util.LinkedHashSet<Integer> seen = new java.util.LinkedHashSet<>();
        for (int id : ids) {
            seen.add(id);
        }
        return seen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A copy of row {@code r}. */
    public float[] row(int r) {
        checkRow(r);
        return Arrays.copyOfRange(data, r * dim, (r + 1) * dim);
    }

    /** Throws the user's message when {@code r} is not a row of this table. */
    public void checkRow(int r) {
        if (r < 0 || r >= rows) {
            throw new TokenSpaceException("row " + r + " is outside the table: valid rows are 0 to " + (rows - 1));
        }
    }

    /** The Euclidean norm of every row, summed in double: {@code [rows]}. */
    public double[] norms() {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = Math.sqrt(Dot.dot(data, r * dim, data, r * dim, dim));
        }
        return out;
    }
}
