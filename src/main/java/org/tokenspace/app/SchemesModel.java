package org.tokenspace.app;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tokenspace.model.Settings;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.positions.Heatmap;
import org.tokenspace.positions.PositionConfig;
import org.tokenspace.positions.PositionKind;
import org.tokenspace.positions.PositionScheme;
import org.tokenspace.positions.PositionSimilarity;
import org.tokenspace.positions.Probe;
import org.tokenspace.positions.RotaryPositions;

/**
 * The Positions stage: one or two position schemes side by side, each as the matrix it is made of (the added table,
 * RoPE's rotated token, T5's or ALiBi's bias), the score of the selected token with itself at every pair of
 * positions, and that score against distance. The learned scheme is the walkthrough's own positional table; the
 * others are built for this stage's context length and the walkthrough's embeddingDim. Cheap enough for the FX
 * thread (a few milliseconds at the largest context length offered), and computed only while the stage is shown.
 */
public final class SchemesModel {
    /** The largest context length the stage draws (a [512, 512] score matrix). */
    public static final int MAX_CONTEXT = 512;

    /** What one side shows. */
    public record Figure(PositionKind kind, PositionScheme scheme, Heatmap matrix, double[][] scores,
                         double[] byDistance) {
    }

    private final WalkthroughModel model;
    private final ObjectProperty<PositionKind> left = new SimpleObjectProperty<>(this, "left", PositionKind.LEARNED);
    private final ObjectProperty<PositionKind> right = new SimpleObjectProperty<>(this, "right", PositionKind.ROPE);
    private final IntegerProperty contextLength = new SimpleIntegerProperty(this, "contextLength", 64);
    private final IntegerProperty head = new SimpleIntegerProperty(this, "head", 0);
    private final ObjectProperty<PositionSimilarity.Measure> measure =
            new SimpleObjectProperty<>(this, "measure", PositionSimilarity.Measure.COSINE);
    private final ObjectProperty<RotaryPositions.Pairing> pairing =
            new SimpleObjectProperty<>(this, "pairing", RotaryPositions.Pairing.INTERLEAVED);
    private final ReadOnlyObjectWrapper<Figure> leftFigure = new ReadOnlyObjectWrapper<>(this, "leftFigure");
    private final ReadOnlyObjectWrapper<Figure> rightFigure = new ReadOnlyObjectWrapper<>(this, "rightFigure");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    SchemesModel(WalkthroughModel model) {
        this.model = model;
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {left, right, contextLength, head, measure,
                pairing, model.walkthroughProperty()}) {
            o.addListener(x -> update());
        }
        model.stepper().stepProperty().addListener(x -> update());
    }

    /** Draws the figures again, while the Schemes stage is on screen (it is drawn again on entering it). */
    private void update() {
        Walkthrough w = model.walkthroughProperty().get();
        if (w == null || model.stepper().stepProperty().get() != Step.SCHEMES) {
            return;
        }
        try {
            Settings s = w.result().settings();
            PositionConfig base = PositionConfig.DEFAULTS.withSizes(contextLength.get(), s.embeddingDim());
            base = new PositionConfig(base.kind(), base.contextLength(), base.embeddingDim(), base.layout(),
                    pairing.get(), base.heads(), base.numBuckets(), base.maxDistance(), base.causal(), s.seed(),
                    s.kernel());
            float[] token = w.result().tables().tokenTable().getRow(w.selection().id()).toFloatVector();
            leftFigure.set(figure(base.withKind(left.get()), w, token));
            rightFigure.set(right.get() == null ? null : figure(base.withKind(right.get()), w, token));
            problem.set("");
        } catch (TokenSpaceException e) {
            problem.set(e.getMessage()); // the last good figures stay
        }
    }

    /** The figure of one scheme for the selected token's vector {@code token [D]}. */
    private Figure figure(PositionConfig config, Walkthrough w, float[] token) {
        PositionScheme scheme = config.create(model::learnedTables);
        int h = Math.min(head.get(), config.heads() - 1);
        Heatmap matrix = scheme.heatmap(config.kind() == PositionKind.ROPE ? Probe.token(token) : Probe.head(h));
        double[][] scores = PositionSimilarity.selfScores(scheme, token, h, measure.get()); // [C, C]
        return new Figure(config.kind(), scheme, matrix, scores, PositionSimilarity.byDistance(scores));
    }

    public ObjectProperty<PositionKind> leftProperty() {
        return left;
    }

    /** The second scheme, or null for one alone. */
    public ObjectProperty<PositionKind> rightProperty() {
        return right;
    }

    /** Positions drawn by the computed schemes (the learned one keeps its table's). */
    public IntegerProperty contextLengthProperty() {
        return contextLength;
    }

    /** The head whose bias T5 and ALiBi show. */
    public IntegerProperty headProperty() {
        return head;
    }

    public ObjectProperty<PositionSimilarity.Measure> measureProperty() {
        return measure;
    }

    public ObjectProperty<RotaryPositions.Pairing> pairingProperty() {
        return pairing;
    }

    public ReadOnlyObjectProperty<Figure> leftFigureProperty() {
        return leftFigure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Figure> rightFigureProperty() {
        return rightFigure.getReadOnlyProperty();
    }

    /** Why the last change could not be drawn (e.g. an odd embeddingDim for RoPE), or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
