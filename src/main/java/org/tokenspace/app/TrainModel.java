package org.tokenspace.app;

import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tokenspace.i18n.I18n;
import org.tokenspace.io.Npy;
import org.tokenspace.io.SessionFile;
import org.tokenspace.io.Safetensors;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.Settings;
import org.tokenspace.projection.PcaAxes;
import org.tokenspace.train.Optimizer;
import org.tokenspace.train.Trainer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Train stage's view model: trains the walkthrough's tables on its text (the same seeded start, bit for bit),
 * on a worker thread of its own, while a second thread takes snapshots for drawing a few times a second; the FX
 * thread only draws them, so the window stays responsive at any step rate. Changing the walkthrough's text or
 * settings makes the next run start again from the seeded start.
 */
public final class TrainModel {
    /** Snapshots for drawing, at most this often while training runs. */
    static final long SNAPSHOT_MILLIS = 250;

    /** A preset that learns visibly within a minute on the sample text; see {@link #applyVisiblePreset()}. */
    static final Optimizer VISIBLE = new Optimizer(Optimizer.Kind.ADAMW, 1e-2, 0.1);
    static final int VISIBLE_DIM = 32;

    private final WalkthroughModel walkthrough;
    private final TaskRunner runner = new TaskRunner("tokenspace-train");
    private final ScheduledExecutorService drawer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tokenspace-train-snapshots");
        t.setDaemon(true);
        return t;
    });
    private final ObjectProperty<Optimizer.Kind> kind = new SimpleObjectProperty<>(this, "kind", Optimizer.Kind.ADAMW);
    private final DoubleProperty lr = new SimpleDoubleProperty(this, "lr", Optimizer.COURSE.lr());
    private final DoubleProperty weightDecay = new SimpleDoubleProperty(this, "weightDecay",
            Optimizer.COURSE.weightDecay());
    /** The most steps a second (0: as fast as it goes). */
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 0);
    /** Neighbours among the text's tokens (the rows that learn), or among the whole table. */
    private final javafx.beans.property.BooleanProperty neighboursInText =
            new javafx.beans.property.SimpleBooleanProperty(this, "neighboursInText", true);
    private final IntegerProperty stepsPerRun = new SimpleIntegerProperty(this, "stepsPerRun", 100);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyObjectWrapper<TrainSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final AtomicBoolean changed = new AtomicBoolean();

    // touched on the training worker and, under the trainer's own lock, on the snapshot thread
    private volatile Trainer trainer;
    private volatile Inputs trainedOn;
    private volatile PcaAxes axes;
    private volatile int[] textIds = new int[0];
    private volatile int selected = -1;
    private float[] table;
    /** The steps done, as runs of one learning rate and weight decay: enough to replay them exactly. */
    private final List<SessionFile.Training.Segment> segments = new java.util.ArrayList<>();
    /** The trained tables this model put into the walkthrough, if it did. */
    private LoadedTables installed;

    /** What a trainer was made from: when the walkthrough's differ, the next run starts again. */
    private record Inputs(String text, Settings settings, LoadedTables tables, Optimizer.Kind kind) {
    }

    TrainModel(WalkthroughModel walkthrough) {
        this.walkthrough = walkthrough;
        neighboursInText.addListener((o, a, b) -> changed.set(true));
        drawer.scheduleWithFixedDelay(this::snapshotIfChanged, SNAPSHOT_MILLIS, SNAPSHOT_MILLIS,
                TimeUnit.MILLISECONDS);
        walkthrough.walkthroughProperty().addListener((o, a, w) -> {
            int id = w == null ? -1 : w.selection().id();
            if (id != selected) {
                selected = id;
                changed.set(true);
            }
        });
    }

    private Inputs inputs() {
        return new Inputs(walkthrough.textProperty().get(), walkthrough.settingsProperty().get(),
                walkthrough.loadedProperty().get(), kind.get());
    }

    private Optimizer optimizer() {
        return new Optimizer(kind.get(), lr.get(), weightDecay.get()); // checks the values
    }

    /** The trainer for the walkthrough's current inputs, made (on the worker) when there is none or they changed. */
    private Trainer trainerFor(Inputs in, Optimizer o) {
        Trainer t = trainer;
        if (t != null && in.equals(trainedOn)) {
            t.setOptimizer(o);
            return t;
        }
        if (t != null) {
            t.close();
        }
        int[] ids = new Pipeline().ids(in.text(), f -> { }, () -> false);
        Trainer made = new Trainer(ids, in.settings(), o, in.tables() == null ? null : in.tables().tables());
        axes = TrainSnapshot.axesOf(made);
        textIds = TrainSnapshot.distinct(ids);
        table = new float[made.settings().vocabSize() * made.settings().embeddingDim()];
        trainer = made;
        trainedOn = in;
        synchronized (segments) {
            segments.clear();
        }
        changed.set(true);
        return made;
    }

    /** Trains until paused (or diverged), as fast as {@link #speedProperty() speed} allows. */
    public void play() {
        run(Integer.MAX_VALUE);
    }

    /** Trains {@code count} steps. */
    public void steps(int count) {
        run(count);
    }

    private void run(int count) {
        Optimizer o;
        try {
            o = optimizer();
        } catch (org.tokenspace.model.TokenSpaceException e) {
            runner.setProblem(e.getMessage());
            return;
        }
        Inputs in = inputs();
        double rate = speed.get();
        runner.setProblem("");
        running.set(true);
        runner.run(I18n.tr("task.train"), p -> {
            Trainer t = trainerFor(in, o);
            long started = System.nanoTime();
            for (int i = 0; i < count && !p.cancelled().getAsBoolean(); i++) {
                t.step();
                record(o);
                changed.set(true);
                if (rate > 0) { // at most `rate` steps a second
                    long due = started + (long) ((i + 1) * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            }
            return t;
        }, t -> finished(), this::finished);
    }

    /** One more step done with {@code o}. */
    private void record(Optimizer o) {
        synchronized (segments) {
            int last = segments.size() - 1;
            SessionFile.Training.Segment s = last < 0 ? null : segments.get(last);
            if (s != null && s.lr() == o.lr() && s.weightDecay() == o.weightDecay()) {
                segments.set(last, new SessionFile.Training.Segment(s.steps() + 1, s.lr(), s.weightDecay()));
            } else {
                segments.add(new SessionFile.Training.Segment(1, o.lr(), o.weightDecay()));
            }
        }
    }

    /**
     * What was trained, for the train stage's script, with token {@code id}'s row after it: null when nothing was, or
     * the trainer is not for the walkthrough's current text, settings and tables (the next run starts again), or a
     * run is under way.
     */
    org.tokenspace.code.TrainingRun trainingRun(int id) {
        Trainer t = trainer;
        if (t == null || running.get() || !inputs().equals(trainedOn)) {
            return null;
        }
        synchronized (segments) {
            List<org.tokenspace.code.TrainingRun.Segment> runs = segments.stream()
                    .map(g -> new org.tokenspace.code.TrainingRun.Segment(g.steps(), g.lr(), g.weightDecay()))
                    .toList();
            float[] losses = t.losses();
            if (runs.stream().mapToLong(org.tokenspace.code.TrainingRun.Segment::steps).sum() != losses.length) {
                return null; // a step between the two reads
            }
            return new org.tokenspace.code.TrainingRun(kind.get(), runs, losses, t.tokenRow(id));
        }
    }

    /** What a session keeps of the training: null when nothing was trained. */
    SessionFile.Training session() {
        synchronized (segments) {
            if (trainer == null || segments.isEmpty()) {
                return null;
            }
            return new SessionFile.Training(kind.get().id(), List.copyOf(segments), isInWalkthrough());
        }
    }

    /** The tables training started from when the trained ones are in the walkthrough (for sessions), else null. */
    LoadedTables startTables() {
        Inputs in = trainedOn;
        return isInWalkthrough() && in != null ? in.tables() : null;
    }

    boolean isInWalkthrough() {
        return installed != null && walkthrough.loadedProperty().get() == installed;
    }

    /**
     * Replays a session's training on the walkthrough's current text and tables (it is deterministic: the same
     * steps give the same bits), then, if it was so, puts the trained tables into the walkthrough.
     */
    void restore(SessionFile.Training t) {
        pause();
        if (t == null) {
            return;
        }
        Optimizer.Kind k = Optimizer.Kind.parse(t.optimizer());
        kind.set(k);
        Inputs in = inputs();
        running.set(true);
        runner.run(I18n.tr("task.train"), p -> {
            Trainer old = trainer;
            trainer = null;
            trainedOn = null;
            if (old != null) {
                old.close();
            }
            long total = t.steps();
            long done = 0;
            Trainer made = null;
            for (SessionFile.Training.Segment seg : t.segments()) {
                Optimizer o = new Optimizer(k, seg.lr(), seg.weightDecay());
                made = trainerFor(in, o);
                for (long i = 0; i < seg.steps(); i++) {
                    made.step();
                    record(o);
                    p.step(++done, total);
                }
                Platform.runLater(() -> {
                    lr.set(seg.lr());
                    weightDecay.set(seg.weightDecay());
                });
            }
            return made;
        }, made -> {
            finished();
            if (t.inWalkthrough()) {
                useInWalkthrough();
            }
        }, this::finished);
    }

    private void finished() {
        running.set(false);
        changed.set(true);
    }

    /** Stops a run after its current step; the state stays. */
    public void pause() {
        runner.cancel();
        runner.setProblem("");
        running.set(false);
    }

    /** Back to the seeded start (the walkthrough's tables, bit for bit): the next run starts there. */
    public void reset() {
        pause();
        runner.run(I18n.tr("task.train"), p -> {
            Trainer old = trainer;
            trainer = null;
            trainedOn = null;
            if (old != null) {
                old.close();
            }
            return trainerFor(inputs(), optimizer());
        }, t -> changed.set(true), null);
    }

    /**
     * The preset that learns visibly: AdamW with lr 1e-2 (25 times the course's) on 32-dimensional vectors, windows
     * every token (stride 1: four times the windows of a short text), shuffled. The course's N(0, 1) start moves
     * 256-dimensional rows too slowly at lr 4e-4 to see structure within minutes; with these, a minute on the
     * sample text is enough for neighbours such as "she" and "he", or "." and ".\"" to form.
     */
    public void applyVisiblePreset() {
        pause();
        kind.set(VISIBLE.kind());
        lr.set(VISIBLE.lr());
        weightDecay.set(VISIBLE.weightDecay());
        walkthrough.setSettings(walkthrough.settingsProperty().get().toBuilder().embeddingDim(VISIBLE_DIM)
                .stride(1).shuffle(true).build());
    }

    /** Every stage of the walkthrough shows the trained tables from now on. */
    public void useInWalkthrough() {
        Trainer t = trainer;
        if (t != null) {
            installed = new LoadedTables(t.tables(), I18n.tr("train.tablesName", t.stepCount()), null);
            walkthrough.useTables(installed);
        }
    }

    /**
     * Writes the trained tensors into {@code dir}: {@code .npy} each (as {@code tokenspace train} does), or one
     * {@code trained.safetensors} whose {@code wte.weight} and {@code wpe.weight} File > Open tables reads at once.
     */
    public void save(Path dir, boolean safetensors) {
        Trainer t = trainer;
        if (t == null) {
            return;
        }
        walkthrough.files().write(I18n.tr("task.saveTrained"), p -> {
            Map<String, org.nd4j.linalg.api.ndarray.INDArray> tensors = t.tensors();
            if (safetensors) {
                Safetensors.write(dir.resolve("trained.safetensors"), List.of(
                        Safetensors.Tensor.of("wte.weight", tensors.get("token_table")),
                        Safetensors.Tensor.of("wpe.weight", tensors.get("position_table"))));
                return 1;
            }
            for (Map.Entry<String, org.nd4j.linalg.api.ndarray.INDArray> e : tensors.entrySet()) {
                Npy.write(dir.resolve(e.getKey() + ".npy"), e.getValue());
            }
            return tensors.size();
        }, n -> walkthrough.reportStatus(I18n.tr("status.wrote", n, dir)));
    }

    /** Takes a snapshot when something changed (a step, the selection), and hands it to the FX thread. */
    private void snapshotIfChanged() {
        Trainer t = trainer;
        if (t == null || !changed.getAndSet(false)) {
            return;
        }
        try {
            TrainSnapshot s = TrainSnapshot.of(t, table, axes, textIds, selected, neighboursInText.get(),
                    snapshot.get());
            Platform.runLater(() -> snapshot.set(s));
        } catch (RuntimeException e) {
            changed.set(true); // the trainer was replaced while copying: try again
        }
    }

    /** Refits the PCA axes to the table as it is now; the points jump once, then move in the new axes. */
    public void refitAxes() {
        Trainer t = trainer;
        if (t != null) {
            axes = TrainSnapshot.axesOf(t);
            changed.set(true);
        }
    }

    /** Waits until training and the next snapshot are done (for tests and figures). */
    public void awaitIdle() throws InterruptedException {
        TaskRunner.awaitIdle(runner);
        Thread.sleep(2 * SNAPSHOT_MILLIS);
    }

    /**
     * Takes a snapshot now if anything changed (a new selection), on the snapshot thread, and returns when it is
     * handed to the FX thread (for figures, which draw right after selecting).
     */
    void awaitSnapshot() throws InterruptedException {
        try {
            drawer.submit(this::snapshotIfChanged).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public ObjectProperty<Optimizer.Kind> kindProperty() {
        return kind;
    }

    public DoubleProperty lrProperty() {
        return lr;
    }

    public DoubleProperty weightDecayProperty() {
        return weightDecay;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public javafx.beans.property.BooleanProperty neighboursInTextProperty() {
        return neighboursInText;
    }

    public IntegerProperty stepsPerRunProperty() {
        return stepsPerRun;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The latest snapshot to draw; null before the first. */
    public ReadOnlyObjectProperty<TrainSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public javafx.beans.value.ObservableStringValue problemProperty() {
        return runner.problemProperty();
    }

    /** The trainer, if one was made (for tests). */
    Trainer trainer() {
        return trainer;
    }
}
