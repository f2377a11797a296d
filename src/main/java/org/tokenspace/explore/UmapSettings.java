package org.tokenspace.explore;

import org.tokenspace.model.TokenSpaceException;

/**
 * The settings of a UMAP run; the defaults are umap-learn's.
 *
 * @param components   2 or 3
 * @param neighbors    the size of each point's neighbourhood, the point itself included (15)
 * @param minDist      how tightly points may pack in the map (0.1)
 * @param spread       the scale of the map's distances (1)
 * @param epochs       passes over the graph, or 0 for umap-learn's choice: 500 up to 10,000 rows, else 200
 * @param learningRate the first epoch's step size, falling linearly to 0 (1)
 * @param negativeRate negative samples per positive one (5)
 * @param randomInit   start uniformly in [-10, 10] instead of from the first principal components
 * @param seed         the seed of the start and of the negative samples
 */
public record UmapSettings(int components, int neighbors, double minDist, double spread, int epochs,
                           double learningRate, int negativeRate, boolean randomInit, long seed) {

    public static final UmapSettings DEFAULTS = new UmapSettings(2, 15, 0.1, 1.0, 0, 1.0, 5, false, 0);

    public UmapSettings withComponents(int c) {
        return new UmapSettings(c, neighbors, minDist, spread, epochs, learningRate, negativeRate, randomInit, seed);
    }

    public UmapSettings withNeighbors(int k) {
        return new UmapSettings(components, k, minDist, spread, epochs, learningRate, negativeRate, randomInit, seed);
    }

    public UmapSettings withMinDist(double m) {
        return new UmapSettings(components, neighbors, m, spread, epochs, learningRate, negativeRate, randomInit, seed);
    }

    public UmapSettings withEpochs(int e) {
        return new UmapSettings(components, neighbors, minDist, spread, e, learningRate, negativeRate, randomInit, seed);
    }

    public UmapSettings withSeed(long s) {
        return new UmapSettings(components, neighbors, minDist, spread, epochs, learningRate, negativeRate, randomInit, s);
    }

    public UmapSettings withRandomInit(boolean r) {
        return new UmapSettings(components, neighbors, minDist, spread, epochs, learningRate, negativeRate, r, seed);
    }

    /** The epochs of a run on {@code rows} points. */
    public int epochsFor(int rows) {
        return epochs > 0 ? epochs : rows <= 10_000 ? 500 : 200;
    }

    /** Checks the settings for {@code rows} points; a bad value is the user's one-line error. */
    public UmapSettings validate(int rows) {
        if (components != 2 && components != 3) {
            throw new TokenSpaceException("UMAP maps to 2 or 3 components, got " + components);
        }
        if (rows < 3) {
            throw new TokenSpaceException("UMAP needs at least 3 rows, got " + rows);
        }
        if (neighbors < 2 || neighbors > rows) {
            throw new TokenSpaceException("the number of neighbours must be 2 to the number of rows (" + rows
                    + "), got " + neighbors);
        }
        if (!(minDist >= 0) || !(spread > 0) || minDist > spread) {
            throw new TokenSpaceException("the minimum distance must be 0 to the spread (" + spread + "), got "
                    + minDist);
        }
        if (epochs < 0 || !(learningRate > 0) || negativeRate < 0) {
            throw new TokenSpaceException("epochs, learning rate and negative sample rate must be positive, got "
                    + epochs + ", " + learningRate + " and " + negativeRate);
        }
        return this;
    }
}
