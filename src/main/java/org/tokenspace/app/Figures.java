package org.tokenspace.app;

import javafx.scene.Parent;
import org.tokenspace.app.steps.BatchView;
import org.tokenspace.app.steps.LookupView;
import org.tokenspace.app.steps.PositionView;
import org.tokenspace.app.steps.ProjectionStepView;
import org.tokenspace.app.steps.TokenizeView;
import org.tokenspace.model.Settings;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.view.HeadlessFx;

import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Pictures of the walkthrough without a screen: a stage view alone, or the whole window at a stage, for the given
 * text, settings and selection. The snapshot command and the README's figures come from here.
 */
public final class Figures {
    /** What can be drawn. */
    public enum View {
        TOKENIZE, LOOKUP, POSITION, BATCH, PROJECTION, WINDOW;

        public static View parse(String name) {
            for (View v : values()) {
                if (v.name().equalsIgnoreCase(name.trim().replace('-', '_'))) {
                    return v;
                }
            }
            throw new TokenSpaceException("unknown view '" + name + "': use tokenize, lookup, position, batch, "
                    + "projection, window, cloud-3d or cloud-2d");
        }

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the selection goes: a place in the batch ({@code row}, {@code position}) or, if {@code id >= 0}, an id. */
    public record Pick(int row, int position, int id) {
        public static final Pick FIRST = new Pick(0, 0, -1);
    }

    private Figures() {
    }

    /**
     * Computes the walkthrough for {@code text} and {@code settings} (on this thread) and draws {@code view} at
     * {@code step} (for the window). Starts the headless platform if no JavaFX runs yet.
     */
    public static BufferedImage render(View view, Step step, String text, Settings settings, Pick pick, int width,
                                       int height, double scale) throws InterruptedException {
        if (width < 200 || height < 150 || scale <= 0 || scale > 4 || width * scale * height * scale > 64e6) {
            throw new TokenSpaceException("the picture must be at least 200x150, with a scale above 0 and up to 4, "
                    + "and at most 64 megapixels in all");
        }
        HeadlessFx.start();
        WalkthroughModel model = HeadlessFx.call(WalkthroughModel::new);
        HeadlessFx.call(() -> {
            model.textProperty().set(text);
            model.settingsProperty().set(settings);
            model.recompute();
            return null;
        });
        model.awaitIdle();
        String error = HeadlessFx.call(() -> model.errorProperty().get());
        if (!error.isEmpty()) {
            throw new TokenSpaceException(error);
        }
        HeadlessFx.call(() -> {
            if (pick.id() >= 0) {
                if (pick.id() >= model.stateProperty().get().result().tables().vocabSize()) {
                    throw new TokenSpaceException("token id " + pick.id() + " is outside the token table: valid ids "
                            + "are 0 to " + (model.stateProperty().get().result().tables().vocabSize() - 1));
                }
                model.selectId(pick.id());
            } else {
                int[][] inputs = model.stateProperty().get().result().batch().inputs();
                if (pick.row() < 0 || pick.row() >= inputs.length || pick.position() < 0
                        || pick.position() >= inputs[0].length) {
                    throw new TokenSpaceException("batch place [" + pick.row() + ", " + pick.position()
                            + "] is outside the batch of shape (" + inputs.length + ", " + inputs[0].length + ")");
                }
                model.selectInBatch(pick.row(), pick.position());
            }
            model.stepProperty().set(step);
            return null;
        });
        return HeadlessFx.call(() -> HeadlessFx.render(node(view, model, width, height), width, height, scale));
    }

    private static Parent node(View view, WalkthroughModel model, int width, int height) {
        Parent node = switch (view) {
            case TOKENIZE -> new TokenizeView(model);
            case LOOKUP -> new LookupView(model);
            case POSITION -> new PositionView(model);
            case BATCH -> new BatchView(model);
            case PROJECTION -> new ProjectionStepView(model);
            case WINDOW -> new MainView(model);
        };
        if (!(node instanceof MainView)) {
            node.getStylesheets().add(MainView.class.getResource("tokenspace.css").toExternalForm());
            node.getStyleClass().add("main-view");
        }
        new javafx.scene.Scene(node, width, height); // a view draws once it is in a scene
        return node;
    }

    /** The book's {@code Embedding(6, 3)} settings and ids, as the presets button sets them. */
    public static Settings bookSettings() {
        return SettingsPanel.BOOK;
    }

    public static String bookText() {
        return SettingsPanel.BOOK_TEXT;
    }
}
