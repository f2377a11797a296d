package org.tokenspace.app.steps;

import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
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
import org.tokenspace.model.Tables;

/**
 * Stage 3: absolute position addition. The token vector, the positional table's row for the token's position, and
 * their float32 sum as three bar plots on one scale. Vectors can also be typed by hand, e.g. the course's
 * {@code [0.5, -0.2, 0.1] + [0.1, 0.3, -0.1]}.
 */
public final class PositionView extends StepView {
    static final Color POSITION_COLOR = Color.rgb(0, 128, 96);
    static final Color INPUT_COLOR = Color.rgb(120, 60, 160);

    private final BarPlot token = new BarPlot();
    private final BarPlot position = new BarPlot();
    private final BarPlot input = new BarPlot();
    private final TableHeatmap positionTable = new TableHeatmap();
    private final Label sum = new Label();
    private final CheckBox byHand = new CheckBox(I18n.tr("position.byHand"));
    private final Label schemeNote = new Label();
    private final TextField tokenText = new TextField("0.5, -0.2, 0.1");
    private final TextField positionText = new TextField("0.1, 0.3, -0.1");
    private final Label handError = new Label();
    private final CloudPanel cloud;

    public PositionView(WalkthroughModel model) {
        super(model, Step.POSITION);
        token.setId("position-token");
        position.setId("position-position");
        input.setId("position-input");
        sum.setId("position-sum");
        sum.getStyleClass().add("vector-text");
        javafx.scene.control.Tooltip rounding = new javafx.scene.control.Tooltip(I18n.tr("position.roundingTip"));
        rounding.setWrapText(true);
        rounding.setMaxWidth(520);
        javafx.scene.control.Tooltip.install(sum, rounding);
        sum.setMinHeight(Region.USE_PREF_SIZE);
        byHand.setId("position-by-hand");
        tokenText.setId("position-token-text");
        positionText.setId("position-position-text");
        handError.setId("position-error");
        handError.getStyleClass().add("inline-error");
        tokenText.setPrefColumnCount(18);
        positionText.setPrefColumnCount(18);
        tokenText.disableProperty().bind(byHand.selectedProperty().not());
        positionText.disableProperty().bind(byHand.selectedProperty().not());
        byHand.selectedProperty().addListener((o, a, b) -> refresh());
        tokenText.setOnAction(e -> refresh());
        positionText.setOnAction(e -> refresh());
        FlowPane hand = new FlowPane(8, 6, byHand, new Label(I18n.tr("position.tokenField")), tokenText,
                new Label(I18n.tr("position.positionField")), positionText,
                handError);
        hand.setAlignment(Pos.CENTER_LEFT);
        positionTable.setPrefWidth(420);
        positionTable.selectedRowProperty().addListener((o, a, b) -> {
            Walkthrough w = model.walkthroughProperty().get();
            Selection s = w == null ? null : w.selection();
            if (s != null && s.inBatch() && b.intValue() >= 0 && b.intValue() != s.position()
                    && b.intValue() < w.result().batch().maxLength()) {
                model.select(s.row(), b.intValue());
            }
        });
        VBox plots = new VBox(4, token, position, input);
        for (BarPlot p : new BarPlot[] {token, position, input}) {
            VBox.setVgrow(p, Priority.ALWAYS);
        }
        cloud = new CloudPanel(model, "position-cloud");
        cloud.view.setPrefSize(460, 360);
        cloud.view.setMinSize(320, 260);
        plots.setMinWidth(320);
        plots.setPrefWidth(460);
        VBox.setVgrow(cloud.view, Priority.ALWAYS);
        HBox.setHgrow(cloud.view, Priority.ALWAYS);
        HBox.setHgrow(plots, Priority.ALWAYS);
        javafx.scene.control.ChoiceBox<org.tokenspace.positions.PositionKind> kind = new javafx.scene.control.ChoiceBox<>(
                javafx.collections.FXCollections.observableArrayList(org.tokenspace.positions.PositionKind.values()));
        kind.setId("position-kind");
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(org.tokenspace.positions.PositionKind k) {
                return k == null ? "" : I18n.tr("schemes.kind." + k.cliName());
            }

            @Override
            public org.tokenspace.positions.PositionKind fromString(String text) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(model.positionKindProperty());
        schemeNote.setId("position-scheme-note");
        schemeNote.setWrapText(true);
        schemeNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        schemeNote.getStyleClass().add("scheme-note");
        schemeNote.managedProperty().bind(schemeNote.visibleProperty());
        FlowPane scheme = new FlowPane(8, 6, new Label(I18n.tr("position.scheme")), kind, schemeNote);
        scheme.setAlignment(Pos.CENTER_LEFT);
        content(scheme, hand, positionTable, sum, new Reflow(900, 12, plots, cloud.view));
    }

