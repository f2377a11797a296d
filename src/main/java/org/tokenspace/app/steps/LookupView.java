package org.tokenspace.app.steps;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
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
import org.tokenspace.model.Gpt2Tokenizer;
import org.tokenspace.model.TorchFormat;
import org.tokenspace.model.Tables;

/**
 * Stage 2: the chosen id selects its row of the token table: the table as a heatmap scrolled to the row, the same
 * operation as one-hot times matrix, and the row as a bar plot and as numbers.
 */
public final class LookupView extends StepView {
    /** Tables up to this size are printed whole, as the book prints its {@code Embedding(6, 3)}. */
    private static final int PRINTED_ROWS = 16;
    private static final int PRINTED_DIM = 8;

    private final TableHeatmap heatmap = new TableHeatmap();
    private final OneHotDiagram oneHot = new OneHotDiagram();
    private final BarPlot bars = new BarPlot();
    private final Label vector = new Label();
    /** The book's {@code print(embedding_layer.weight)}, for a table small enough to print whole. */
    private final Label printout = new Label();
    private final TextField idField = new TextField();
    private final Label idError = new Label();
    private final CloudPanel cloud;
    private boolean updating;

    public LookupView(WalkthroughModel model) {
        super(model, Step.LOOKUP);
        vector.setId("lookup-vector");
        vector.getStyleClass().add("vector-text");
        vector.setWrapText(true);
        vector.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        printout.setId("lookup-printout");
        printout.getStyleClass().add("vector-text");
        printout.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        printout.managedProperty().bind(printout.visibleProperty());
        idField.setId("lookup-id");
        idField.setPrefColumnCount(7);
        idField.setPromptText(I18n.tr("lookup.idPrompt"));
        idField.setOnAction(e -> typedId());
        idError.setId("lookup-id-error");
        idError.getStyleClass().add("inline-error");
        Label idLabel = new Label(I18n.tr("lookup.idLabel"));
        idLabel.getStyleClass().add("panel-title");
        HBox idRow = new HBox(8, idLabel, idField, idError);
        idRow.setAlignment(Pos.CENTER_LEFT);
        heatmap.setId("token-heatmap");
        heatmap.setPrefSize(440, 420);
        heatmap.setMinWidth(320);
        heatmap.selectedRowProperty().addListener((o, a, b) -> {
            if (!updating && b.intValue() >= 0) {
                model.selectId(b.intValue());
            }
        });
        bars.setId("lookup-bars");
        cloud = new CloudPanel(model, "lookup-cloud");
        cloud.view.setPrefSize(420, 320);
        cloud.view.setMinHeight(240);
        bars.setMinHeight(150);
        bars.setPrefSize(420, 180);
        VBox right = new VBox(8, idRow, oneHot, bars, vector, printout, cloud.view);
        VBox.setVgrow(cloud.view, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        right.setMinWidth(360);
        HBox.setHgrow(heatmap, Priority.ALWAYS);
        VBox.setVgrow(heatmap, Priority.ALWAYS);
        content(new Reflow(880, 16, heatmap, right)); // side by side from 880 px, else the table above
    }

    private void typedId() {
        String text = idField.getText().trim();
        Walkthrough w = model.walkthroughProperty().get();
        long vocab = w == null ? Gpt2Tokenizer.VOCAB_SIZE : w.result().tables().vocabSize();
        try {
            int id = Integer.parseInt(text);
            if (id < 0 || id >= vocab) {
                idError.setText(I18n.tr("lookup.idOutside", id, vocab - 1));
                return;
            }
            idError.setText("");
            model.selectId(id);
        } catch (NumberFormatException e) {
            idError.setText(I18n.tr("lookup.idNotNumber", text, vocab - 1));
        }
    }

    @Override
    protected void update(Walkthrough w, Selection s) {
        Tables t = w.result().tables();
        int id = s.id();
        String piece = t.label(id);
        float[] row = t.tokenTable().getRow(id).toFloatVector();
        setCaption(I18n.tr("lookup.caption", id, piece, shape(t.vocabSize(), t.embeddingDim()), t.embeddingDim()));
        org.tokenspace.app.LoadedTables loaded = model.loadedProperty().get();
        setDetail(I18n.tr("lookup.detail", id) + " " + (loaded == null ? I18n.tr("lookup.detailSeeded")
                : I18n.tr("lookup.detailLoaded", loaded.description())));
        updating = true;
        try {
            heatmap.setTable(I18n.tr("lookup.heatmapTitle", shape(t.vocabSize(), t.embeddingDim())),
                    t.tokenTable(), t::label);
            heatmap.selectedRowProperty().set(id);
        } finally {
            updating = false;
        }
        oneHot.show(id, t.vocabSize(), t.embeddingDim());
        bars.setValues("tokenTable[" + id + "]  '" + piece + "'", row, TokenColors.strong(id)); // code, not prose
        bars.setLimit(BarPlot.limitOf(row));
        boolean small = t.vocabSize() <= PRINTED_ROWS && t.embeddingDim() <= PRINTED_DIM;
        if (small) { // the book's printouts, exactly as PyTorch prints them
            vector.setText("embedding_layer(torch.tensor([" + id + "]))\n" + TorchFormat.tensor(
                    t.tokenTable().getRow(id).reshape(1, t.embeddingDim()), ", grad_fn=<EmbeddingBackward0>"));
            printout.setText("print(embedding_layer.weight)\n" + TorchFormat.parameter(t.tokenTable()));
        } else {
            vector.setText("tokenTable[" + id + "] = " + Numbers.tensor(row, 8));
        }
        printout.setVisible(small);
        cloud.show(w);
        cloud.view.getMarkers().add(new org.tokenspace.view.Marker(CloudPanel.project(w, row), CloudPanel.TOKEN,
                null)); // the selection labels it
        cloud.select(id);
        idField.setText(Integer.toString(id));
        idError.setText("");
    }

    static String shape(long... dims) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return s.append(']').toString();
    }
}
