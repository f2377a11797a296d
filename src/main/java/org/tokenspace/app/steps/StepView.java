package org.tokenspace.app.steps;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tokenspace.app.Selection;
import org.tokenspace.app.Step;
import org.tokenspace.app.Walkthrough;
import org.tokenspace.app.WalkthroughModel;
import org.tokenspace.i18n.I18n;

/**
 * One stage of the walkthrough: a caption that says what happens and the tensor shape, above the stage's content.
 * Redraws whenever the computed state or the selection changes.
 */
public abstract class StepView extends VBox {
    protected final WalkthroughModel model;
    private final Label caption = new Label();
    private final Label detail = new Label();

    protected StepView(WalkthroughModel model, Step step) {
        this.model = model;
        Label title = new Label(I18n.tr("step.heading", Step.name(step), step.summary()));
        title.getStyleClass().add("step-title");
        caption.getStyleClass().add("step-caption");
        caption.setId("caption");
        caption.setWrapText(true);
        detail.getStyleClass().add("step-detail");
        detail.setWrapText(true);
        setSpacing(8);
        setPadding(new Insets(14, 18, 14, 18));
        getStyleClass().add("step-view");
        title.setWrapText(true);
        for (Label l : new Label[] {title, caption, detail}) {
            l.setMinHeight(Region.USE_PREF_SIZE); // wrapped text keeps all its lines when space is short
        }
        getChildren().addAll(title, caption, detail);
        model.walkthroughProperty().addListener((o, a, b) -> refresh());
        sceneProperty().addListener((o, a, b) -> refresh()); // shown: draw what changed while away
    }

    /** Adds the stage's content below the caption; the last node added grows. */
    protected void content(Node... nodes) {
        for (Node n : nodes) {
            if (n instanceof Label l) { // a title wraps rather than being cut, and keeps its lines
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
            }
        }
        getChildren().addAll(nodes);
        VBox.setVgrow(nodes[nodes.length - 1], Priority.ALWAYS);
    }

    protected void setCaption(String text) {
        caption.setText(text);
    }

    protected void setDetail(String text) {
        detail.setText(text);
    }

    /** Redraws from the model's current state; a view that is not on screen waits until it is shown. */
    public final void refresh() {
        Walkthrough w = model.walkthroughProperty().get();
        if (getScene() == null) {
            return;
        }
        if (w == null) {
            setCaption(I18n.tr("step.computing")); // the window's first moments: a skeleton, not a blank
            return;
        }
        update(w, w.selection());
    }

    /** Draws {@code w}; {@code s} is its selection. */
    protected abstract void update(Walkthrough w, Selection s);
}
