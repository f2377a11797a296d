package org.tokenspace.code;

import org.tokenspace.model.Settings;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.train.Optimizer;
import org.tokenspace.train.Trainer;

import java.util.List;

/**
 * What was trained from the seeded tables, for the train stage's script: the optimizer, the steps as runs of one
 * learning rate and weight decay, every step's loss, and the selected token's row after the last step.
 *
 * @param kind     AdamW or SGD
 * @param segments the steps, in order
 * @param losses   one loss per step
 * @param row      the selected token's row {@code [D]} after the last step
 */
public record TrainingRun(Optimizer.Kind kind, List<Segment> segments, float[] losses, float[] row) {

    /** Steps with one learning rate and weight decay. */
    public record Segment(long steps, double lr, double weightDecay) {
    }

    public TrainingRun {
        segments = List.copyOf(segments);
        long steps = segments.stream().mapToLong(Segment::steps).sum();
        if (steps != losses.length) {
            throw new IllegalArgumentException(steps + " steps with " + losses.length + " losses");
        }
    }

    /** Steps in all. */
    public int steps() {
        return losses.length;
    }

    /** Trains {@code steps} steps with {@code optimizer} from the seeded tables of {@code settings}. */
    public static TrainingRun train(int[] ids, Settings settings, Optimizer optimizer, int steps, int id) {
        if (steps < 0) {
            throw new TokenSpaceException("--steps " + steps + " is negative: give 0 or more");
        }
        try (Trainer t = new Trainer(ids, settings, optimizer, null)) {
            t.steps(steps, () -> false);
            return new TrainingRun(optimizer.kind(),
                    steps == 0 ? List.of() : List.of(new Segment(steps, optimizer.lr(), optimizer.weightDecay())),
                    t.losses(), t.tokenRow(id));
        }
    }
}
