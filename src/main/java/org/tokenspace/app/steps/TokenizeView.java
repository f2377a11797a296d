package org.tokenspace.app.steps;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tokenspace.app.Selection;
import org.tokenspace.app.Step;
import org.tokenspace.app.Walkthrough;
import org.tokenspace.app.WalkthroughModel;
import org.tokenspace.i18n.I18n;
import org.tokenspace.model.Batch;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.Settings;
import org.tokenspace.model.SlidingWindows;

/**
 * Stage 1: the text as token chips, the current batch's windows marked over them, and each window's inputs beside
 * its targets, shifted by one token.
 */
public final class TokenizeView extends StepView {
    private static final int CONTEXT = 12;
    private static final int MAX_CHIPS = 140;

    private final FlowPane strip = new FlowPane(4, 6);
    private final GridPane windows = new GridPane();

    public TokenizeView(WalkthroughModel model) {
        super(model, Step.TOKENIZE);
        strip.setId("token-strip");
        strip.getStyleClass().add("token-strip");
        windows.setId("window-table");
        windows.setHgap(10);
        windows.setVgap(6);
        Label stripTitle = new Label(I18n.tr("tokenize.stripTitle"));
        stripTitle.getStyleClass().add("panel-title");
        Label windowsTitle = new Label(I18n.tr("tokenize.windowsTitle"));
        windowsTitle.getStyleClass().add("panel-title");
        ScrollPane scroll = new ScrollPane(new VBox(10, windowsTitle, windows));
        scroll.setFitToWidth(true);
        content(stripTitle, strip, scroll);
    }

    @Override
    protected void update(Walkthrough w, Selection s) {
        PipelineResult r = w.result();
        Settings st = r.settings();
        SlidingWindows sw = r.windows();
        Batch batch = r.batch();
        setCaption(I18n.tr("tokenize.caption", r.ids().length, st.maxLength(), st.stride(), sw.size(),
                st.batchIndex() + 1, r.batchCount(), batch.batchSize(), batch.maxLength()));
        int row = s.inBatch() ? s.row() : 0;
        int start = sw.start(batch.windows()[row]);
        setDetail(I18n.tr("tokenize.detail", batch.windows()[row], row, start, st.maxLength(), start + 1));

        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(r.ids().length, Math.max(start + st.maxLength() + 1 + CONTEXT, from + 48));
        to = Math.min(to, from + MAX_CHIPS);
        strip.getChildren().clear();
        for (int i = from; i < to; i++) {
            TokenChip chip = new TokenChip(r.ids()[i], r.tables().label(r.ids()[i]), false);
            int pos = i - start;
            if (pos >= 0 && pos < st.maxLength()) {
                chip.mark(s.inBatch() && pos == s.position() ? "selected" : "in-window");
            } else if (pos == st.maxLength()) {
                chip.mark("target");
            }
            int index = i;
            chip.setOnMouseClicked(e -> selectTokenAt(r, index));
            strip.getChildren().add(chip);
        }

        windows.getChildren().clear();
        for (int b = 0; b < batch.batchSize(); b++) {
            Label name = new Label(I18n.tr("tokenize.window", batch.windows()[b]));
            name.getStyleClass().add(b == row ? "window-name-selected" : "window-name");
            windows.add(name, 0, b);
            windows.add(chips(r, batch.inputs()[b], b, s), 1, b);
            Label arrow = new Label("→");
            arrow.getStyleClass().add("arrow");
            windows.add(arrow, 2, b);
            windows.add(chips(r, batch.targets()[b], -1, s), 3, b);
        }
    }

    private HBox chips(PipelineResult r, int[] ids, int batchRow, Selection s) {
        HBox box = new HBox(3);
        box.setPadding(new Insets(0));
        for (int t = 0; t < ids.length; t++) {
            TokenChip chip = new TokenChip(ids[t], r.tables().label(ids[t]), true);
            if (batchRow >= 0) {
                int position = t;
                chip.setId("window-" + batchRow + "-" + t);
                chip.setOnMouseClicked(e -> model.select(batchRow, position));
                if (s.row() == batchRow && s.position() == t) {
                    chip.mark("selected");
                }
            }
            box.getChildren().add(chip);
        }
        return box;
    }

    private void selectTokenAt(PipelineResult r, int index) {
        Batch batch = r.batch();
        for (int b = 0; b < batch.batchSize(); b++) {
            int start = r.windows().start(batch.windows()[b]);
            if (index >= start && index < start + batch.maxLength()) {
                model.select(b, index - start);
                return;
            }
        }
        model.selectId(r.ids()[index]);
    }
}
