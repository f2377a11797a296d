package org.tokenspace.app.steps;

import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
import org.tokenspace.app.widgets.Numbers;
import org.tokenspace.app.widgets.TableHeatmap;
import org.tokenspace.app.widgets.TokenColors;
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
    private final CheckBox byHand = new CheckBox("Enter vectors by hand");
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
        HBox hand = new HBox(8, byHand, new Label("token"), tokenText, new Label("+ position"), positionText,
                handError);
        hand.setAlignment(Pos.CENTER_LEFT);
        positionTable.setPrefWidth(420);
        positionTable.selectedRowProperty().addListener((o, a, b) -> {
            Selection s = model.selectionProperty().get();
            if (s.inBatch() && b.intValue() >= 0 && b.intValue() != s.position()
                    && b.intValue() < model.stateProperty().get().result().batch().maxLength()) {
                model.selectInBatch(s.row(), b.intValue());
            }
        });
        VBox plots = new VBox(4, token, position, input);
        for (BarPlot p : new BarPlot[] {token, position, input}) {
            VBox.setVgrow(p, Priority.ALWAYS);
        }
        cloud = new CloudPanel(model, "position-cloud");
        cloud.view.setPrefSize(460, 360);
        cloud.view.setMinWidth(360);
        HBox.setHgrow(plots, Priority.ALWAYS);
        HBox body = new HBox(12, plots, cloud.view);
        content(hand, positionTable, sum, body);
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
                tok = parse(tokenText.getText(), "token vector");
                posRow = parse(positionText.getText(), "position vector");
                if (tok.length != posRow.length) {
                    throw new IllegalArgumentException("the token vector has " + tok.length
                            + " values but the position vector has " + posRow.length + ": give both the same length");
                }
                handError.setText("");
            } catch (IllegalArgumentException e) {
                handError.setText(e.getMessage());
                return;
            }
            tokName = "token vector (typed)";
            setCaption("token + position = input, element by element in float32, for vectors typed by hand");
        } else {
            tok = t.tokenTable().getRow(s.id()).toFloatVector();
            posRow = t.positionTable().getRow(pos).toFloatVector();
            tokName = "tokenTable[" + s.id() + "]  '" + LookupView.label(s.id(), t.vocabSize()) + "'";
            setCaption(String.format("input = tokenTable[%d] + positionTable[%d]: the token at position %d gets "
                            + "row %d of the positional table %s; shapes [%d] + [%d] = [%d]", s.id(), pos, pos, pos,
                    LookupView.shape(t.contextLength(), t.embeddingDim()), t.embeddingDim(), t.embeddingDim(),
                    t.embeddingDim()));
        }
        setDetail("The same token at another position gets another row, so the model can tell positions apart. "
                + "These are absolute positions; relative schemes (Transformer-XL, some BERT variants) encode distances "
                + "between tokens instead.");
        float[] in = new float[tok.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = tok[i] + posRow[i]; // float32, as PyTorch adds
        }
        double limit = BarPlot.limitOf(tok, posRow, in);
        token.setValues(tokName, tok, byHand.isSelected() ? Color.rgb(60, 90, 160) : TokenColors.strong(s.id()));
        position.setValues(byHand.isSelected() ? "position vector (typed)" : "positionTable[" + pos + "]", posRow,
                POSITION_COLOR);
        input.setValues("input = token + position", in, INPUT_COLOR);
        for (BarPlot p : new BarPlot[] {token, position, input}) {
            p.setLimit(limit);
        }
        sum.setText("   token   " + bracket(tok) + "\n+ position " + bracket(posRow) + "\n=  input   "
                + bracket(in));
 showArrows(w, tok, posRow, in, byHand.isSelected() ? "typed" : "'" + LookupView.label(s.id(), t.vocabSize()) + "'",
                pos);
        double h = TableHeatmap.heightFor(Math.min(t.contextLength(), 8));
        positionTable.setMinHeight(h);
        positionTable.setPrefHeight(h);
        positionTable.setMaxHeight(h);
        positionTable.setTable("positional table " + LookupView.shape(t.contextLength(), t.embeddingDim()),
                t.positionTable(), r -> "pos " + r);
        positionTable.selectedRowProperty().set(pos);
    }

    /**
     * In the fitted axes: an arrow to the token vector, then the position vector from its tip, ending at the sum.
     * PCA is affine, so the second arrow is the projected position vector itself. Typed vectors of another length than
     * the tables' have no place in these axes and show no arrows.
     */
    private void showArrows(Walkthrough w, float[] tok, float[] posRow, float[] in, String name, int pos) {
        cloud.show(w);
        if (tok.length != w.axes().dim()) {
            return;
        }
        org.tokenspace.view.Vec3 origin = CloudPanel.project(w, new float[tok.length]);
        org.tokenspace.view.Vec3 a = CloudPanel.project(w, tok);
        org.tokenspace.view.Vec3 b = CloudPanel.project(w, in);
        cloud.view.getArrows().add(new org.tokenspace.view.Arrow(origin, a, CloudPanel.TOKEN, name));
        cloud.view.getArrows().add(new org.tokenspace.view.Arrow(a, b, CloudPanel.POSITION, "+ pos " + pos));
        cloud.view.getMarkers().add(new org.tokenspace.view.Marker(b, CloudPanel.INPUT, "input"));
        cloud.frameOn(origin, a, b);
    }

    private static String bracket(float[] v) {
        return Numbers.tensor(v, 8).replace("tensor(", "").replace(")", "");
    }

    static float[] parse(String text, String what) {
        String[] parts = text.replace("[", "").replace("]", "").trim().split("\\s*[,\\s]\\s*");
        if (parts.length == 0 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("the " + what + " is empty: type numbers separated by commas");
        }
        float[] v = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Float.parseFloat(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + parts[i] + "' in the " + what
                        + " is not a number: type numbers separated by commas, e.g. 0.5, -0.2, 0.1");
            }
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException("'" + parts[i] + "' in the " + what + " is not a finite number");
            }
        }
        return v;
    }
}
