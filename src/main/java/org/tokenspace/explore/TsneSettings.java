package org.tokenspace.explore;

import org.tokenspace.model.TokenSpaceException;

/**
 * The settings of a t-SNE run; the defaults are scikit-learn 1.2's {@code TSNE}.
 *
 * @param components        2 or 3
 * @param perplexity        the effective number of neighbours each point's Gaussian spans (30); below the rows
 * @param iterations        gradient steps in all, the first 250 with early exaggeration (1000; at least 250)
 * @param learningRate      step size, or 0 for scikit-learn's "auto": {@code max(n / exaggeration / 4, 50)}
 * @param earlyExaggeration how much the input similarities are multiplied by in the first 250 steps (12)
 * @param angle             Barnes-Hut's theta: larger is faster and coarser (0.5)
 * @param randomInit        start from {@code 1e-4 N(0, 1)} drawn with {@code seed} instead of the rows' first
 *                          principal components scaled to a standard deviation of 1e-4 (scikit-learn's "pca")
 * @param seed              the seed of a random start
 */
public record TsneSettings(int components, double perplexity, int iterations, double learningRate,
                           double earlyExaggeration, double angle, boolean randomInit, long seed) {
    /** Steps with early exaggeration (scikit-learn's {@code _EXPLORATION_N_ITER}). */
    public static final int EXPLORATION = 250;

    public static final TsneSettings DEFAULTS = new TsneSettings(2, 30, 1000, 0, 12, 0.5, false, 0);

    public TsneSettings withComponents(int c) {
        return new TsneSettings(c, perplexity, iterations, learningRate, earlyExaggeration, angle, randomInit, seed);
    }

    public TsneSettings withPerplexity(double p) {
        return new TsneSettings(components, p, iterations, learningRate, earlyExaggeration, angle, randomInit, seed);
    }

    public TsneSettings withIterations(int n) {
        return new TsneSettings(components, perplexity, n, learningRate, earlyExaggeration, angle, randomInit, seed);
    }

    public TsneSettings withLearningRate(double r) {
        return new TsneSettings(components, perplexity, iterations, r, earlyExaggeration, angle, randomInit, seed);
    }

    public TsneSettings withRandomInit(long s) {
        return new TsneSettings(components, perplexity, iterations, learningRate, earlyExaggeration, angle, true, s);
    }

    /** Checks the settings for {@code rows} points; a bad value is the user's one-line error. */
    public TsneSettings validate(int rows) {
        if (components != 2 && components != 3) {
            throw new TokenSpaceException("t-SNE maps to 2 or 3 components, got " + components);
        }
        if (rows < 3) {
            throw new TokenSpaceException("t-SNE needs at least 3 rows, got " + rows);
        }
        if (!(perplexity > 0) || perplexity >= rows) {
            throw new TokenSpaceException("the perplexity must be above 0 and below the number of rows (" + rows
                    + "), got " + perplexity);
        }
        if (iterations < EXPLORATION) {
            throw new TokenSpaceException("t-SNE needs at least " + EXPLORATION + " iterations (the early"
                    + " exaggeration phase), got " + iterations);
        }
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new TokenSpaceException("the learning rate must be above 0 (or 0 for auto), got " + learningRate);
        }
        if (!(earlyExaggeration >= 1) || !(angle >= 0 && angle <= 1)) {
            throw new TokenSpaceException("early exaggeration must be at least 1 and the angle 0 to 1, got "
                    + earlyExaggeration + " and " + angle);
        }
        return this;
    }
}
