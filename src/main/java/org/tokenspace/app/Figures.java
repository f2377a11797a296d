package org.tokenspace.app;

import javafx.scene.Parent;
import org.tokenspace.model.Preset;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.view.HeadlessFx;

import java.awt.image.BufferedImage;

/**
 * Pictures of the walkthrough without a screen: a stage view alone, or the whole window at a stage, for the given
 * text, settings and selection. The snapshot command and the README's figures come from here.
 */
public final class Figures {
    /** Where the selection goes: a place in the batch ({@code row}, {@code position}) or, if {@code id >= 0}, an id. */
    public record Pick(int row, int position, int id) {
        public static final Pick FIRST = new Pick(0, 0, -1);
    }

    private Figures() {
    }

    /**
     * Computes the walkthrough for {@code start}'s text and settings (waiting for it) and draws stage {@code step}:
     * the stage's view alone, or the whole window showing it. Starts the headless platform if no JavaFX runs yet.
     */
    public static BufferedImage render(Step step, boolean window, Preset start, Pick pick, int width, int height,
                                       double scale, double zoom) throws InterruptedException {
        return render(step, window, start, pick, width, height, scale, zoom, 0, m -> { });
    }

    /**
     * The same, after {@code trainSteps} training steps on the start's text and settings (with the Train stage's
     * optimizer settings), for pictures of tables that have learned; {@code setUp} then sets what else the picture
     * shows (the code panel, a stage's choices), on the FX thread.
     */
    public static BufferedImage render(Step step, boolean window, Preset start, Pick pick, int width, int height,
                                       double scale, double zoom, int trainSteps,
                                       java.util.function.Consumer<WalkthroughModel> setUp)
            throws InterruptedException {
        org.tokenspace.io.Png.requireSize(width, height, scale);
        HeadlessFx.start();
        WalkthroughModel model = HeadlessFx.call(WalkthroughModel::new);
        HeadlessFx.call(() -> {
            model.apply(new Preset(start.settings(), start.text(), -1));
            return null;
        });
        model.awaitIdle();
        String problem = HeadlessFx.call(() -> model.problemProperty().get());
        if (!problem.isEmpty()) {
            throw new TokenSpaceException(problem);
        }
        if (trainSteps > 0) {
            HeadlessFx.call(() -> {
                model.train().lrProperty().set(start.settings().embeddingDim() <= TrainModel.VISIBLE_DIM
                        ? TrainModel.VISIBLE.lr() : model.train().lrProperty().get());
                model.train().steps(trainSteps);
                return null;
            });
            model.train().awaitIdle();
            String trainProblem = HeadlessFx.call(() -> model.train().problemProperty().get());
            if (!trainProblem.isEmpty()) {
                throw new TokenSpaceException(trainProblem);
            }
        }
        HeadlessFx.call(() -> {
            if (pick.id() >= 0) {
                model.selectId(pick.id());
            } else {
                model.select(pick.row(), pick.position());
            }
            model.stepper().show(step);
            model.display().setZoom(zoom);
            setUp.accept(model);
            return null;
        });
        for (int i = 0; i < 3; i++) { // a result delivered on the FX thread may start more work (a map, a query)
            model.awaitIdle();
            HeadlessFx.call(() -> null);
        }
        model.train().awaitSnapshot(); // the Train stage's drawing of the selection just made
        HeadlessFx.call(() -> null);
        return HeadlessFx.call(() -> {
            Parent node = node(step, window, model, width, height);
            if (!window) {
                clean(node, true); // a figure for course notes: no search field, buttons or mouse hints
            }
            return HeadlessFx.render(node, width, height, scale);
        });
    }

    /** Turns the clean-figure look of every point view in {@code node} on or off, and draws them at once. */
    static void clean(Parent node, boolean on) {
        node.applyCss();
        node.layout();
        for (javafx.scene.Node n : node.lookupAll(".point-cloud-view")) {
            org.tokenspace.view.PointCloudView v = (org.tokenspace.view.PointCloudView) n;
            v.setFigure(on);
            v.renderNow();
        }
    }

    private static Parent node(Step step, boolean window, WalkthroughModel model, int width, int height) {
        Parent node = window ? new MainView(model) : MainView.view(step, model);
        if (!window) {
            node.getStylesheets().add(MainView.class.getResource("tokenspace.css").toExternalForm());
            node.getStyleClass().add("main-view");
            node.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;",
                    org.tokenspace.view.FontScale.BASE * model.display().zoomProperty().get()));
        }
        new javafx.scene.Scene(node, width, height); // a view draws once it is in a scene
        return node;
    }
}
