package org.tokenspace.train;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The token table as the optimizer sees it, updated lazily. A step's gradient touches only the rows its batch used
 * (32 of 50,257 at the course's settings); every other row still gets AdamW's moment decay and weight decay, which
 * depend on nothing but the step's scalars. So a row remembers how many steps it has had, and catches up (the same
 * float32 operations, step by step, as PyTorch's dense update) only when a gradient reaches it or someone reads the
 * table. The result is the same bits as updating every row every step, at a fraction of the memory traffic.
 *
 * <p>Not thread-safe: the trainer calls it under its lock.
 */
final class LazyTable {
    final int rows;
    final int cols;
    final float[] value;
    final float[] m;
    final float[] v;
    /** Steps applied to each row. */
    private final int[] upTo;
    /**
     * The scalars of step k at index {@code k - 1 - base}: only the steps some row has not had (a table brought up to
     * date forgets them, so the list stays short while someone reads the table).
     */
    private final List<Updates> history = new ArrayList<>();
    private int base;
    // the last step's rows as they were, to undo a step that diverged
    private int[] undoRows = new int[0];
    private float[] undoValue = new float[0];
    private float[] undoM = new float[0];
    private float[] undoV = new float[0];
    private int[] undoUpTo = new int[0];

    LazyTable(int rows, int cols, float[] init, boolean moments) {
        this.rows = rows;
        this.cols = cols;
        value = init;
        m = moments ? new float[init.length] : null;
        v = moments ? new float[init.length] : null;
        upTo = new int[rows];
    }

    /** Steps done. */
    int steps() {
        return base + history.size();
    }

    /**
     * Applies step {@code history.size() + 1} with {@code rule}: rows {@code gradRows} (distinct) get their gradient
     * from {@code grads} ({@code [gradRows.length, cols]}) after catching up. Returns false, with every row as it
     * was, when a new value is not finite.
     */
    boolean step(Updates rule, int[] gradRows, float[] grads) {
        int next = steps() + 1;
        saveForUndo(gradRows);
        history.add(rule);
        float check = 0;
        for (int i = 0; i < gradRows.length; i++) {
            int r = gradRows[i];
            check += catchUp(r, next - 1);
            int from = r * cols;
            check += rule.apply(value, m, v, grads, i * cols, from, from + cols);
            upTo[r] = next;
        }
        if (!Float.isFinite(check)) {
            undoLastStep();
            return false;
        }
        return true;
    }

    /** Takes the last step back (another tensor of the same step diverged). */
    void undoLastStep() {
        undo();
        history.remove(history.size() - 1);
    }

    /** Brings rows {@code rows} up to the last step (before a forward pass reads them). */
    void catchUp(int[] rows) {
        for (int r : rows) {
            catchUp(r, steps());
        }
    }

    /** Brings every row up to the last step (before reading the table). */
    void materialize() {
        int target = steps();
        IntStream.range(0, 64).parallel().forEach(c -> {
            for (int r = rows * c / 64; r < rows * (c + 1) / 64; r++) {
                catchUp(r, target);
            }
        });
        base = target; // every row has had every step
        history.clear();
    }

    /** Replays the zero-gradient updates of the steps row {@code r} has not had, up to step {@code target}. */
    private float catchUp(int r, int target) {
        float check = 0;
        int from = r * cols;
        for (int s = upTo[r] + 1; s <= target; s++) {
            Updates u = history.get(s - 1 - base);
            if (!u.zeroGradientIsIdentity()) {
                check += u.apply(value, m, v, null, 0, from, from + cols);
            }
        }
        upTo[r] = Math.max(upTo[r], target);
        return check;
    }

    private void saveForUndo(int[] gradRows) {
        int n = gradRows.length * cols;
        if (undoValue.length < n) {
            undoValue = new float[n];
            undoM = new float[n];
            undoV = new float[n];
        }
        undoRows = gradRows.clone();
        undoUpTo = new int[gradRows.length];
        for (int i = 0; i < gradRows.length; i++) {
            int from = gradRows[i] * cols;
            undoUpTo[i] = upTo[gradRows[i]];
            System.arraycopy(value, from, undoValue, i * cols, cols);
            if (m != null) {
                System.arraycopy(m, from, undoM, i * cols, cols);
                System.arraycopy(v, from, undoV, i * cols, cols);
            }
        }
    }

    private void undo() {
        for (int i = 0; i < undoRows.length; i++) {
            int from = undoRows[i] * cols;
            upTo[undoRows[i]] = undoUpTo[i];
            System.arraycopy(undoValue, i * cols, value, from, cols);
            if (m != null) {
                System.arraycopy(undoM, i * cols, m, from, cols);
                System.arraycopy(undoV, i * cols, v, from, cols);
            }
        }
    }
}
