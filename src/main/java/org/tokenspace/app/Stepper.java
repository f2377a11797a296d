package org.tokenspace.app;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;

/**
 * Moving through the stages: the current stage, the batch stage's assembly (one window at a time when reached with
 * Next), and Play. Next and Back stop at the ends; Play stops at the last stage unless {@link #loopProperty() loop}
 * is on, and then starts over.
 */
public final class Stepper {
    /** All windows of the batch are shown. */
    public static final int ALL_ROWS = Integer.MAX_VALUE;

    private final WalkthroughModel model;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(this, "step", Step.TOKENIZE);
    private final ReadOnlyIntegerWrapper rowsShown = new ReadOnlyIntegerWrapper(this, "rowsShown", ALL_ROWS);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    /** Seconds between two steps while playing. */
    private final DoubleProperty interval = new SimpleDoubleProperty(this, "interval", 2.0);
    private final BooleanProperty loop = new SimpleBooleanProperty(this, "loop", false);
    private final Timeline player = new Timeline();

    Stepper(WalkthroughModel model) {
        this.model = model;
        player.setCycleCount(Animation.INDEFINITE);
        interval.addListener((o, a, b) -> {
            if (playing.get()) {
                restartPlayer();
            }
        });
    }

    /** Shows stage {@code s} whole (a click on its button). */
    public void show(Step s) {
        rowsShown.set(ALL_ROWS);
        step.set(s);
    }

    /** Next: within the batch stage, first stacks the windows one by one; at the last stage, stays. */
    public void next() {
        Step s = step.get();
        Walkthrough w = model.walkthroughProperty().get();
        if (s == Step.BATCH && w != null && rowsShown.get() < w.result().batch().batchSize()) {
            rowsShown.set(rowsShown.get() + 1);
            return;
        }
        if (s == Step.last()) {
            return;
        }
        rowsShown.set(s.next() == Step.BATCH && w != null ? 1 : ALL_ROWS); // the batch starts with its first window
        step.set(s.next());
    }

    /** Back: within a batch being assembled, takes the last window off; at the first stage, stays. */
    public void previous() {
        Step s = step.get();
        if (s == Step.BATCH && rowsShown.get() > 1 && rowsShown.get() != ALL_ROWS) {
            rowsShown.set(rowsShown.get() - 1);
            return;
        }
        rowsShown.set(ALL_ROWS);
        step.set(s.previous());
    }

    /** True at the very end: the last stage, fully shown. */
    public boolean atEnd() {
        return step.get() == Step.last();
    }

    /** Plays from here, one step every {@link #intervalProperty() interval} seconds, or pauses. */
    public void togglePlay() {
        if (playing.get()) {
            pause();
            return;
        }
        if (atEnd()) {
            show(Step.first());
        }
        playing.set(true);
        restartPlayer();
    }

    public void pause() {
        player.stop();
        playing.set(false);
    }

    private void restartPlayer() {
        player.stop();
        player.getKeyFrames().setAll(new KeyFrame(Duration.seconds(Math.max(0.2, interval.get())), e -> tick()));
        player.play();
    }

    private void tick() {
        if (!atEnd()) {
            next();
        } else if (loop.get()) {
            show(Step.first());
        } else {
            pause();
        }
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    /** How many windows of the batch are stacked so far ({@link #ALL_ROWS} when the stage is shown whole). */
    public ReadOnlyIntegerProperty rowsShownProperty() {
        return rowsShown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public DoubleProperty intervalProperty() {
        return interval;
    }

    public BooleanProperty loopProperty() {
        return loop;
    }
}
