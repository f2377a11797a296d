package org.tokenspace.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.tokenspace.code.CodeInput;
import org.tokenspace.code.StageCode;
import org.tokenspace.code.StageCodes;
import org.tokenspace.code.Transcript;
import org.tokenspace.i18n.I18n;
import org.tokenspace.io.SessionFile;
import org.tokenspace.model.TokenSpaceException;

import java.nio.file.Path;

/**
 * The PyTorch code behind the current stage: the script for the current settings, text, tables and selected token,
 * and what it prints (computed from TokenSpace's own tensors, equal to what PyTorch prints). Written only while the
 * code panel is shown, on a worker thread (the last script stays until the next is written); the train stage's when
 * a run stops (the training so far, step for step). Tables trained in the window get a note instead (save them, open
 * the file, and the scripts read it).
 */
public final class CodeModel {
    private final WalkthroughModel model;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", false);
    private final ReadOnlyStringWrapper script = new ReadOnlyStringWrapper(this, "script", "");
    private final ReadOnlyStringWrapper output = new ReadOnlyStringWrapper(this, "output", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    /** Writes off the FX thread: a projection's script computes a PCA of the whole table (about 150 ms). */
    private final TaskRunner writer = new TaskRunner("tokenspace-code");

    CodeModel(WalkthroughModel model) {
        this.model = model;
        model.walkthroughProperty().addListener((o, a, b) -> update());
        model.stepper().stepProperty().addListener((o, a, b) -> update());
        model.loadedProperty().addListener((o, a, b) -> update());
        shown.addListener((o, a, b) -> update());
        SchemesModel schemes = model.schemes();
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {schemes.leftProperty(),
                schemes.rightProperty(), schemes.contextLengthProperty(), schemes.headProperty(),
                schemes.pairingProperty(), schemes.measureProperty()}) {
            o.addListener(x -> {
                if (model.stepper().stepProperty().get() == Step.SCHEMES) {
                    update();
                }
            });
        }
        ExploreModel explore = model.explore();
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {explore.rowsProperty(),
                explore.metricProperty(), explore.kProperty(), explore.analogyRowsProperty()}) {
            o.addListener(x -> {
                if (model.stepper().stepProperty().get() == Step.EXPLORE) {
                    update();
                }
            });
        }
        // the train stage's script is the training so far: written again when a run stops, not at every step
        model.train().runningProperty().addListener((o, a, running) -> {
            if (!running && model.stepper().stepProperty().get() == Step.TRAIN) {
                update();
            }
        });
    }

    private void update() {
        Walkthrough w = model.walkthroughProperty().get();
        if (!shown.get() || w == null) {
            return;
        }
        Step step = model.stepper().stepProperty().get();
        StageCode code = StageCodes.find(step.cliName()); // every stage has its script
        LoadedTables loaded = model.loadedProperty().get();
        if (loaded != null && loaded.source() == null) {
            writer.cancel(); // a script still being written for the tables before is not shown
            set("", "", I18n.tr("code.trained"));
            return;
        }
        Selection s = w.selection();
        CodeInput.TablesFile tables = loaded == null ? null : tablesFile(loaded.source());
        try {
            CodeInput in = new CodeInput(w.result(), model.textProperty().get(), model.textFileProperty().get(),
                    tables, s.id(), s.row(), s.position()).withPositionKind(model.positionKindProperty().get());
            if (step == Step.SCHEMES) {
                SchemesModel sm = model.schemes();
                in = in.withSchemes(new CodeInput.Schemes(sm.leftProperty().get(), sm.rightProperty().get(),
                        sm.contextLengthProperty().get(), sm.headProperty().get(), sm.pairingProperty().get(),
                        model.positionKindProperty().get() == org.tokenspace.positions.PositionKind.LEARNED ? null
                                : model.learnedTables(), sm.measureProperty().get()));
            }
            if (step == Step.EXPLORE) {
                ExploreModel e = model.explore();
                in = in.withExplore(new CodeInput.Explore(e.rowsProperty().get() == ExploreModel.Rows.TEXT,
                        e.metricProperty().get(), e.kProperty().get(), e.analogyRowsProperty().get()));
            }
            if (step == Step.TRAIN) {
                if (model.train().runningProperty().get()) {
                    return; // written when the run stops
                }
                in = in.withTraining(model.train().trainingRun(s.id()));
            }
            CodeInput input = in;
            // a user's problem (TokenSpaceException) arrives as the runner's one-line problem, shown as the note
            writer.run(I18n.tr("code.task"), p -> code.write(input), this::show,
                    () -> set("", "", writer.problemProperty().get()));
        } catch (TokenSpaceException e) {
            writer.cancel();
            set("", "", e.getMessage());
        }
    }

    private void show(Transcript t) {
        set(t.hasScript() ? t.script() : "", t.output(), t.hasScript() ? "" : refusal(t.refusal()));
    }

    /** Blocks until the script being written, if any, is shown. For tests and the snapshot command. */
    void awaitIdle() throws InterruptedException {
        TaskRunner.awaitIdle(writer);
    }

    private static String refusal(Transcript.Refusal why) {
        return switch (why) {
            case TOO_LONG -> I18n.tr("code.tooLong");
            case TRAINED_FROM_LOADED -> I18n.tr("code.trainedFromLoaded");
        };
    }

    private static CodeInput.TablesFile tablesFile(SessionFile.TablesSource source) {
        return new CodeInput.TablesFile(Path.of(source.file()), source.tokenTensor(), source.positionTensor());
    }

    private void set(String s, String o, String n) {
        script.set(s);
        output.set(o);
        note.set(n);
    }

    /** Whether the panel is shown (the View menu, Ctrl+K); the script is written only then. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** The Python source, "" when there is none (then {@link #noteProperty()} says why). */
    public ReadOnlyStringProperty scriptProperty() {
        return script.getReadOnlyProperty();
    }

    /** What the script prints, as PyTorch prints it. */
    public ReadOnlyStringProperty outputProperty() {
        return output.getReadOnlyProperty();
    }

    /** Why there is no script, or "". */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
