package org.tokenspace.app.steps;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.app.Selection;
import org.tokenspace.app.Step;
import org.tokenspace.app.TrainModel;
import org.tokenspace.app.TrainSnapshot;
import org.tokenspace.app.Walkthrough;
import org.tokenspace.app.WalkthroughModel;
import org.tokenspace.app.widgets.BarPlot;
import org.tokenspace.app.widgets.Icons;
import org.tokenspace.app.widgets.LossPlot;
import org.tokenspace.app.widgets.MovedPlot;
import org.tokenspace.app.widgets.Reflow;
import org.tokenspace.app.widgets.TableHeatmap;
import org.tokenspace.app.widgets.TokenColors;
import org.tokenspace.i18n.I18n;
import org.tokenspace.model.Tables;
import org.tokenspace.train.Optimizer;
import org.tokenspace.view.Segment;
import org.tokenspace.view.Vec3;

import java.io.File;
import java.util.Locale;

/**
 * Stage 6: the tables learn. Play, one step, N steps, the optimizer and its settings, reset; the loss falling, the
 * vocabulary's points moving in the start's PCA axes (the text's tokens bright, with short trails), the selected
 * token's vector and its nearest neighbours, how far the rows moved, the positional table. It draws the
 * {@link TrainModel}'s snapshots, which arrive a few times a second whatever the step rate.
 */
public final class TrainView extends StepView {
    private static final Color TRAIL = Color.rgb(255, 200, 90, 0.55);

    private final TrainModel train;
    private final LossPlot loss = new LossPlot();
    private final MovedPlot moved = new MovedPlot();
    private final TableHeatmap positions = new TableHeatmap();
    private final BarPlot vector = new BarPlot();
    private final VBox neighbours = new VBox(3);
    private final Label neighboursTitle = new Label();
    private final Label problem = new Label();
    private final CloudPanel cloud;
    private TrainSnapshot shownCloud;

    public TrainView(WalkthroughModel model) {
        super(model, Step.TRAIN);
        train = model.train();
        cloud = new CloudPanel(model, "train-cloud");
        loss.setId("train-loss");
        moved.setId("train-moved");
        positions.setId("train-positions");
        vector.setId("train-vector");
        neighbours.setId("train-neighbours");
        problem.setId("train-error");
        problem.getStyleClass().add("inline-error");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(train.problemProperty());
        neighboursTitle.getStyleClass().add("panel-title");
        neighboursTitle.setWrapText(true);
        cloud.view.setMinSize(320, 300);
        cloud.view.setPrefSize(560, 480);
        VBox.setVgrow(cloud.view, Priority.ALWAYS);
        vector.setPrefSize(420, 150);
        VBox left = new VBox(8, loss, moved, positions);
        left.setMinWidth(300);
        left.setPrefWidth(480);
        javafx.scene.control.CheckBox amongText = new javafx.scene.control.CheckBox(I18n.tr("train.neighboursInText"));
        amongText.setId("train-neighbours-text");
        amongText.selectedProperty().bindBidirectional(train.neighboursInTextProperty());
        VBox right = new VBox(8, cloud.view, vector, new FlowPane(12, 4, neighboursTitle, amongText), neighbours);
        right.setMinWidth(320);
        HBox.setHgrow(right, Priority.ALWAYS);
        content(controls(), problem, new Reflow(920, 14, left, right));
        train.snapshotProperty().addListener((o, a, b) -> refresh());
    }

