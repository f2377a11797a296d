package org.tokenspace.explore;

import org.tokenspace.io.Progress;

/**
 * A non-linear map of rows to 2 or 3 dimensions that is computed in steps, so that a window can draw it while it
 * runs, pause it between steps, and drop it to cancel: {@link #step(int)} runs some iterations (t-SNE) or epochs
 * (UMAP), {@link #coordinates()} returns where the points are now. The expensive preparation (neighbours,
 * affinities) happens before an instance exists, with its own progress and cancel. Not thread-safe: one thread
 * steps it and reads its coordinates.
 */
public interface Projection {
    /** Points mapped. */
    int rows();

    /** 2 or 3. */
    int components();

    /** Iterations (or epochs) done so far. */
    int iteration();

    /** Iterations (or epochs) in a whole run. */
    int iterations();

    /**
     * Runs up to {@code count} more iterations, never past {@link #iterations()}; returns how many ran.
     */
    int step(int count);

    /** A copy of the current coordinates, float32 {@code [rows, components]} row-major. */
    float[] coordinates();

    default boolean done() {
        return iteration() >= iterations();
    }

    /** Steps to the end, reporting the fraction done and stopping when {@code progress} says it was cancelled. */
    default float[] run(Progress progress) {
        while (!done()) {
            step(Math.max(1, iterations() / 100));
            progress.step(iteration(), iterations());
        }
        return coordinates();
    }
}