    @Override
    protected void update(Walkthrough w, Selection s) {
        Tables t = w.result().tables();
        int pos = Math.max(0, s.position());
        float[] tok;
        float[] posRow;
        String tokName;
        if (byHand.isSelected()) {
            try {
                tok = parse(tokenText.getText(), I18n.tr("position.tokenVector"));
                posRow = parse(positionText.getText(), I18n.tr("position.positionVector"));
                if (tok.length != posRow.length) {
                    throw new IllegalArgumentException(I18n.tr("position.lengthsDiffer", tok.length, posRow.length));
                }
                handError.setText("");
            } catch (IllegalArgumentException e) {
                handError.setText(e.getMessage());
                return;
            }
            tokName = I18n.tr("position.typedToken");
            setCaption(I18n.tr("position.captionTyped"));
        } else {
            tok = t.tokenTable().getRow(s.id()).toFloatVector();
            posRow = t.positionTable().getRow(pos).toFloatVector();
            tokName = "tokenTable[" + s.id() + "]  '" + t.label(s.id()) + "'";
            setCaption(I18n.tr("position.caption", s.id(), pos, LookupView.shape(t.contextLength(), t.embeddingDim()),
                    t.embeddingDim()));
        }
        org.tokenspace.positions.PositionKind kind = model.positionKindProperty().get();
        setDetail(I18n.tr("position.detail"));
        schemeNote.setVisible(kind != org.tokenspace.positions.PositionKind.LEARNED);
        schemeNote.setText(kind.addsToInput() ? I18n.tr("position.sinusoidalNote")
                : I18n.tr("position.nothingAdded", I18n.tr("schemes.kind." + kind.cliName())));
        float[] in = new float[tok.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = tok[i] + posRow[i]; // float32, as PyTorch adds
        }
        double limit = BarPlot.limitOf(tok, posRow, in);
        token.setValues(tokName, tok, byHand.isSelected() ? Color.rgb(60, 90, 160) : TokenColors.strong(s.id()));
        position.setValues(byHand.isSelected() ? I18n.tr("position.typedPosition") : "positionTable[" + pos + "]", posRow,
                POSITION_COLOR);
        input.setValues(I18n.tr("position.inputBars"), in, INPUT_COLOR);
        for (BarPlot p : new BarPlot[] {token, position, input}) {
            p.setLimit(limit);
        }
        sum.setText("   token   " + bracket(tok) + "\n+ position " + bracket(posRow) + "\n=  input   "
                + bracket(in)); // code, not prose: the names of the course's tensors
        showArrows(w, tok, in, byHand.isSelected() ? I18n.tr("position.typed") : "'" + t.label(s.id()) + "'", pos);
        positionTable.setRowsShown((int) Math.min(t.contextLength(), 8));
        positionTable.setTable(I18n.tr("position.heatmapTitle", LookupView.shape(t.contextLength(),
                t.embeddingDim())), t.positionTable(), r -> I18n.tr("position.rowLabel", r));
        positionTable.selectedRowProperty().set(pos);
    }

    /**
     * In the fitted axes: an arrow to the token vector, then the position vector from its tip, ending at the sum.
     * PCA is affine, so the second arrow is the projected position vector itself. Typed vectors of another length than
     * the tables' have no place in these axes and show no arrows.
     */
    private void showArrows(Walkthrough w, float[] tok, float[] in, String name, int pos) {
        cloud.show(w);
        if (tok.length != w.cloud().axes().dim()) {
            return;
        }
        org.tokenspace.view.Vec3 origin = CloudPanel.project(w, new float[tok.length]);
        org.tokenspace.view.Vec3 a = CloudPanel.project(w, tok);
        org.tokenspace.view.Vec3 b = CloudPanel.project(w, in);
        cloud.view.getArrows().add(new org.tokenspace.view.Arrow(origin, a, CloudPanel.TOKEN, name));
        cloud.view.getArrows().add(new org.tokenspace.view.Arrow(a, b, CloudPanel.POSITION,
                I18n.tr("position.arrow", pos)));
        cloud.view.getMarkers().add(new org.tokenspace.view.Marker(b, CloudPanel.INPUT, I18n.tr("position.input")));
        cloud.frameOn(origin, a, b);
    }

    private static String bracket(float[] v) {
        return Numbers.tensor(v, 6).replace("tensor(", "").replace(")", "");
    }

    static float[] parse(String text, String what) {
        String[] parts = text.replace("[", "").replace("]", "").trim().split("\\s*[,\\s]\\s*");
        if (parts.length == 0 || parts[0].isEmpty()) {
            throw new IllegalArgumentException(I18n.tr("position.emptyVector", what));
        }
        float[] v = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Float.parseFloat(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(I18n.tr("position.notNumber", parts[i], what));
            }
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException(I18n.tr("position.notFinite", parts[i], what));
            }
        }
        return v;
    }
}
