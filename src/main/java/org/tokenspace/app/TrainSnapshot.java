package org.tokenspace.app;

import org.tokenspace.projection.PcaAxes;
import org.tokenspace.projection.VocabularyCloud;
import org.tokenspace.train.Trainer;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * What the Train stage draws at one moment, computed off the FX thread from a consistent copy of the trainer's
 * tensors: the losses, the token table in the axes fitted at the start (so the points move, not the axes), how far
 * each row moved, the selected token's vector and its nearest neighbours, the positional table.
 *
 * @param steps        steps done
 * @param epoch        the epoch of the last step (0 is the first; -1 before any)
 * @param losses       every step's loss
 * @param epochStarts  the step at which each epoch began
 * @param points       the token table in the start's PCA axes, {@code [V, 3]}
 * @param trail        the text's tokens' points at earlier snapshots, oldest first, each {@code [U, 3]}
 * @param textIds      the distinct ids of the text, in id order ({@code U} of them)
 * @param moved        how far each row moved from the start, relative to its length, {@code [V]}
 * @param selected     the selected id, or -1
 * @param vector       the selected id's row, {@code [D]}
 * @param neighbours   the selected id's nearest rows by cosine similarity, nearest first
 * @param similarity   their cosine similarities
 * @param positions    the positional table, {@code [C, D]}
 * @param axes         the axes the points are in
 */
public record TrainSnapshot(long steps, int epoch, float[] losses, long[] epochStarts, float[] points,
                            float[][] trail, int[] textIds, float[] moved, int selected, float[] vector,
                            int[] neighbours, float[] similarity, float[] positions, int contextLength, int dim,
                            PcaAxes axes) {
    /** How many neighbours are listed. */
    public static final int NEIGHBOURS = 8;
    /** How many earlier positions a point's trail keeps. */
    public static final int TRAIL = 6;

    /**
     * Takes a snapshot of {@code trainer}: {@code table} is a reusable {@code [V, D]} buffer, {@code axes} the start's,
     * {@code previous} the last snapshot (for the trails) or null.
     */
    static TrainSnapshot of(Trainer trainer, float[] table, PcaAxes axes, int[] textIds, int selected,
                            boolean amongText, TrainSnapshot previous) {
        trainer.copyTokenTable(table);
        long steps = trainer.stepCount();
        int dim = trainer.settings().embeddingDim();
        int vocab = trainer.settings().vocabSize();
        float[] points = axes.transformRows(table, vocab); // [V, D] -> [V, 3]
        float[] textPoints = new float[textIds.length * 3];
        for (int i = 0; i < textIds.length; i++) {
            System.arraycopy(points, 3 * textIds[i], textPoints, 3 * i, 3);
        }
        float[][] trail;
        if (previous == null || previous.textIds.length != textIds.length) {
            trail = new float[][] {textPoints};
        } else {
            int keep = Math.min(TRAIL, previous.trail.length + 1);
            trail = new float[keep][];
            System.arraycopy(previous.trail, previous.trail.length - (keep - 1), trail, 0, keep - 1);
            trail[keep - 1] = textPoints;
        }
        float[] vector = new float[0];
        int[] near = new int[0];
        float[] sim = new float[0];
        if (selected >= 0 && selected < vocab) {
            vector = Arrays.copyOfRange(table, selected * dim, (selected + 1) * dim);
            near = nearest(table, dim, selected, amongText ? textIds : IntStream.range(0, vocab).toArray(),
                    NEIGHBOURS);
            sim = new float[near.length];
            for (int i = 0; i < near.length; i++) {
                sim[i] = (float) cosine(table, dim, selected, near[i]);
            }
        }
        return new TrainSnapshot(steps, trainer.epoch(), trainer.losses(), trainer.epochStarts(), points, trail,
                textIds, trainer.moved(table), selected, vector, near, sim, trainer.positionTable(),
                trainer.settings().contextLength(), dim, axes);
    }

    /**
     * The {@code k} rows of {@code candidates} (ascending ids) most similar to row {@code q} by cosine, the row itself
     * left out; ties by id.
     */
    static int[] nearest(float[] table, int dim, int q, int[] candidates, int k) {
        int n = candidates.length;
        double[] sims = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> sims[i] = candidates[i] == q ? Double.NEGATIVE_INFINITY
                : cosine(table, dim, q, candidates[i]));
        int[] best = new int[Math.max(0, Math.min(k, n - (java.util.Arrays.binarySearch(candidates, q) >= 0 ? 1 : 0)))];
        int found = 0;
        for (int r = 0; r < n; r++) { // insertion into the k best, most similar first, the lower id first on ties
            if (best.length == 0 || candidates[r] == q || found == best.length && sims[r] <= sims[best[found - 1]]) {
                continue;
            }
            int at = Math.min(found, best.length - 1);
            while (at > 0 && sims[best[at - 1]] < sims[r]) {
                if (at < best.length) {
                    best[at] = best[at - 1];
                }
                at--;
            }
            best[at] = r;
            found = Math.min(found + 1, best.length);
        }
        int[] ids = new int[found];
        for (int i = 0; i < found; i++) {
            ids[i] = candidates[best[i]];
        }
        return ids;
    }

    private static double cosine(float[] t, int dim, int a, int b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int d = 0; d < dim; d++) {
            float x = t[a * dim + d];
            float y = t[b * dim + d];
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** The distinct ids of a text, sorted. */
    static int[] distinct(int[] ids) {
        return Arrays.stream(ids).distinct().sorted().toArray();
    }

    /** The start's axes: the vocabulary cloud of the start's token table. */
    static PcaAxes axesOf(Trainer trainer) {
        return VocabularyCloud.of(trainer.tables()).axes();
    }
}
