package org.tokenspace.app;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tokenspace.io.Progress;
import org.tokenspace.io.SessionFile;
import org.tokenspace.io.TextFiles;
import org.tokenspace.io.TableFiles;
import org.tokenspace.model.Embedding;
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.Tables;
import org.tokenspace.model.TorchGenerator;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.Settings;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.projection.Pca;
import org.tokenspace.projection.PcaAxes;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The walkthrough's view model: the text and settings the user chose, the last good computed state, the selection
 * and the step. Every recompute runs the one pipeline off the FX thread; a setting that cannot work leaves the last
 * good state and sets {@link #errorProperty()} to a one-line message.
 */
public final class WalkthroughModel {
    private static final Logger LOG = LoggerFactory.getLogger(WalkthroughModel.class);

    private final ObjectProperty<String> text = new SimpleObjectProperty<>(this, "text", SampleText.TEXT);
    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>(this, "settings", Settings.DEFAULTS);
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(this, "step", Step.TOKENIZE);
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(this, "selection", Selection.NONE);
    private final ReadOnlyObjectWrapper<Walkthrough> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObjectProperty<LoadedTables> loaded = new SimpleObjectProperty<>(this, "loaded", null);
    private final ObjectProperty<Path> textFile = new SimpleObjectProperty<>(this, "textFile", null);
    private boolean restoring;
    private SessionFile.Session pendingView;

    private final Pipeline pipeline = new Pipeline();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tokenspace-pipeline");
        t.setDaemon(true);
        return t;
    });
    private Task<?> running;
    // the fitted axes belong to one token table: refit only when the table changes
    private INDArray axesTable;
    private PcaAxes axes;
    private float[] vocabulary;

    public WalkthroughModel() {
        // tables are freed by the collector as they are replaced; ND4J's own periodic System.gc() would pause the UI
        org.nd4j.linalg.factory.Nd4j.getMemoryManager().togglePeriodicGc(false);
        text.addListener((o, a, b) -> {
            if (!restoring) {
                recompute();
            }
        });
        settings.addListener((o, a, b) -> {
            if (!restoring) {
                recompute();
            }
        });
        loaded.addListener((o, a, b) -> {
            if (!restoring) {
                recompute();
            }
        });
    }

    /** Tables read from a file, used by every stage instead of the seeded ones. */
    public record LoadedTables(Tables tables, String description, SessionFile.TablesSource source) {
    }

    /** Recomputes in the background; a run still going is cancelled first. */
    public void recompute() {
        if (running != null) {
            running.cancel();
        }
        String t = text.get();
        Settings s = settings.get();
        LoadedTables given = loaded.get();
        Task<Walkthrough> task = new Task<>() {
            @Override
            protected Walkthrough call() {
                PipelineResult r = pipeline.run(t, s, given == null ? null : given.tables(),
                        f -> updateProgress(f, 1), this::isCancelled);
                return withAxes(r);
            }
        };
        start(task, w -> {
            error.set("");
            state.set(w);
            keepSelectionValid(w);
            applyPendingView(w);
        }, "could not compute this state");
    }

    /**
     * Runs {@code task} on the worker, showing its progress; when it ends (and no newer task replaced it) either
     * {@code done} gets its value on the FX thread, or its failure is reported as {@code what}.
     */
    private <T> void start(Task<T> task, java.util.function.Consumer<T> done, String what) {
        task.setOnSucceeded(e -> {
            if (running == task) {
                running = null;
                busy.set(false);
                done.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (running == task) {
                running = null;
                busy.set(false);
                restoring = false;
                pendingView = null;
                fail(task.getException(), what);
            }
        });
        running = task;
        busy.set(true);
        progress.unbind();
        progress.bind(task.progressProperty()); // -1 (indeterminate) until the task reports a fraction
        worker.submit(task);
    }

    /**
     * Loads tables from a file in the background, with progress, then recomputes every stage on them: a
     * {@code .safetensors} token and positional tensor, or one table ({@code .npy}, projector TSV, or one tensor) with
     * a seeded positional table of the same width.
     */
    public void loadTables(Path file, String tokenTensor, String positionTensor) {
        cancel();
        error.set("");
        long seed = settings.get().seed();
        int contextLength = settings.get().contextLength();
        Task<LoadedTables> task = new Task<>() {
            @Override
            protected LoadedTables call() {
                Progress p = new Progress(f -> updateProgress(f, 1), this::isCancelled);
                SessionFile.TablesSource source = new SessionFile.TablesSource(file.toAbsolutePath().toString(),
                        tokenTensor, positionTensor);
                if (positionTensor != null) {
                    return new LoadedTables(TableFiles.tables(file, tokenTensor, positionTensor, p),
                            file.getFileName() + " (" + tokenTensor + ", " + positionTensor + ")", source);
                }
                INDArray token = TableFiles.open(file, tokenTensor, null, p).vectors();
                INDArray position = Embedding.create(new TorchGenerator(seed), "positional table", contextLength,
                        token.columns(), NormalKernel.AVX2);
                return new LoadedTables(new Tables(token, position), file.getFileName()
                        + (tokenTensor == null ? "" : " (" + tokenTensor + ")") + " with a seeded positional table",
                        source);
            }
        };
        start(task, l -> {
            status.set("tables from " + l.description());
            loaded.set(l);
            if (restoring) {
                restoring = false;
                recompute();
            }
        }, "could not load " + file.getFileName());
    }

    /**
     * Reads a text file in the background, with progress; a file that is not UTF-8 text is refused with a message
     * and the current text stays.
     */
    public void openTextFile(Path file) {
        cancel();
        error.set("");
        Task<String> task = new Task<>() {
            @Override
            protected String call() {
                return TextFiles.read(file, new Progress(f -> updateProgress(f, 1), this::isCancelled));
            }
        };
        start(task, t -> {
            textFile.set(file.toAbsolutePath());
            text.set(t);
            status.set("text from " + file);
        }, "could not read " + file.getFileName());
    }

    /** The text typed or pasted by the user (no file behind it). */
    public void setTypedText(String t) {
        textFile.set(null);
        text.set(t);
    }

    /** Everything the user set up, to save. */
    public SessionFile.Session session() {
        Path file = textFile.get();
        String t = text.get();
        Selection sel = selection.get();
        LoadedTables l = loaded.get();
        return new SessionFile.Session(t, file == null ? null : file.toString(),
                file == null ? null : SessionFile.sha256(t), settings.get(), l == null ? null : l.source(),
                step.get().cliName(), sel.id(), sel.row(), sel.position());
    }

    /**
     * Reopens a session: the text, the settings and the tables, then (once they are computed) the stage and the
     * selection. A text file that changed since is reported, and the session's own copy of the text is used.
     */
    public void restore(SessionFile.Session s) {
        Step target = Step.find(s.step()).orElseThrow(() -> new TokenSpaceException("the session's stage '" + s.step() + "' is not a stage"));
        cancel();
        error.set("");
        restoring = true;
        pendingView = s;
        String note = "";
        if (s.textFile() != null) {
            Path f = Path.of(s.textFile());
            String now = java.nio.file.Files.isReadable(f) ? SessionFile.sha256(TextFiles.read(f)) : null;
            note = s.textSha256().equals(now) ? "" : "; " + f + (now == null ? " is gone" : " has changed")
                    + " since it was saved, so the session's copy of the text is used";
        }
        textFile.set(s.textFile() == null ? null : Path.of(s.textFile()));
        text.set(s.text());
        settings.set(s.settings());
        step.set(target);
        status.set("session reopened" + note);
        if (s.tables() != null) {
            loadTables(Path.of(s.tables().file()), s.tables().tokenTensor(), s.tables().positionTensor());
        } else {
            loaded.set(null);
            restoring = false;
            recompute();
        }
    }

    private void applyPendingView(Walkthrough w) {
        SessionFile.Session s = pendingView;
        pendingView = null;
        if (s == null) {
            return;
        }
        int[][] inputs = w.result().batch().inputs();
        if (s.selectedRow() >= 0 && s.selectedRow() < inputs.length && s.selectedPosition() >= 0
                && s.selectedPosition() < inputs[0].length) {
            selectInBatch(s.selectedRow(), s.selectedPosition());
        } else if (s.selectedId() >= 0 && s.selectedId() < w.result().tables().vocabSize()) {
            selectId(s.selectedId());
        }
    }

    /** Back to the seeded tables. */
    public void useSeededTables() {
        loaded.set(null);
        status.set("seeded tables");
    }

    private void fail(Throwable ex, String what) {
        if (ex instanceof TokenSpaceException) {
            error.set(ex.getMessage());
        } else {
            LOG.error(what, ex);
            error.set(what + " (" + ex.getClass().getSimpleName() + "); the last good state is kept, details are in "
                    + "the log " + (org.tokenspace.Logs.file() == null ? "" : org.tokenspace.Logs.file()));
        }
    }

    /** Cancels the computation that is running, keeping the last good state. */
    public void cancel() {
        if (running != null) {
            running.cancel();
            running = null;
            busy.set(false);
            error.set("cancelled: the last good state is shown");
        }
    }

    private Walkthrough withAxes(PipelineResult r) {
        INDArray table = r.tables().tokenTable();
        if (table != axesTable) {
            PcaAxes fitted = Pca.fit(table, 3);
            vocabulary = fitted.transform(table); // [V, 3]
            axes = fitted;
            axesTable = table;
        }
        long rows = r.tokenEmbeddings().size(0) * r.tokenEmbeddings().size(1);
        long dim = r.tokenEmbeddings().size(2);
        return new Walkthrough(r, axes, vocabulary,
                axes.transform(r.tokenEmbeddings().reshape('c', rows, dim)), // [B*T, D] -> [B*T, 3]
                axes.transform(r.inputEmbeddings().reshape('c', rows, dim)));
    }

    private void keepSelectionValid(Walkthrough w) {
        Selection s = selection.get();
        int[][] inputs = w.result().batch().inputs();
        if (s.inBatch() && s.row() < inputs.length && s.position() < inputs[s.row()].length) {
            selection.set(new Selection(inputs[s.row()][s.position()], s.row(), s.position()));
        } else if (s.id() < 0 || s.id() >= w.result().tables().vocabSize() || s.inBatch()) {
            selection.set(new Selection(inputs[0][0], 0, 0));
        }
    }

    /** Shows a one-line problem the user can fix (a field that is not a number), keeping the last good state. */
    public void reportError(String message) {
        error.set(message);
    }

    /** Selects the token at {@code [row, position]} of the current batch. */
    public void selectInBatch(int row, int position) {
        Walkthrough w = state.get();
        if (w != null) {
            selection.set(new Selection(w.result().batch().inputs()[row][position], row, position));
        }
    }

    /** Selects a token id; it keeps its place in the batch if it is there. */
    public void selectId(int id) {
        Walkthrough w = state.get();
        if (w == null || id < 0 || id >= w.result().tables().vocabSize()) {
            return;
        }
        int[][] inputs = w.result().batch().inputs();
        for (int b = 0; b < inputs.length; b++) {
            for (int t = 0; t < inputs[b].length; t++) {
                if (inputs[b][t] == id) {
                    selection.set(new Selection(id, b, t));
                    return;
                }
            }
        }
        selection.set(new Selection(id, -1, -1));
    }

    /** Blocks until the current computation is done (for tests and the snapshot command). */
    public void awaitIdle() throws InterruptedException {
        while (true) {
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            boolean[] idle = new boolean[1];
            Platform.runLater(() -> {
                idle[0] = !busy.get();
                done.countDown();
            });
            done.await();
            if (idle[0]) {
                return;
            }
            Thread.sleep(20);
        }
    }

    public ObjectProperty<String> textProperty() {
        return text;
    }

    public ObjectProperty<Settings> settingsProperty() {
        return settings;
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    public ReadOnlyObjectProperty<Walkthrough> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObjectProperty<LoadedTables> loadedProperty() {
        return loaded;
    }

    /** The fraction of a load done, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** A one-line note on what happened last (tables loaded, a file written). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void reportStatus(String message) {
        status.set(message);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
