package org.tokenspace.app.steps;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.tokenspace.app.Selection;
import org.tokenspace.app.Step;
import org.tokenspace.app.Walkthrough;
import org.tokenspace.app.WalkthroughModel;
import org.tokenspace.app.widgets.BarPlot;
import org.tokenspace.app.widgets.Reflow;
import org.tokenspace.app.widgets.Numbers;
import org.tokenspace.app.widgets.TableHeatmap;
import org.tokenspace.app.widgets.TokenColors;
import org.tokenspace.i18n.I18n;
import org.tokenspace.model.Batch;

/**
 * Stage 4: the batch. Its {@code (batchSize, maxLength)} id grid, assembled one window at a time, then the
 * {@code (batchSize, maxLength, embeddingDim)} input embeddings as a block cut into one sample, one position or one
 * dimension.
 */
public final class BatchView extends StepView {
    /** How the tensor is sliced. */
    enum Slice {
        SAMPLE, POSITION, DIMENSION;

        @Override
        public String toString() {
            return I18n.tr("batch.slice." + name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final ReadOnlyIntegerProperty rowsShown;
    private final GridPane grid = new GridPane();
    private final Label shape = new Label();
    private final TensorBlock block = new TensorBlock();
    private final ChoiceBox<Slice> slice = new ChoiceBox<>(FXCollections.observableArrayList(Slice.values()));
    private final Spinner<Integer> sample = new Spinner<>(0, 0, 0);
    private final Spinner<Integer> pos = new Spinner<>(0, 0, 0);
    private final Spinner<Integer> dim = new Spinner<>(0, 0, 0);
    private final StackPane sliceView = new StackPane();
    private final Label sliceTitle = new Label();
    private Selection shownSelection;

    public BatchView(WalkthroughModel model) {
        super(model, Step.BATCH);
        rowsShown = model.stepper().rowsShownProperty();
        grid.setId("batch-grid");
        grid.setHgap(4);
        grid.setVgap(4);
        shape.setId("batch-shape");
        shape.getStyleClass().add("shape-text");
        slice.setId("batch-slice");
        slice.setValue(Slice.POSITION);
        sample.setId("batch-sample");
        pos.setId("batch-position");
        dim.setId("batch-dim");
        for (Spinner<Integer> sp : java.util.List.of(sample, pos, dim)) {
            sp.setStyle("-fx-pref-width: 6.5em;");
            sp.setEditable(true);
            sp.valueProperty().addListener((o, a, b) -> refresh());
        }
        slice.valueProperty().addListener((o, a, b) -> refresh());
        rowsShown.addListener((o, a, b) -> refresh());
        sliceTitle.getStyleClass().add("panel-title");
        sliceTitle.setWrapText(true);
        sliceTitle.setMinHeight(Region.USE_PREF_SIZE);
        FlowPane controls = new FlowPane(8, 6, new Label(I18n.tr("batch.sliceLabel")), slice, new Label("b"), sample,
                new Label("t"), pos, new Label("d"), dim);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label gridTitle = new Label(I18n.tr("batch.gridTitle"));
        gridTitle.getStyleClass().add("panel-title");
        VBox left = new VBox(8, gridTitle, grid);
        VBox right = new VBox(8, block, controls, sliceTitle, sliceView);
        VBox.setVgrow(sliceView, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        content(shape, new Reflow(900, 24, left, right));
    }

    @Override
    protected void update(Walkthrough w, Selection s) {
        Batch batch = w.result().batch();
        INDArray x = w.result().inputEmbeddings(); // [B, T, D]
        int bs = batch.batchSize();
        int t = batch.maxLength();
        int d = (int) x.size(2);
        int shown = Math.min(rowsShown.get(), bs);
        setCaption(I18n.tr("batch.caption", bs, t, d));
        setDetail(shown < bs ? I18n.tr("batch.assembling", shown, bs) : I18n.tr("batch.cut"));
        shape.setText("inputs.shape: torch.Size([" + bs + ", " + t + "])\ninput_embeddings.shape: torch.Size(["
                + bs + ", " + t + ", " + d + "])");
        grid.getChildren().clear();
        for (int b = 0; b < bs; b++) {
            Label rowName = new Label("b=" + b); // code: the batch index
            rowName.getStyleClass().add("grid-row-name");
            grid.add(rowName, 0, b);
            for (int p = 0; p < t; p++) {
                Label cell = new Label(b < shown ? Integer.toString(batch.inputs()[b][p]) : "");
                cell.setId("batch-cell-" + b + "-" + p);
                cell.getStyleClass().add("grid-cell");
                if (b < shown) {
                    int id = batch.inputs()[b][p];
                    cell.setStyle("-fx-background-color: " + TokenChip.web(TokenColors.chip(id)) + ";");
                    int row = b;
                    int position = p;
                    cell.setOnMouseClicked(e -> model.select(row, position));
                    if (s.row() == b && s.position() == p) {
                        cell.getStyleClass().add("selected");
                    }
                }
                grid.add(cell, p + 1, b);
            }
        }
        setMax(sample, bs - 1);
        setMax(pos, t - 1);
        setMax(dim, d - 1);
        if (s.inBatch() && !s.equals(shownSelection)) { // a newly selected cell is the one the slice cuts at
            shownSelection = s;
            sample.getValueFactory().setValue(s.row());
            pos.getValueFactory().setValue(s.position());
        }
        int b = sample.getValue();
        int p = pos.getValue();
        int k = dim.getValue();
        block.show(bs, t, d, slice.getValue(), b, p, k);
        sliceView.getChildren().clear();
        switch (slice.getValue()) {
            case SAMPLE -> {
                sliceTitle.setText(I18n.tr("batch.sampleTitle", b, t, d));
                TableHeatmap h = new TableHeatmap();
                h.setTable("", x.get(NDArrayIndex.point(b), NDArrayIndex.all(), NDArrayIndex.all()).dup(),
                        r -> "t=" + r + " " + w.result().tables().label(batch.inputs()[b][r]));
                sliceView.getChildren().add(h);
            }
            case POSITION -> {
                float[] v = x.get(NDArrayIndex.point(b), NDArrayIndex.point(p), NDArrayIndex.all()).toFloatVector();
                sliceTitle.setText(I18n.tr("batch.positionTitle", b, p, d, Numbers.tensor(v, 6)));
                BarPlot plot = new BarPlot();
                plot.setValues(I18n.tr("batch.positionBars", batch.inputs()[b][p], p), v,
                        PositionView.INPUT_COLOR);
                plot.setLimit(BarPlot.limitOf(v));
                sliceView.getChildren().add(plot);
            }
            case DIMENSION -> {
                sliceTitle.setText(I18n.tr("batch.dimensionTitle", k, bs, t));
                GridPane values = new GridPane();
                values.setHgap(10);
                values.setVgap(4);
                for (int i = 0; i < bs; i++) {
                    for (int j = 0; j < t; j++) {
                        float v = x.getFloat(i, j, k);
                        Label cell = new Label(Numbers.short4(v));
                        cell.getStyleClass().add("value-cell");
                        cell.setStyle("-fx-background-color: " + TokenChip.web(TokenColors.diverging(v, 3)) + ";");
                        values.add(cell, j, i);
                    }
                }
                sliceView.getChildren().add(values);
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void setMax(Spinner<Integer> sp, int max) {
        var f = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) sp.getValueFactory();
        if (f.getMax() != max) {
            f.setMax(max);
        }
        if (sp.getValue() > max) {
            f.setValue(max);
        }
    }
}
