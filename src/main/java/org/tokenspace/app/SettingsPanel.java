package org.tokenspace.app;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.tokenspace.i18n.I18n;
import org.tokenspace.model.Preset;
import org.tokenspace.model.Settings;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.model.TorchGenerator;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings: every size and loader option, the presets, and the text (sample, a file, or typed). A field applies
 * on Enter or when it loses focus; typed text applies after a short pause. A value that cannot work is named under
 * the fields and the last good state stays. While tables from a file are in use, their shape fills the size fields,
 * read-only.
 */
final class SettingsPanel extends VBox {
    /** The fields, in order: their ids are the course's names. */
    private static final List<String> FIELDS = List.of("seed", "vocabSize", "embeddingDim", "contextLength",
            "batchSize", "maxLength", "stride", "epoch", "batch");
    /** The fields a loaded table's shape decides. */
    private static final List<String> TABLE_FIELDS = List.of("vocabSize", "embeddingDim", "contextLength");
    private static final int EDITABLE = 200_000;

    private final WalkthroughModel model;
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final CheckBox shuffle = new CheckBox(I18n.tr("settings.shuffle"));
    private final CheckBox dropLast = new CheckBox(I18n.tr("settings.dropLast"));
    private final TextArea text = new TextArea();
    private final Label textNote = new Label();
    private final Label tablesNote = new Label();
    private final PauseTransition typing = new PauseTransition(Duration.millis(700));