    private FlowPane controls() {
        Button play = new Button();
        play.setId("train-play");
        play.textProperty().bind(Bindings.when(train.runningProperty()).then(I18n.tr("train.pause"))
                .otherwise(I18n.tr("train.play")));
        play.graphicProperty().bind(Bindings.when(train.runningProperty()).then((Node) Icons.pause())
                .otherwise((Node) Icons.play()));
        play.setOnAction(e -> {
            if (train.runningProperty().get()) {
                train.pause();
            } else {
                train.play();
            }
        });
        Button one = new Button(I18n.tr("train.step"));
        one.setId("train-step");
        one.setOnAction(e -> train.steps(1));
        Spinner<Integer> count = new Spinner<>(1, 100_000, train.stepsPerRunProperty().get(), 50);
        count.setEditable(true);
        count.setId("train-count");
        count.setStyle("-fx-pref-width: 7em;");
        count.valueProperty().addListener((o, a, b) -> train.stepsPerRunProperty().set(b));
        Button run = new Button(I18n.tr("train.runN"));
        run.setId("train-run");
        run.setOnAction(e -> train.steps(count.getValue()));
        ChoiceBox<Optimizer.Kind> kind = new ChoiceBox<>(FXCollections.observableArrayList(Optimizer.Kind.values()));
        kind.setId("train-optimizer");
        kind.valueProperty().bindBidirectional(train.kindProperty());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(Optimizer.Kind k) {
                return k == null ? "" : k == Optimizer.Kind.ADAMW ? "AdamW" : "SGD";
            }

            @Override
            public Optimizer.Kind fromString(String s) {
                return Optimizer.Kind.parse(s);
            }
        });
        TextField lr = number("train-lr", train.lrProperty());
        TextField wd = number("train-wd", train.weightDecayProperty());
        ChoiceBox<Double> speed = new ChoiceBox<>(FXCollections.observableArrayList(0.0, 50.0, 10.0, 2.0));
        speed.setId("train-speed");
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : v == 0 ? I18n.tr("train.speedFull") : I18n.tr("train.speedPerSecond",
                        v.intValue());
            }

            @Override
            public Double fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        speed.setValue(train.speedProperty().get());
        train.speedProperty().bind(speed.valueProperty());
        Button reset = new Button(I18n.tr("train.reset"));
        reset.setId("train-reset");
        reset.setTooltip(new Tooltip(I18n.tr("train.resetTip")));
        reset.setOnAction(e -> train.reset());
        Button preset = new Button(I18n.tr("train.visiblePreset"));
        preset.setId("train-preset");
        preset.setTooltip(new Tooltip(I18n.tr("train.visiblePresetTip")));
        preset.setOnAction(e -> train.applyVisiblePreset());
        Button refit = new Button(I18n.tr("train.refit"));
        refit.setId("train-refit");
        refit.setTooltip(new Tooltip(I18n.tr("train.refitTip")));
        refit.setOnAction(e -> train.refitAxes());
        Button use = new Button(I18n.tr("train.useInWalkthrough"));
        use.setId("train-use");
        use.setTooltip(new Tooltip(I18n.tr("train.useInWalkthroughTip")));
        use.setOnAction(e -> train.useInWalkthrough());
        Button saveNpy = new Button(I18n.tr("train.saveNpy"));
        saveNpy.setOnAction(e -> save(false));
        Button saveSafetensors = new Button(I18n.tr("train.saveSafetensors"));
        saveSafetensors.setOnAction(e -> save(true));
        FlowPane bar = new FlowPane(8, 6, play, one, count, run, label("train.optimizer"), kind, label("train.lr"),
                lr, label("train.wd"), wd, label("train.speed"), speed, reset, preset, refit, use, saveNpy,
                saveSafetensors);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Label label(String key) {
        return new Label(I18n.tr(key));
    }

    /** A field for a number that applies on Enter or when it loses focus; what is not a number stays out. */
    private TextField number(String id, javafx.beans.property.DoubleProperty target) {
        TextField f = new TextField(format(target.get()));
        f.setId(id);
        f.setPrefColumnCount(6);
        Runnable apply = () -> {
            try {
                target.set(Double.parseDouble(f.getText().trim()));
            } catch (NumberFormatException ex) {
                f.setText(format(target.get()));
            }
        };
        f.setOnAction(e -> apply.run());
        f.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                apply.run();
            }
        });
        target.addListener((o, a, b) -> f.setText(format(b.doubleValue())));
        return f;
    }

    private static String format(double v) {
        return v == 0 ? "0" : v >= 1e-2 && v < 1e4 ? String.format(Locale.ROOT, "%s", (float) v)
                : String.format(Locale.ROOT, "%.0e", v);
    }

    private void save(boolean safetensors) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(I18n.tr("train.saveTitle"));
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            train.save(dir.toPath(), safetensors);
        }
    }

    @Override
    protected void update(Walkthrough w, Selection s) {
        TrainSnapshot t = train.snapshotProperty().get();
        Tables tables = w.result().tables();
        if (t == null) {
            setCaption(I18n.tr("train.captionStart", tables.vocabSize(), tables.embeddingDim()));
            setDetail(I18n.tr("train.detail"));
            loss.setLosses(new float[0], new long[0]);
            cloud.show(w); // the start: the walkthrough's own cloud
            cloud.select(s.id());
            neighboursTitle.setText("");
            neighbours.getChildren().clear();
            return;
        }
        float[] l = t.losses();
        setCaption(l.length == 0 ? I18n.tr("train.captionStart", tables.vocabSize(), tables.embeddingDim())
                : I18n.tr("train.caption", t.steps(), t.epoch() + 1, String.format(Locale.ROOT, "%.4f", l[0]),
                String.format(Locale.ROOT, "%.4f", l[l.length - 1])));
        setDetail(I18n.tr("train.detail"));
        loss.setLosses(l, t.epochStarts());
        moved.setMoved(t.moved(), t.textIds());
        positions.setRowsShown(Math.min(t.contextLength(), 8));
        positions.setTable(I18n.tr("train.positionsTitle", t.contextLength(), t.dim()),
                Nd4j.create(t.positions(), new long[] {t.contextLength(), t.dim()}, 'c'),
                r -> I18n.tr("position.rowLabel", r));
        showCloud(w, t);
        if (t.selected() >= 0 && t.vector().length > 0) {
            vector.setValues("tokenTable[" + t.selected() + "]  '" + tables.label(t.selected()) + "'", t.vector(),
                    TokenColors.strong(t.selected()));
            vector.setLimit(BarPlot.limitOf(t.vector()));
            neighboursTitle.setText(I18n.tr("train.neighboursTitle", tables.label(t.selected())));
            showNeighbours(t, tables);
        }
    }

    /** The points where training moved them, the text's tokens bright with their trails. */
    private void showCloud(Walkthrough w, TrainSnapshot t) {
        if (shownCloud == null || shownCloud.points().length != t.points().length) {
            cloud.view.setCloud(t.points(), w.result().tables()::label, null);
            cloud.view.resetCamera();
        } else if (shownCloud != t) {
            cloud.view.moveCloud(t.points());
        }
        if (shownCloud == null || shownCloud.axes() != t.axes()) {
            cloud.view.setAxisNames(t.axes().axisNames());
        }
        shownCloud = t;
        cloud.view.setEmphasized(t.textIds());
        cloud.view.getMarkers().clear();
        cloud.view.getArrows().clear();
        java.util.List<Segment> trails = new java.util.ArrayList<>();
        float[][] trail = t.trail();
        for (int k = 1; k < trail.length; k++) {
            for (int i = 0; i < t.textIds().length; i++) {
                Vec3 a = new Vec3(trail[k - 1][3 * i], trail[k - 1][3 * i + 1], trail[k - 1][3 * i + 2]);
                Vec3 b = new Vec3(trail[k][3 * i], trail[k][3 * i + 1], trail[k][3 * i + 2]);
                trails.add(new Segment(a, b, TRAIL));
            }
        }
        cloud.view.getSegments().setAll(trails);
        cloud.select(t.selected());
    }

    private void showNeighbours(TrainSnapshot t, Tables tables) {
        neighbours.getChildren().clear();
        for (int i = 0; i < t.neighbours().length; i++) {
            int id = t.neighbours()[i];
            float sim = t.similarity()[i];
            Label name = new Label(String.format(Locale.ROOT, "%6d  '%s'", id, tables.label(id)));
            name.getStyleClass().add("window-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Region bar = new Region();
            bar.setStyle("-fx-background-color: " + TokenChip.web(TokenColors.strong(id)) + ";");
            bar.setPrefHeight(10);
            bar.setPrefWidth(Math.max(2, 140 * Math.max(0, sim)));
            bar.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(String.format(Locale.ROOT, "%.3f", sim));
            value.getStyleClass().add("window-name");
            HBox row = new HBox(8, name, new StackPane(bar), value);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setId("train-neighbour-" + i);
            row.setOnMouseClicked(e -> model.selectId(id));
            neighbours.getChildren().add(row);
        }
    }
}
