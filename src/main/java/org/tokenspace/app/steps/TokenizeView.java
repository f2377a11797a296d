package org.tokenspace.app.steps;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tokenspace.app.Selection;
import org.tokenspace.app.Step;
import org.tokenspace.app.Walkthrough;
import org.tokenspace.app.WalkthroughModel;
import org.tokenspace.i18n.I18n;
import org.tokenspace.model.Batch;
import org.tokenspace.model.Gpt2Tokenizer;
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
        Label legend = new Label(I18n.tr("tokenize.legend"));
        legend.getStyleClass().add("step-detail");
        content(stripTitle, strip, legend, scroll);
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
        // whole characters only: the strip starts and ends between characters, not inside one's bytes
        List<Gpt2Tokenizer.CharacterRun> runs = Gpt2Tokenizer.get().characterRuns(r.ids(), Math.max(0, from - 8),
                Math.min(r.ids().length, to + 8));
        for (Gpt2Tokenizer.CharacterRun c : runs) {
            if (c.start() < from && c.end() > from) {
                from = c.start();
            }
            if (c.start() < to && c.end() > to) {
                to = c.end();
            }
        }
        Map<Integer, Gpt2Tokenizer.CharacterRun> runAt = new HashMap<>();
        runs.forEach(run -> runAt.put(run.start(), run));
        HBox run = null;
        int runEnd = -1;
        for (int i = from; i < to; i++) {
            if (runAt.containsKey(i)) { // the byte tokens of one character, bracketed, the character under them
                Gpt2Tokenizer.CharacterRun c = runAt.get(i);
                run = new HBox(2);
                runEnd = c.end();
                Label character = new Label(c.text().strip());
                character.getStyleClass().add("char-run-text");
                VBox group = new VBox(1, run, character);
                group.setAlignment(javafx.geometry.Pos.CENTER);
                group.getStyleClass().add("char-run");
                Tooltip.install(group, new Tooltip(I18n.tr("tokenize.charRun", c.text().strip(), c.end() - c.start(),
                        codePoints(c.text().strip()))));
                strip.getChildren().add(group);
            }
            TokenChip chip = new TokenChip(r.ids()[i], r.tables().label(r.ids()[i]), false);
            int pos = i - start;
            if (pos >= 0 && pos < st.maxLength()) {
                chip.mark(s.inBatch() && pos == s.position() ? "selected" : "in-window");
            } else if (pos == st.maxLength()) {
                chip.mark("target");
            }
            int index = i;
            chip.setOnMouseClicked(e -> selectTokenAt(r, index));
            (run != null && i < runEnd ? run.getChildren() : strip.getChildren()).add(chip);
        }

        windows.getChildren().clear();
        for (int b = 0; b < batch.batchSize(); b++) {
            Label name = new Label(I18n.tr("tokenize.window", batch.windows()[b]));
            name.getStyleClass().add(b == row ? "window-name-selected" : "window-name");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            windows.add(name, 0, b);
            windows.add(chips(r, batch.inputs()[b], b, s), 1, b);
            Label arrow = new Label("→");
            arrow.getStyleClass().add("arrow");
            windows.add(arrow, 2, b);
            windows.add(chips(r, batch.targets()[b], -1, s), 3, b);
        }
    }

    /** {@code U+D1A0 U+D070}: the code points of a text. */
    private static String codePoints(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(out.length() == 0 ? "" : " ").append(String.format("U+%04X", c)));
        return out.toString();
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