    SettingsPanel(WalkthroughModel model) {
        this.model = model;
        setSpacing(8);
        setPadding(new Insets(12));
        setPrefWidth(300);
        getStyleClass().add("settings-panel");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        for (int i = 0; i < FIELDS.size(); i++) {
            String name = FIELDS.get(i);
            TextField f = new TextField();
            f.setId(name);
            f.setPrefColumnCount(6);
            f.setOnAction(e -> apply());
            f.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    apply();
                }
            });
            f.setTooltip(new Tooltip(I18n.tr("settings." + name + ".tip")));
            fields.put(name, f);
            Label label = new Label(I18n.tr("settings." + name));
            label.setLabelFor(f);
            grid.addRow(i, label, f);
        }
        shuffle.setId("shuffle");
        shuffle.setTooltip(new Tooltip(I18n.tr("settings.shuffle.tip")));
        shuffle.setOnAction(e -> apply());
        dropLast.setId("dropLast");
        dropLast.setTooltip(new Tooltip(I18n.tr("settings.dropLast.tip")));
        dropLast.setOnAction(e -> apply());
        dropLast.setWrapText(true);
        dropLast.setMnemonicParsing(false); // drop_last: the underscore is part of the name
        shuffle.setMnemonicParsing(false);
        grid.add(shuffle, 0, FIELDS.size(), 2, 1);
        grid.add(dropLast, 0, FIELDS.size() + 1, 2, 1);

        Label problem = new Label();
        problem.setId("settings-error");
        problem.getStyleClass().add("inline-error");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());

        tablesNote.setId("tables-note");
        tablesNote.setWrapText(true);
        Button seeded = new Button(I18n.tr("settings.useSeeded"));
        seeded.setId("use-seeded");
        seeded.setMaxWidth(Double.MAX_VALUE);
        seeded.setOnAction(e -> model.useSeededTables());
        VBox tables = new VBox(6, tablesNote, seeded);
        tables.visibleProperty().bind(model.loadedProperty().isNotNull());
        tables.managedProperty().bind(tables.visibleProperty());

        Button book = new Button(I18n.tr("settings.bookPreset"));
        book.setId("book-preset");
        book.setOnAction(e -> model.apply(Preset.BOOK));
        Button defaults = new Button(I18n.tr("settings.coursePreset"));
        defaults.setId("defaults-preset");
        defaults.setOnAction(e -> model.apply(Preset.course(SampleText.TEXT)));
        book.setMaxWidth(Double.MAX_VALUE);
        defaults.setMaxWidth(Double.MAX_VALUE);

        text.setId("text");
        text.setWrapText(true);
        text.setPrefRowCount(9);
        typing.setOnFinished(e -> applyText());
        text.textProperty().addListener((o, a, b) -> {
            if (text.isEditable() && !b.equals(model.textProperty().get())) {
                typing.playFromStart(); // applied once typing pauses
            }
        });
        text.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                applyText();
            }
        });
        Button sample = new Button(I18n.tr("settings.sampleText"));
        sample.setOnAction(e -> model.setText(SampleText.TEXT));
        Button open = new Button(I18n.tr("settings.openText"));
        open.setId("open-text");
        open.setOnAction(e -> openFile());
        textNote.setWrapText(true);

        getChildren().addAll(title("settings.title"), grid, problem, tables, title("settings.presets"), book, defaults,
                title("settings.text"), text, textNote, new FlowPane(6, 6, sample, open));
        model.settingsProperty().addListener((o, a, b) -> show());
        model.loadedProperty().addListener((o, a, b) -> show());
        model.textProperty().addListener((o, a, b) -> showText(b));
        show();
        showText(model.textProperty().get());
    }

    private static Label title(String key) {
        Label l = new Label(I18n.tr(key));
        l.getStyleClass().add("panel-title");
        return l;
    }

    /** A text area holds a text up to {@link #EDITABLE} characters; a longer one is shown in part, read-only. */
    private void showText(String t) {
        typing.stop();
        boolean whole = t.length() <= EDITABLE;
        text.setEditable(whole);
        if (!text.getText().equals(whole ? t : t.substring(0, EDITABLE))) {
            text.setText(whole ? t : t.substring(0, EDITABLE));
        }
        textNote.setText(whole ? "" : I18n.tr("settings.textPart", EDITABLE, t.length()));
    }

    private void applyText() {
        typing.stop();
        if (text.isEditable() && !text.getText().equals(model.textProperty().get())) {
            model.setText(text.getText());
        }
    }

    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.tr("settings.openTextTitle"));
        File f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            model.openTextFile(f.toPath()); // in the background, with progress and Cancel
        }
    }

    /** The settings in the fields; a loaded table's shape (read-only) in place of the sizes it decides. */
    private void show() {
        Settings s = model.settingsProperty().get();
        LoadedTables loaded = model.loadedProperty().get();
        if (loaded != null) { // the loaded tables' shape, whatever the state on screen
            s = s.withTables(Math.toIntExact(loaded.tables().vocabSize()),
                    Math.toIntExact(loaded.tables().embeddingDim()), Math.toIntExact(loaded.tables().contextLength()));
        }
        Map<String, Number> values = new LinkedHashMap<>();
        values.put("seed", s.seed());
        values.put("vocabSize", s.vocabSize());
        values.put("embeddingDim", s.embeddingDim());
        values.put("contextLength", s.contextLength());
        values.put("batchSize", s.batchSize());
        values.put("maxLength", s.maxLength());
        values.put("stride", s.stride());
        values.put("epoch", s.epoch());
        values.put("batch", s.batchIndex());
        values.forEach((k, v) -> fields.get(k).setText(k.equals("seed") ? Long.toUnsignedString(v.longValue())
                : v.toString()));
        for (String k : TABLE_FIELDS) {
            fields.get(k).setEditable(loaded == null);
            fields.get(k).pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("read-only"), loaded != null);
        }
        tablesNote.setText(loaded == null ? "" : I18n.tr("settings.tablesLoaded", loaded.description()));
        shuffle.setSelected(s.shuffle());
        dropLast.setSelected(s.dropLast());
    }

    /** Reads every field; applies them if each is a number, else names the field that is not. */
    void apply() {
        try {
            Settings current = model.settingsProperty().get();
            Settings.Builder b = current.toBuilder()
                    .seed(TorchGenerator.parseSeed(fields.get("seed").getText()))
                    .batchSize(size("batchSize")).maxLength(size("maxLength")).stride(size("stride"))
                    .epoch(size("epoch")).batchIndex(size("batch"))
                    .shuffle(shuffle.isSelected()).dropLast(dropLast.isSelected());
            if (model.loadedProperty().get() == null) {
                b.vocabSize(size("vocabSize")).embeddingDim(size("embeddingDim")).contextLength(size("contextLength"));
            }
            Settings s = b.build();
            if (!s.equals(current)) {
                model.setSettings(s);
            }
        } catch (TokenSpaceException e) {
            model.reportProblem(e.getMessage());
        }
    }

    private int size(String name) {
        String v = fields.get(name).getText().trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            int min = name.equals("epoch") || name.equals("batch") ? 0 : 1;
            throw new TokenSpaceException(I18n.tr("settings.notWhole", I18n.tr("settings." + name), v, min,
                    Integer.MAX_VALUE));
        }
    }
}
