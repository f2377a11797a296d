package org.tokenspace.app;

import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.TokenSpaceException;

/**
 * The token the user is looking at: its id, and where it sits in the current batch ({@code row}, {@code position}),
 * or -1 there when it was picked outside the batch (a heatmap row, a point of the vocabulary). Whether a selection
 * fits a computed state is decided here and nowhere else.
 */
public record Selection(int id, int row, int position) {
    public boolean inBatch() {
        return row >= 0 && position >= 0;
    }

    /** The first token of the batch: where a new state starts. */
    public static Selection first(PipelineResult r) {
        return new Selection(r.batch().inputs()[0][0], 0, 0);
    }

    /** The token at batch place {@code [row, position]}; a place outside the batch is refused with a message. */
    public static Selection at(PipelineResult r, int row, int position) {
        int[][] inputs = r.batch().inputs();
        if (row < 0 || row >= inputs.length || position < 0 || position >= inputs[row].length) {
            throw new TokenSpaceException("batch place [" + row + ", " + position + "] is outside the batch of shape ("
                    + inputs.length + ", " + inputs[0].length + ")");
        }
        return new Selection(inputs[row][position], row, position);
    }

    /** Token {@code id}, at its first place in the batch if it is there; an id outside the table is refused. */
    public static Selection of(PipelineResult r, int id) {
        long vocab = r.tables().vocabSize();
        if (id < 0 || id >= vocab) {
            throw new TokenSpaceException("token id " + id + " is outside the token table: valid ids are 0 to "
                    + (vocab - 1));
        }
        int[][] inputs = r.batch().inputs();
        for (int b = 0; b < inputs.length; b++) {
            for (int t = 0; t < inputs[b].length; t++) {
                if (inputs[b][t] == id) {
                    return new Selection(id, b, t);
                }
            }
        }
        return new Selection(id, -1, -1);
    }

    /** True when this selection can be shown in {@code r}: the id is in the table, the place (if any) holds it. */
    public boolean fits(PipelineResult r) {
        int[][] inputs = r.batch().inputs();
        return id >= 0 && id < r.tables().vocabSize() && (!inBatch() || row < inputs.length
                && position < inputs[row].length && inputs[row][position] == id);
    }

    /**
     * This selection carried into a new state {@code r}: the same batch place (now holding whatever token is there),
     * or the same id picked outside the batch, or else the batch's first token.
     */
    public Selection carriedTo(PipelineResult r) {
        int[][] inputs = r.batch().inputs();
        if (inBatch() && row < inputs.length && position < inputs[row].length) {
            return new Selection(inputs[row][position], row, position);
        }
        if (!inBatch() && id >= 0 && id < r.tables().vocabSize()) {
            return this;
        }
        return first(r);
    }

    /**
     * A saved selection in a reopened state: the saved batch place if the batch still has it, else the saved id if
     * the table has it, else the batch's first token.
     */
    public static Selection restored(PipelineResult r, int id, int row, int position) {
        int[][] inputs = r.batch().inputs();
        if (row >= 0 && row < inputs.length && position >= 0 && position < inputs[row].length) {
            return at(r, row, position);
        }
        return id >= 0 && id < r.tables().vocabSize() ? of(r, id) : first(r);
    }
}
