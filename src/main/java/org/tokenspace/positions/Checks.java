package org.tokenspace.positions;

import org.tokenspace.model.Sizes;
import org.tokenspace.model.TokenSpaceException;

/** The checks every scheme shares, each failing with one line that names the value and the fix. */
final class Checks {
    private Checks() {
    }

    static void contextLength(int contextLength) {
        Sizes.requirePositive("contextLength", contextLength);
    }

    /** Sinusoidal tables and RoPE work on pairs of dimensions. */
    static void evenDim(String scheme, int embeddingDim) {
        Sizes.requirePositive("embeddingDim", embeddingDim);
        if (embeddingDim % 2 != 0) {
            throw new TokenSpaceException(scheme + " needs an even embeddingDim (it works on pairs of dimensions),"
                    + " got " + embeddingDim + ": use " + (embeddingDim - 1) + " or " + (embeddingDim + 1));
        }
    }

    static void heads(int heads) {
        Sizes.requirePositive("heads", heads);
    }

    static void head(int head, int heads) {
        if (head < 0 || head >= heads) {
            throw new TokenSpaceException("head " + head + " does not exist: heads are 0 to " + (heads - 1));
        }
    }

    static void position(String what, int p, int contextLength) {
        if (p < 0 || p >= contextLength) {
            throw new TokenSpaceException(what + " " + p + " is outside the context: positions are 0 to "
                    + (contextLength - 1));
        }
    }

    /** Query and key sequences: at least one vector each, at most contextLength, all of length {@code dim}. */
    static void sequences(float[][] queries, float[][] keys, int contextLength, int dim) {
        sequence("queries", queries, contextLength, dim);
        sequence("keys", keys, contextLength, dim);
        int qd = queries[0].length;
        if (keys[0].length != qd) {
            throw new TokenSpaceException("queries have " + qd + " dimensions but keys have " + keys[0].length
                    + ": a dot product needs the same length");
        }
    }

    private static void sequence(String name, float[][] v, int contextLength, int dim) {
        if (v.length == 0) {
            throw new TokenSpaceException("no " + name + " given: give at least one vector");
        }
        if (v.length > contextLength) {
            throw new TokenSpaceException(v.length + " " + name + " need positions up to " + (v.length - 1)
                    + " but contextLength is " + contextLength + ": give fewer or raise contextLength");
        }
        for (float[] row : v) {
            int expected = dim > 0 ? dim : v[0].length;
            if (row.length != expected) {
                throw new TokenSpaceException("a vector of " + name + " has " + row.length + " dimensions where "
                        + expected + " are needed (embeddingDim)");
            }
        }
    }

    /** Reads row r of a 2-D float32 array as a Java array. */
    static float[] row(org.nd4j.linalg.api.ndarray.INDArray table, int r) {
        return table.getRow(r).toFloatVector();
    }
}
