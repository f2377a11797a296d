package org.tokenspace.app.steps;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tokenspace.app.SchemesModel;
import org.tokenspace.app.Selection;
import org.tokenspace.app.Step;
import org.tokenspace.app.Walkthrough;
import org.tokenspace.app.WalkthroughModel;
import org.tokenspace.app.widgets.LinePlot;
import org.tokenspace.app.widgets.MatrixPlot;
import org.tokenspace.app.widgets.Reflow;
import static org.tokenspace.app.widgets.Controls.choice;
import static org.tokenspace.app.widgets.Controls.labelled;
import org.tokenspace.app.widgets.RotaryDial;
import org.tokenspace.i18n.I18n;
import org.tokenspace.model.Gpt2Tokenizer;
import org.tokenspace.positions.PositionKind;
import org.tokenspace.positions.PositionSimilarity;
import org.tokenspace.positions.RotaryPositions;

import java.util.Locale;

/**
 * The Positions stage: two position schemes side by side (learned, sinusoidal, RoPE, T5 buckets, ALiBi). Each shows
 * what it is made of, how the selected token scores against itself at every pair of positions, and that score
 * against distance; RoPE also turns the token's pairs of dimensions. Draws the {@link SchemesModel}'s figures.
 */
public final class SchemesView extends StepView {
    private final SchemesModel schemes;
    private final Side left = new Side("schemes-left");
    private final Side right = new Side("schemes-right");
    private final Label problem = new Label();

