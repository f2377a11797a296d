package org.tokenspace.app;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.tokenspace.app.steps.BatchView;
import org.tokenspace.app.steps.LookupView;
import org.tokenspace.app.steps.PositionView;
import org.tokenspace.app.steps.ProjectionStepView;
import org.tokenspace.app.steps.StepView;
import org.tokenspace.app.steps.TokenizeView;
import org.tokenspace.app.steps.TrainView;

import org.tokenspace.view.FontScale;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The window's content: stepper on top, settings on the left, the current stage in the middle. */
public final class MainView extends BorderPane {
    private final Map<Step, StepView> views = new EnumMap<>(Step.class);
    private final StackPane stage = new StackPane();
    private final CodeModel codeModel;
    private CodePanel code;

    /**
     * Gives a dialog the window's stylesheet: its own scene inherits nothing from the window, so without it the
     * dialog would draw in the machine's default font (boxes for Korean on a machine without CJK fonts).
     */
    static void style(javafx.scene.control.DialogPane pane) {
        org.tokenspace.view.Fonts.load();
        pane.getStylesheets().add(MainView.class.getResource("tokenspace.css").toExternalForm());
    }

    public MainView(WalkthroughModel model) {
        org.tokenspace.view.Fonts.load(); // before the CSS names the bundled families
        getStyleClass().add("main-view");
        getStylesheets().add(MainView.class.getResource("tokenspace.css").toExternalForm());
        DisplayModel display = model.display();
        codeModel = model.code();
        // the zoom is the root font size: every label follows it in CSS (em), every drawn widget through FontScale
        styleProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "-fx-font-size: %.2fpx;",
                FontScale.BASE * display.zoomProperty().get()), display.zoomProperty()));
        for (Step s : Step.values()) {
            views.put(s, view(s, model));
        }
        Stepper stepper = model.stepper();
        setTop(new StepperBar(model, new AppMenu(model, () -> views.get(stepper.stepProperty().get()))));
        setBottom(new StatusBar(model));
        ScrollPane settings = new ScrollPane(new SettingsPanel(model));
        settings.setId("settings-scroll");
        settings.setFitToWidth(true);
        settings.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        settings.getStyleClass().add("settings-scroll");
        // beside the code panel on a narrow screen, the stage keeps the room and the settings step aside (Ctrl+B)
        javafx.beans.binding.BooleanBinding crowded = model.code().shownProperty().and(widthProperty().lessThan(1400));
        leftProperty().bind(Bindings.when(display.settingsShownProperty().and(crowded.not()))
                .then((Node) settings).otherwise((Node) null));
        ScrollPane center = new ScrollPane(stage);
        center.setId("stage-scroll");
        center.setFitToWidth(true);
        center.setFitToHeight(true); // the stage fills the window; below its minimum height, it scrolls
        center.getStyleClass().add("stage-scroll");
        setCenter(center);
        codeModel.shownProperty().addListener((o, a, shown) -> placeCode(shown));
        placeCode(codeModel.shownProperty().get());
        stepper.stepProperty().addListener((o, a, s) -> show(s));
        show(stepper.stepProperty().get());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = e.getTarget() instanceof javafx.scene.control.TextInputControl;
            if (!typing && e.getCode() == KeyCode.RIGHT) {
                stepper.next();
                e.consume();
            } else if (!typing && e.getCode() == KeyCode.LEFT) {
                stepper.previous();
                e.consume();
            } else if (e.isShortcutDown() && (e.getCode() == KeyCode.ADD || e.getCode() == KeyCode.PLUS)) {
                display.zoomIn(); // the keypad's + and a layout's own +: the menu's accelerator is Ctrl =
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.SUBTRACT) {
                display.zoomOut();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.NUMPAD0) {
                display.resetZoom();
                e.consume();
            }
        });
    }

    /**
     * Builds the window again in the language the View menu chooses, on the same model: the text, the settings, the
     * stage and the selection stay. {@code changed} runs after (the app remembers the choice, retitles the window).
     */
    public static void followLanguage(javafx.scene.Scene scene, WalkthroughModel model,
                                      java.util.function.Consumer<Locale> changed) {
        model.display().languageProperty().addListener((o, a, l) -> {
            org.tokenspace.i18n.I18n.setLocale(l);
            scene.setRoot(new MainView(model));
            changed.accept(l);
        });
    }

    /** A new view of stage {@code s}. */
    static StepView view(Step s, WalkthroughModel model) {
        return switch (s) {
            case TOKENIZE -> new TokenizeView(model);
            case LOOKUP -> new LookupView(model);
            case POSITION -> new PositionView(model);
            case BATCH -> new BatchView(model);
            case PROJECTION -> new ProjectionStepView(model);
            case SCHEMES -> new org.tokenspace.app.steps.SchemesView(model);
            case TRAIN -> new TrainView(model);
            case EXPLORE -> new org.tokenspace.app.steps.ExploreView(model);
        };
    }

    /** The view of one stage (for snapshots and tests). */
    public StepView view(Step s) {
        return views.get(s);
    }

    /** Shows or hides the code panel, built the first time it is asked for (its text areas cost start-up time). */
    private void placeCode(boolean shown) {
        if (shown && code == null) {
            code = new CodePanel(codeModel);
            // 40% of the window; on a projector's 1024 a third, so every stage's two columns still fit beside it
            code.prefWidthProperty().bind(Bindings.when(widthProperty().lessThan(1280))
                    .then(widthProperty().multiply(0.33)).otherwise(widthProperty().multiply(0.4)));
            code.setMinWidth(300);
        }
        setRight(shown ? code : null);
    }

    private void show(Step s) {
        stage.getChildren().setAll(views.get(s)); // entering the scene redraws it
    }
}
