package org.tokenspace.app;

/**
 * The token the user is looking at: its id, and where it sits in the current batch ({@code row}, {@code position}),
 * or -1 there when it was picked outside the batch (a heatmap row, a point of the vocabulary).
 */
public record Selection(int id, int row, int position) {
    public static final Selection NONE = new Selection(-1, -1, -1);

    public boolean inBatch() {
        return row >= 0 && position >= 0;
    }
}
