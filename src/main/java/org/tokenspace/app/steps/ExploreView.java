package org.tokenspace.app.steps;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.tokenspace.app.ExploreModel;
import org.tokenspace.app.Selection;
import org.tokenspace.app.Step;
import org.tokenspace.app.Walkthrough;
import org.tokenspace.app.WalkthroughModel;
import org.tokenspace.app.widgets.Reflow;
import static org.tokenspace.app.widgets.Controls.choice;
import static org.tokenspace.app.widgets.Controls.labelled;
import org.tokenspace.explore.Metric;
import org.tokenspace.explore.Neighbour;
import org.tokenspace.i18n.I18n;
import org.tokenspace.model.Tables;
import org.tokenspace.view.Marker;
import org.tokenspace.view.PointCloudView;
import org.tokenspace.view.Vec3;
import org.tokenspace.view.ViewMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Explore stage: the token table mapped by PCA, t-SNE or UMAP (animated while it runs), the selected token's
 * nearest rows of the whole table with distance bars (click one to select it; "isolate" keeps only them in the map),
 * and analogies {@code a − b + c}. Draws the {@link ExploreModel}.
 */
public final class ExploreView extends StepView {
    private static final Color NEIGHBOUR = Color.rgb(255, 196, 64);
    private final ExploreModel explore;
    private final PointCloudView view = new PointCloudView();
    private final VBox neighbourList = new VBox(2);
    private final VBox analogyList = new VBox(2);
    private final Label neighbourTitle = new Label();
    private final Label progress = new Label();
    private int[] shownIds;
    private boolean updating;