    public SchemesView(WalkthroughModel model) {
        super(model, Step.SCHEMES);
        schemes = model.schemes();
        problem.setId("schemes-error");
        problem.getStyleClass().add("inline-error");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(schemes.problemProperty());
        problem.visibleProperty().bind(schemes.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        schemes.leftFigureProperty().addListener((o, a, b) -> refresh());
        schemes.rightFigureProperty().addListener((o, a, b) -> refresh());
        content(controls(), problem, new Reflow(980, 18, left, right));
    }

    private FlowPane controls() {
        ChoiceBox<PositionKind> a = kinds("schemes-left-kind", false);
        a.valueProperty().bindBidirectional(schemes.leftProperty());
        ChoiceBox<PositionKind> b = kinds("schemes-right-kind", true);
        b.valueProperty().bindBidirectional(schemes.rightProperty());
        Spinner<Integer> positions = new Spinner<>(2, SchemesModel.MAX_CONTEXT, schemes.contextLengthProperty().get(),
                8);
        positions.setId("schemes-positions");
        positions.setEditable(true);
        positions.setPrefWidth(96);
        positions.valueProperty().addListener((o, x, v) -> schemes.contextLengthProperty().set(v));
        ChoiceBox<PositionSimilarity.Measure> measure = choice("schemes-measure",
                PositionSimilarity.Measure.values(), m -> m == null ? "" : I18n.tr("schemes.measure." + m.name().toLowerCase(Locale.ROOT)));
        measure.valueProperty().bindBidirectional(schemes.measureProperty());
        ChoiceBox<RotaryPositions.Pairing> pairing = choice("schemes-pairing", RotaryPositions.Pairing.values(),
                p -> p == null ? "" : I18n.tr("schemes.pairing." + p.cliName()));
        pairing.valueProperty().bindBidirectional(schemes.pairingProperty());
        Spinner<Integer> head = new Spinner<>(0, 7, 0);
        head.setId("schemes-head");
        head.setPrefWidth(72);
        head.valueProperty().addListener((o, x, v) -> schemes.headProperty().set(v));
        FlowPane row = new FlowPane(14, 8, labelled("schemes.left", a), labelled("schemes.right", b),
                labelled("schemes.positions", positions), labelled("schemes.measure", measure),
                labelled("schemes.pairing", pairing), labelled("schemes.head", head));
        row.setId("schemes-controls");
        return row;
    }


    private static ChoiceBox<PositionKind> kinds(String id, boolean withNone) {
        PositionKind[] all = PositionKind.values();
        PositionKind[] items = withNone ? java.util.Arrays.copyOf(all, all.length + 1) : all;
        ChoiceBox<PositionKind> box = choice(id, items, k -> k == null ? I18n.tr("schemes.none")
                : I18n.tr("schemes.kind." + k.cliName()));
        return box;
    }


    @Override
    protected void update(Walkthrough w, Selection s) {
        String token = Gpt2Tokenizer.get().tokenText(s.id());
        setCaption(I18n.tr("schemes.caption", token, s.id()));
        setDetail(I18n.tr("schemes.detail"));
        left.show(schemes.leftFigureProperty().get(), token);
        SchemesModel.Figure r = schemes.rightFigureProperty().get();
        right.setVisible(r != null);
        right.setManaged(r != null);
        right.show(r, token);
    }

    /** One scheme: its name and what it does, its matrix, the scores, the scores by distance, RoPE's turning pairs. */
    private static final class Side extends VBox {
        private final Label name = new Label();
        private final Label where = new Label();
        private final Label sentence = new Label();
        private final MatrixPlot matrix = new MatrixPlot();
        private final MatrixPlot scores = new MatrixPlot();
        private final LinePlot byDistance = new LinePlot();
        private final RotaryDial dial = new RotaryDial();

        Side(String id) {
            super(8);
            setId(id);
            name.getStyleClass().add("panel-title");
            where.getStyleClass().add("scheme-badge");
            sentence.setWrapText(true);
            sentence.setMinHeight(Region.USE_PREF_SIZE);
            matrix.setId(id + "-matrix");
            scores.setId(id + "-scores");
            byDistance.setId(id + "-distance");
            dial.setId(id + "-dial");
            for (Region r : new Region[] {byDistance, dial}) {
                r.setMinHeight(Region.USE_PREF_SIZE); // the stage scrolls rather than squeezing a plot
            }
            HBox head = new HBox(10, name, where);
            head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            getChildren().addAll(head, sentence, matrix, scores, byDistance, dial);
            HBox.setHgrow(this, Priority.ALWAYS);
            setMinWidth(260);
            setPrefWidth(480);
        }

        void show(SchemesModel.Figure f, String token) {
            if (f == null) {
                return;
            }
            String kind = f.kind().cliName();
            name.setText(I18n.tr("schemes.kind." + kind));
            boolean adds = f.kind().addsToInput();
            where.setText(I18n.tr(adds ? "schemes.addsToInput" : "schemes.insideAttention"));
            where.getStyleClass().setAll("scheme-badge", adds ? "scheme-adds" : "scheme-inside");
            sentence.setText(I18n.tr("schemes.kind." + kind + ".sentence"));
            var m = f.matrix();
            matrix.setMatrix(I18n.tr("schemes.matrix." + kind), I18n.tr("schemes.axis." + m.rowAxis()),
                    I18n.tr("schemes.axis." + m.columnAxis()), m.values(), m::formula);
            double[][] sc = f.scores();
            String scoreTitle = I18n.tr(adds ? "schemes.scores.added" : "schemes.scores.inside", token);
            scores.setMatrix(scoreTitle, I18n.tr("schemes.axis.query"), I18n.tr("schemes.axis.key"), sc,
                    (q, k) -> I18n.tr("schemes.scoreTip", q, k, k - q,
                            String.format(Locale.ROOT, "%.6g", sc[q][k])));
            byDistance.setSeries(I18n.tr("schemes.byDistance"), I18n.tr("schemes.axis.distance"),
                    f.byDistance());
            boolean rope = f.scheme() instanceof RotaryPositions;
            dial.setVisible(rope);
            dial.setManaged(rope);
            if (rope) {
                RotaryPositions r = (RotaryPositions) f.scheme();
                int half = r.embeddingDim() / 2;
                int[] pairs = {0, Math.max(0, half / 16), Math.max(0, half / 4), half - 1};
                float[] vector = tokenVector(f);
                dial.setToken(I18n.tr("schemes.dial", token), r, vector, pairs, i -> I18n.tr("schemes.pair", i));
            }
        }

        /** Row 0 of RoPE's matrix is the token itself (position 0 turns nothing). */
        private static float[] tokenVector(SchemesModel.Figure f) {
            return f.matrix().values()[0];
        }
    }
}
