package org.tokenspace.app;

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

import java.util.EnumMap;
import java.util.Map;

/** The window's content: stepper on top, settings on the left, the current stage in the middle. */
public final class MainView extends BorderPane {
    private final WalkthroughModel model;
    private final Map<Step, StepView> views = new EnumMap<>(Step.class);
    private final StackPane stage = new StackPane();
    private final BatchView batch;

    public MainView(WalkthroughModel model) {
        this.model = model;
        getStyleClass().add("main-view");
        getStylesheets().add(MainView.class.getResource("tokenspace.css").toExternalForm());
        batch = new BatchView(model);
        views.put(Step.TOKENIZE, new TokenizeView(model));
        views.put(Step.LOOKUP, new LookupView(model));
        views.put(Step.POSITION, new PositionView(model));
        views.put(Step.BATCH, batch);
        views.put(Step.PROJECTION, new ProjectionStepView(model));
        setTop(new StepperBar(model, this::previous, this::next,
                new AppMenu(model, () -> views.get(model.stepProperty().get()))));
        setBottom(new StatusBar(model));
        ScrollPane settings = new ScrollPane(new SettingsPanel(model));
        settings.setFitToWidth(true);
        settings.getStyleClass().add("settings-scroll");
        setLeft(settings);
        setCenter(stage);
        model.stepProperty().addListener((o, a, s) -> show(s));
        show(model.stepProperty().get());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = e.getTarget() instanceof javafx.scene.control.TextInputControl;
            if (!typing && e.getCode() == KeyCode.RIGHT) {
                next();
                e.consume();
            } else if (!typing && e.getCode() == KeyCode.LEFT) {
                previous();
                e.consume();
            }
        });
    }

    /** The view of one stage (for snapshots and tests). */
    public StepView view(Step s) {
        return views.get(s);
    }

    private void show(Step s) {
        stage.getChildren().setAll(views.get(s)); // entering the scene redraws it
    }

    /** Next: within the batch stage, first stacks the windows one by one; then the next stage. */
    void next() {
        Step s = model.stepProperty().get();
        Walkthrough w = model.stateProperty().get();
        if (s == Step.POSITION && w != null) {
            batch.rowsShownProperty().set(1); // the batch stage starts by stacking its first window
        }
        if (s == Step.BATCH && w != null && batch.rowsShownProperty().get() < w.result().batch().batchSize()) {
            batch.rowsShownProperty().set(batch.rowsShownProperty().get() + 1);
            return;
        }
        model.stepProperty().set(s == Step.PROJECTION ? Step.TOKENIZE : s.next());
    }

    void previous() {
        Step s = model.stepProperty().get();
        if (s == Step.BATCH && batch.rowsShownProperty().get() > 1
                && batch.rowsShownProperty().get() != Integer.MAX_VALUE) {
            batch.rowsShownProperty().set(batch.rowsShownProperty().get() - 1);
            return;
        }
        batch.rowsShownProperty().set(Integer.MAX_VALUE);
        model.stepProperty().set(s.previous());
    }
}