    public ExploreView(WalkthroughModel model) {
        super(model, Step.EXPLORE);
        explore = model.explore();
        view.setId("explore-cloud");
        view.setPrefSize(620, 480);
        view.setMinSize(320, 300);
        view.selectedIndexProperty().addListener((o, a, b) -> {
            if (!updating && b.intValue() >= 0) {
                model.selectId(view.tokenId(b.intValue()));
            }
        });
        explore.pointsProperty().addListener((o, a, b) -> refresh());
        explore.neighboursProperty().addListener((o, a, b) -> refresh());
        explore.analogyProperty().addListener((o, a, b) -> refresh());
        explore.isolateProperty().addListener((o, a, b) -> {
            shownIds = null; // the cloud is set again, whole or isolated
            refresh();
        });
        progress.setId("explore-progress");
        progress.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            ExploreModel.MapPoints p = explore.pointsProperty().get();
            String problem = explore.mapRunner().problemProperty().get();
            if (!problem.isEmpty()) {
                return problem;
            }
            if (explore.mapRunner().busyProperty().get() && (p == null || p.method() == ExploreModel.Method.PCA)) {
                return I18n.tr("explore.preparing");
            }
            return p == null || p.iterations() == 0 ? "" : I18n.tr("explore.iteration", p.iteration(), p.iterations());
        }, explore.pointsProperty(), explore.mapRunner().busyProperty(), explore.mapRunner().problemProperty()));
        VBox side = new VBox(8, neighbourPanel(), analogyPanel());
        side.setMinWidth(280);
        side.setPrefWidth(340);
        HBox.setHgrow(view, Priority.ALWAYS);
        VBox.setVgrow(view, Priority.ALWAYS);
        content(controls(), methodControls(), new Reflow(940, 14, view, side));
    }

    private FlowPane controls() {
        ChoiceBox<ExploreModel.Rows> rows = choice("explore-rows", ExploreModel.Rows.values(),
                r -> r == null ? "" : I18n.tr("explore.rows." + r.name().toLowerCase(Locale.ROOT)));
        rows.valueProperty().bindBidirectional(explore.rowsProperty());
        ChoiceBox<ExploreModel.Method> method = choice("explore-method", ExploreModel.Method.values(),
                m -> m == null ? "" : I18n.tr("explore.method." + m.name().toLowerCase(Locale.ROOT)));
        method.valueProperty().bindBidirectional(explore.methodProperty());
        ChoiceBox<Integer> dims = choice("explore-components", new Integer[] {2, 3}, d -> d == null ? "" : d + "-D");
        dims.setValue(explore.componentsProperty().get());
        dims.valueProperty().addListener((o, a, b) -> explore.componentsProperty().set(b));
        Button run = new Button(I18n.tr("explore.run"));
        run.setId("explore-run");
        run.disableProperty().bind(explore.methodProperty().isEqualTo(ExploreModel.Method.PCA));
        run.setOnAction(e -> explore.map());
        ToggleButton pause = new ToggleButton(I18n.tr("explore.pause"));
        pause.setId("explore-pause");
        pause.selectedProperty().bindBidirectional(explore.pausedProperty());
        pause.disableProperty().bind(explore.mapRunner().busyProperty().not());
        Button cancel = new Button(I18n.tr("explore.cancel"));
        cancel.setId("explore-cancel");
        cancel.disableProperty().bind(explore.mapRunner().busyProperty().not());
        cancel.setOnAction(e -> explore.cancel());
        FlowPane row = new FlowPane(10, 8, labelled("explore.rows", rows), labelled("explore.method", method), dims,
                run, pause, cancel, progress);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private FlowPane methodControls() {
        Spinner<Double> perplexity = new Spinner<>(2.0, 100.0, explore.perplexityProperty().get(), 5.0);
        perplexity.setId("explore-perplexity");
        perplexity.setPrefWidth(90);
        perplexity.valueProperty().addListener((o, a, b) -> explore.perplexityProperty().set(b));
        Spinner<Integer> iterations = new Spinner<>(250, 5000, explore.iterationsProperty().get(), 250);
        iterations.setId("explore-iterations");
        iterations.setPrefWidth(100);
        iterations.valueProperty().addListener((o, a, b) -> explore.iterationsProperty().set(b));
        TextField rate = new TextField(I18n.tr("explore.auto"));
        rate.setId("explore-learning-rate");
        rate.setPrefColumnCount(5);
        rate.textProperty().addListener((o, a, b) -> {
            try {
                explore.learningRateProperty().set(Math.max(0, Double.parseDouble(b.strip())));
            } catch (NumberFormatException e) {
                explore.learningRateProperty().set(0); // "auto"
            }
        });
        HBox tsne = new HBox(10, labelled("explore.perplexity", perplexity), labelled("explore.learningRate", rate),
                labelled("explore.iterations", iterations));
        Spinner<Integer> neighbors = new Spinner<>(2, 100, explore.neighborsProperty().get(), 1);
        neighbors.setId("explore-neighbors");
        neighbors.setPrefWidth(80);
        neighbors.valueProperty().addListener((o, a, b) -> explore.neighborsProperty().set(b));
        Spinner<Double> minDist = new Spinner<>(0.0, 1.0, explore.minDistProperty().get(), 0.05);
        minDist.setId("explore-min-dist");
        minDist.setPrefWidth(90);
        minDist.valueProperty().addListener((o, a, b) -> explore.minDistProperty().set(b));
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, explore.seedProperty().get(), 1);
        seed.setId("explore-seed");
        seed.setEditable(true);
        seed.setPrefWidth(100);
        seed.valueProperty().addListener((o, a, b) -> explore.seedProperty().set(b));
        HBox umap = new HBox(10, labelled("explore.neighbors", neighbors), labelled("explore.minDist", minDist),
                labelled("explore.seed", seed));
        tsne.visibleProperty().bind(explore.methodProperty().isEqualTo(ExploreModel.Method.TSNE));
        tsne.managedProperty().bind(tsne.visibleProperty());
        umap.visibleProperty().bind(explore.methodProperty().isEqualTo(ExploreModel.Method.UMAP));
        umap.managedProperty().bind(umap.visibleProperty());
        FlowPane row = new FlowPane(10, 8, tsne, umap);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private VBox neighbourPanel() {
        neighbourTitle.getStyleClass().add("panel-title");
        neighbourTitle.setWrapText(true);
        neighbourTitle.setMinHeight(Region.USE_PREF_SIZE);
        ChoiceBox<Metric> metric = choice("explore-metric", Metric.values(),
                m -> m == null ? "" : I18n.tr("explore.metric." + m.name().toLowerCase(Locale.ROOT)));
        metric.valueProperty().bindBidirectional(explore.metricProperty());
        Spinner<Integer> k = new Spinner<>(1, 100, explore.kProperty().get(), 1);
        k.setId("explore-k");
        k.setPrefWidth(76);
        k.valueProperty().addListener((o, a, b) -> explore.kProperty().set(b));
        CheckBox isolate = new CheckBox(I18n.tr("explore.isolate"));
        isolate.setId("explore-isolate");
        isolate.selectedProperty().bindBidirectional(explore.isolateProperty());
        FlowPane options = new FlowPane(8, 6, metric, labelled("explore.k", k), isolate);
        options.setAlignment(Pos.CENTER_LEFT);
        neighbourList.setId("explore-neighbours");
        return new VBox(6, neighbourTitle, options, neighbourList);
    }

    private VBox analogyPanel() {
        Label title = new Label(I18n.tr("explore.analogy"));
        title.getStyleClass().add("panel-title");
        TextField a = field("explore-a", " king");
        TextField b = field("explore-b", " man");
        TextField c = field("explore-c", " woman");
        Button solve = new Button(I18n.tr("explore.solve"));
        solve.setId("explore-solve");
        solve.setOnAction(e -> explore.solveAnalogy(a.getText(), b.getText(), c.getText()));
        Label problem = new Label();
        problem.setId("explore-error");
        problem.getStyleClass().add("inline-error");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(explore.problemProperty());
        FlowPane row = new FlowPane(4, 6, a, new Label("−"), b, new Label("+"), c, solve);
        row.setAlignment(Pos.CENTER_LEFT);
        analogyList.setId("explore-analogy");
        return new VBox(6, title, row, problem, analogyList);
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(6);
        return f;
    }



    @Override
    protected void update(Walkthrough w, Selection s) {
        Tables t = w.result().tables();
        setCaption(I18n.tr("explore.caption", t.vocabSize(), t.embeddingDim()));
        setDetail(I18n.tr("explore.detail"));
        List<Neighbour> near = explore.neighboursProperty().get();
        Metric m = explore.metricProperty().get();
        neighbourTitle.setText(I18n.tr("explore.nearest", near.size(), "'" + t.label(s.id()) + "'", s.id(),
                I18n.tr("explore.metric." + m.name().toLowerCase(Locale.ROOT)),
                I18n.tr("explore.rows." + explore.rowsProperty().get().name().toLowerCase(Locale.ROOT))));
        fill(neighbourList, near, t, m);
        fill(analogyList, explore.analogyProperty().get(), t, m);
        drawMap(w, s, near);
    }

    /** Rows of {@code id 'token'  [bar]  score}; a click selects the token. */
    private void fill(VBox list, List<Neighbour> rows, Tables t, Metric m) {
        List<javafx.scene.Node> nodes = new ArrayList<>();
        double max = 0;
        for (Neighbour n : rows) {
            max = Math.max(max, Math.abs(n.score()));
        }
        for (Neighbour n : rows) {
            Label name = new Label(n.id() + "  '" + t.label(n.id()) + "'");
            name.getStyleClass().add("mono");
            name.setMinWidth(Region.USE_PREF_SIZE); // a token's name is never cut
            Region bar = new Region();
            double frac = max == 0 ? 0 : Math.abs(n.score()) / max;
            bar.setPrefWidth(8 + 110 * frac);
            bar.setMinWidth(4);
            bar.setPrefHeight(12);
            bar.setMaxHeight(12);
            bar.getStyleClass().add("neighbour-bar");
            Label score = new Label(String.format(Locale.ROOT, m == Metric.COSINE ? "%.4f" : "%.3f", n.score()));
            score.getStyleClass().add("mono");
            StackPane barBox = new StackPane(bar);
            barBox.setMinWidth(0);
            barBox.setAlignment(Pos.CENTER_LEFT);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            score.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(6, name, gap, barBox, score);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("neighbour-row");
            row.setOnMouseClicked(e -> model.selectId(n.id()));
            nodes.add(row);
        }
        list.getChildren().setAll(nodes);
    }

    private void drawMap(Walkthrough w, Selection s, List<Neighbour> near) {
        ExploreModel.MapPoints p = explore.pointsProperty().get();
        if (p == null) {
            return;
        }
        updating = true;
        try {
            Tables t = w.result().tables();
            int[] ids = p.ids();
            float[] xyz = p.xyz();
            if (explore.isolateProperty().get()) { // only the query and its neighbours that are in the map
                java.util.Set<Integer> keep = new java.util.HashSet<>();
                keep.add(s.id());
                near.forEach(n -> keep.add(n.id()));
                int count = 0;
                for (int id : ids) {
                    count += keep.contains(id) ? 1 : 0;
                }
                int[] subIds = new int[count];
                float[] sub = new float[3 * count];
                for (int i = 0, j = 0; i < ids.length; i++) {
                    if (keep.contains(ids[i])) {
                        subIds[j] = ids[i];
                        System.arraycopy(xyz, 3 * i, sub, 3 * j, 3);
                        j++;
                    }
                }
                ids = subIds;
                xyz = sub;
            }
            if (shownIds != ids && (shownIds == null || !java.util.Arrays.equals(shownIds, ids))) {
                int[] labelled = ids;
                view.setCloud(xyz, i -> t.label(labelled[i]), ids);
                view.resetCamera();
            } else {
                view.moveCloud(xyz);
            }
            shownIds = ids;
            view.setMode(p.components() == 2 ? ViewMode.FLAT_2D : ViewMode.PERSPECTIVE);
            String method = I18n.tr("explore.method." + p.method().name().toLowerCase(Locale.ROOT));
            view.setAxisNames(method + " 1", method + " 2", method + " 3");
            java.util.Map<Integer, Integer> at = new java.util.HashMap<>();
            for (int i = 0; i < ids.length; i++) {
                at.putIfAbsent(ids[i], i);
            }
            List<Integer> emphasized = new ArrayList<>();
            view.getMarkers().clear();
            for (Neighbour n : near) {
                Integer i = at.get(n.id());
                if (i != null) {
                    emphasized.add(i);
                    view.getMarkers().add(new Marker(Vec3.of(new float[] {xyz[3 * i], xyz[3 * i + 1],
                            xyz[3 * i + 2]}), NEIGHBOUR, "'" + t.label(n.id()) + "'"));
                }
            }
            view.setEmphasized(emphasized.stream().mapToInt(Integer::intValue).toArray());
            Integer self = at.get(s.id());
            view.setSelectedIndex(self == null ? -1 : self);
        } finally {
            updating = false;
        }
    }
}
