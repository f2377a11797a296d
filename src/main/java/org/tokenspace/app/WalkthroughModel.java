package org.tokenspace.app;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import org.tokenspace.i18n.I18n;
import org.tokenspace.io.SessionFile;
import org.tokenspace.io.TableFiles;
import org.tokenspace.io.TextFiles;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.Preset;
import org.tokenspace.model.Settings;
import org.tokenspace.model.Tables;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The walkthrough's view model: what the user chose (text, settings, tables), the last good computed state with its
 * selection, and what happened last. Every change recomputes once, off the FX thread, through the one pipeline; a
 * choice that cannot work leaves the last good state on screen and names the problem. Views bind to its read-only
 * properties and call its methods; nothing here touches a control, so a test drives it without a window.
 */
public final class WalkthroughModel {
    private final ReadOnlyObjectWrapper<String> text = new ReadOnlyObjectWrapper<>(this, "text", SampleText.TEXT);
    private final ReadOnlyObjectWrapper<Path> textFile = new ReadOnlyObjectWrapper<>(this, "textFile", null);
    private final ReadOnlyObjectWrapper<Settings> settings =
            new ReadOnlyObjectWrapper<>(this, "settings", Settings.DEFAULTS);
    private final ReadOnlyObjectWrapper<LoadedTables> loaded = new ReadOnlyObjectWrapper<>(this, "loaded", null);
    private final ReadOnlyObjectWrapper<Walkthrough> walkthrough = new ReadOnlyObjectWrapper<>(this, "walkthrough");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final javafx.beans.property.ObjectProperty<org.tokenspace.positions.PositionKind> positionKind =
            new javafx.beans.property.SimpleObjectProperty<>(this, "positionKind",
                    org.tokenspace.positions.PositionKind.LEARNED);

    private final TaskRunner compute = new TaskRunner("tokenspace-pipeline");
    private final WalkthroughBuilder builder = new WalkthroughBuilder();
    private final Stepper stepper = new Stepper(this);
    private final FilesModel files = new FilesModel(this);
    private final DisplayModel display = new DisplayModel();
    private final TrainModel train = new TrainModel(this);
    private final SchemesModel schemes = new SchemesModel(this);
    private final ExploreModel explore = new ExploreModel(this);
    private final CodeModel code = new CodeModel(this); // after the models whose stages it writes
    private final ObservableStringValue problem = Bindings.when(compute.problemProperty().isEmpty())
            .then(files.runner().problemProperty()).otherwise(compute.problemProperty());
    private final BooleanBinding busy = compute.busyProperty().or(files.runner().busyProperty());
    private final DoubleBinding progress = Bindings.createDoubleBinding(() -> files.runner().busyProperty().get()
                    ? files.runner().progressProperty().get() : compute.progressProperty().get(),
            files.runner().busyProperty(), files.runner().progressProperty(), compute.progressProperty());
    /** Chooses the selection in the next computed state (a preset's id, a reopened session's place), then clears. */
    private Function<PipelineResult, Selection> pendingSelection;

    public WalkthroughModel() {
        positionKind.addListener((o, a, b) -> recompute());
        // tables are freed by the collector as they are replaced; ND4J's own periodic System.gc() would pause the UI
        org.nd4j.linalg.factory.Nd4j.getMemoryManager().togglePeriodicGc(false);
    }

    /** Recomputes the state in the background; a computation still running is replaced. */
    public void recompute() {
        String t = text.get();
        Settings s = settings.get();
        Tables loadedTables = loaded.get() == null ? null : loaded.get().tables();
        org.tokenspace.positions.PositionKind kind = positionKind.get();
        Walkthrough before = walkthrough.get();
        Function<PipelineResult, Selection> choose = pendingSelection;
        compute.run(I18n.tr("task.compute"), p -> builder.build(t, s, inputTables(loadedTables, s, kind),
                before == null ? null : before.selection(), p), w -> {
                    pendingSelection = null;
                    compute.setProblem("");
                    walkthrough.set(choose == null ? w : w.select(choose.apply(w.result())));
                }, () -> pendingSelection = null);
    }

    /**
     * The tables the pipeline adds: the learned positional table as it is, or the token table with another scheme's
     * input table (sinusoidal; zeros for the schemes that act inside attention). Runs on the worker thread.
     */
    private Tables inputTables(Tables given, Settings s, org.tokenspace.positions.PositionKind kind) {
        if (kind == org.tokenspace.positions.PositionKind.LEARNED) {
            return given;
        }
        return org.tokenspace.positions.PositionConfig.inputTables(given != null ? given : builder.seededTables(s),
                kind);
    }

    /**
     * The learned tables the walkthrough starts from: the result's, or, when the Position stage adds another scheme
     * (the result then holds that scheme's positions), the loaded or seeded ones.
     */
    Tables learnedTables() {
        Walkthrough w = walkthrough.get();
        if (positionKind.get() == org.tokenspace.positions.PositionKind.LEARNED && w != null) {
            return w.result().tables();
        }
        LoadedTables l = loaded.get();
        return l != null ? l.tables() : builder.seededTables(settings.get());
    }

    /** What the Position stage adds to the token vectors: the learned table (GPT-2), or another scheme's. */
    public javafx.beans.property.ObjectProperty<org.tokenspace.positions.PositionKind> positionKindProperty() {
        return positionKind;
    }

    /** A text typed or pasted by the user (no file behind it). */
    public void setText(String t) {
        textFile.set(null);
        text.set(t);
        status.set(I18n.tr("status.typedText"));
        recompute();
    }

    public void setSettings(Settings s) {
        settings.set(s);
        recompute();
    }

    /** A preset's settings and text at once, then its token selected. */
    public void apply(Preset p) {
        settings.set(p.settings());
        textFile.set(null);
        text.set(p.text());
        loaded.set(null);
        pendingSelection = p.selectedId() < 0 ? Selection::first : r -> Selection.of(r, p.selectedId());
        status.set(I18n.tr("status.preset"));
        recompute();
    }

    /** Reads a UTF-8 text file in the background; a file that cannot be read leaves the current text. */
    public void openTextFile(Path file) {
        compute.setProblem("");
        compute.run(I18n.tr("task.readFile", file.getFileName()), p -> TextFiles.read(file, p), t -> {
            textFile.set(file.toAbsolutePath());
            text.set(t);
            status.set(I18n.tr("status.textFrom", file));
            recompute();
        }, null);
    }

    /**
     * Loads tables from a file in the background, then recomputes every stage on them: a {@code .safetensors}
     * token and positional tensor, or one table with a positional table seeded from the settings.
     */
    public void loadTables(Path file, String tokenTensor, String positionTensor) {
        compute.setProblem("");
        Settings s = settings.get();
        compute.run(I18n.tr("task.loadTables", file.getFileName()), p -> {
            Tables t = TableFiles.load(file, tokenTensor, positionTensor, s, p);
            String what = positionTensor != null ? I18n.tr("tables.pair", file.getFileName(), tokenTensor,
                    positionTensor) : I18n.tr("tables.single", file.getFileName(),
                    tokenTensor == null ? "" : " (" + tokenTensor + ")");
            return new LoadedTables(t, what, new SessionFile.TablesSource(file.toAbsolutePath().toString(),
                    tokenTensor, positionTensor));
        }, l -> useTables(l), null);
    }

    /** Tables from elsewhere (a file, training) for every stage. */
    public void useTables(LoadedTables l) {
        loaded.set(l);
        status.set(I18n.tr("status.tablesFrom", l.description()));
        recompute();
    }

    /** Back to the seeded tables of the current settings. */
    public void useSeededTables() {
        loaded.set(null);
        status.set(I18n.tr("status.seededTables"));
        recompute();
    }

    /** Selects the token at batch place {@code [row, position]}. */
    public void select(int row, int position) {
        Walkthrough w = walkthrough.get();
        if (w != null) {
            walkthrough.set(w.select(Selection.at(w.result(), row, position)));
        }
    }

    /** Selects token {@code id}, at its place in the batch if it is there. */
    public void selectId(int id) {
        Walkthrough w = walkthrough.get();
        if (w != null) {
            walkthrough.set(w.select(Selection.of(w.result(), id)));
        }
    }

    /** Everything the user set up, to save. */
    public SessionFile.Session session() {
        Path file = textFile.get();
        String t = text.get();
        Walkthrough w = walkthrough.get();
        Selection sel = w == null ? new Selection(-1, -1, -1) : w.selection();
        LoadedTables l = train.isInWalkthrough() ? train.startTables() : loaded.get(); // trained: replayed on reopening
        return new SessionFile.Session(t, file == null ? null : file.toString(),
                file == null ? null : SessionFile.sha256(t), settings.get(), l == null ? null : l.source(),
                stepper.stepProperty().get().cliName(), sel.id(), sel.row(), sel.position(), train.session());
    }

    /**
     * Reopens a session in the background: its tables (if any) are read, and a text file that changed since is
     * reported (the session's own copy of the text is used); then the text, settings, stage and selection are set
     * and computed once.
     */
    public void restore(SessionFile.Session s) {
        Step step = Step.find(s.step()).orElse(null);
        if (step == null) {
            compute.setProblem(I18n.tr("session.badStage", s.step()));
            return;
        }
        compute.setProblem("");
        compute.run(I18n.tr("task.restore"), p -> restored(s, p), r -> {
            textFile.set(s.textFile() == null ? null : Path.of(s.textFile()));
            text.set(s.text());
            settings.set(s.settings());
            loaded.set(r.tables());
            stepper.stepProperty().set(step);
            status.set(r.note().isEmpty() ? I18n.tr("status.sessionReopened")
                    : I18n.tr("status.sessionReopenedNote", r.note()));
            pendingSelection = res -> Selection.restored(res, s.selectedId(), s.selectedRow(),
                    s.selectedPosition());
            train.restore(s.training());
            recompute();
        }, null);
    }

    private record Restored(LoadedTables tables, String note) {
    }

    private static Restored restored(SessionFile.Session s, org.tokenspace.io.Progress p) {
        String note = "";
        if (s.textFile() != null) {
            Path f = Path.of(s.textFile());
            String now = java.nio.file.Files.isReadable(f) ? SessionFile.sha256(TextFiles.read(f, p)) : null;
            note = s.textSha256().equals(now) ? "" : I18n.tr(now == null ? "session.textGone"
                    : "session.textChanged", f);
        }
        LoadedTables tables = null;
        if (s.tables() != null) {
            Path file = Path.of(s.tables().file());
            Tables t = TableFiles.load(file, s.tables().tokenTensor(), s.tables().positionTensor(), s.settings(), p);
            tables = new LoadedTables(t, file.getFileName().toString(), s.tables());
        }
        return new Restored(tables, note);
    }

    /** Cancels what is running (a computation, a load, an export), keeping the last good state. */
    public void cancel() {
        compute.cancel();
        files.runner().cancel();
    }

    /** Shows a one-line problem the user can fix (a field that is not a number), keeping the last good state. */
    public void reportProblem(String message) {
        compute.setProblem(message);
    }

    void reportStatus(String message) {
        status.set(message);
    }

    /** Blocks until no computation, load or export runs (for tests and the snapshot command). */
    public void awaitIdle() throws InterruptedException {
        TaskRunner.awaitIdle(compute, files.runner());
        explore.awaitIdle();
        code.awaitIdle();
    }

    public ReadOnlyObjectProperty<String> textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The file the text came from, or null for a typed text, a preset or the sample. */
    public ReadOnlyObjectProperty<Path> textFileProperty() {
        return textFile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** The tables in use instead of the seeded ones, or null. */
    public ReadOnlyObjectProperty<LoadedTables> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The last good state with its selection; null until the first computation ends. */
    public ReadOnlyObjectProperty<Walkthrough> walkthroughProperty() {
        return walkthrough.getReadOnlyProperty();
    }

    /** The problem to show: a setting that cannot work, a file that cannot be read; "" when there is none. */
    public ObservableStringValue problemProperty() {
        return problem;
    }

    /** A one-line note on what happened last (tables loaded, a file written). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while a computation, a load or an export runs. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** The fraction done of what runs (an export first), or -1 while unknown. */
    public DoubleBinding progressProperty() {
        return progress;
    }

    /** Stage navigation: the current stage, the batch assembly, play. */
    public Stepper stepper() {
        return stepper;
    }

    /** Exports and sessions. */
    public FilesModel files() {
        return files;
    }

    /** Training the tables. */
    public TrainModel train() {
        return train;
    }

    /** Zoom, full screen, the settings panel. */
    public DisplayModel display() {
        return display;
    }

    /** The current stage's PyTorch code. */
    public CodeModel code() {
        return code;
    }

    /** The Positions stage's schemes. */
    public SchemesModel schemes() {
        return schemes;
    }

    /** The Explore stage: maps, neighbours, analogies. */
    public ExploreModel explore() {
        return explore;
    }
}
