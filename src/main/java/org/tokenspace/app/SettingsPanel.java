package org.tokenspace.app;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.tokenspace.model.Settings;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.model.TorchGenerator;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings: the text (sample, a file, or pasted), the seed and every size. A value is applied when the user
 * presses Enter or leaves the field; a value that cannot work is named in the panel and the last good settings stay.
 */
final class SettingsPanel extends VBox {
    /** The book's {@code Embedding(6, 3)} example: its ids {@code [2, 3, 5, 1]}, and 0 as the last target. */
    static final String BOOK_TEXT = org.tokenspace.model.Book.TEXT;
    static final Settings BOOK = org.tokenspace.model.Book.SETTINGS;

    private final WalkthroughModel model;
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final CheckBox shuffle = new CheckBox("shuffle");
    private final TextArea text = new TextArea();
    private final Label message = new Label();
    private final Label textNote = new Label();
    private static final int EDITABLE = 200_000;

    SettingsPanel(WalkthroughModel model) {
        this.model = model;
        setSpacing(8);
        setPadding(new Insets(12));
        setPrefWidth(300);
        getStyleClass().add("settings-panel");
        Label title = new Label("Settings");
        title.getStyleClass().add("panel-title");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        String[] names = {"seed", "vocabSize", "embeddingDim", "contextLength", "batchSize", "maxLength", "stride",
            "batch"};
        for (int i = 0; i < names.length; i++) {
            TextField f = new TextField();
            f.setId(names[i]);
            f.setPrefColumnCount(8);
            f.setOnAction(e -> apply());
            f.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    apply();
                }
            });
            fields.put(names[i], f);
            grid.addRow(i, new Label(names[i].equals("batch") ? "batch #" : names[i]), f);
        }
        shuffle.setId("shuffle");
        shuffle.setOnAction(e -> apply());
        grid.add(shuffle, 1, names.length);

        message.setId("settings-error");
        message.getStyleClass().add("inline-error");
        message.setWrapText(true);
        message.textProperty().bind(model.errorProperty());

        text.setId("text");
        text.setWrapText(true);
        text.setPrefRowCount(9);
        text.focusedProperty().addListener((o, was, is) -> {
            if (!is && text.isEditable() && !text.getText().equals(model.textProperty().get())) {
                model.setTypedText(text.getText());
            }
        });
        Button sample = new Button("Sample text");
        sample.setOnAction(e -> setText(SampleText.TEXT));
        Button open = new Button("Open…");
        open.setId("open-text");
        open.setOnAction(e -> openFile());
        Button book = new Button("Book: Embedding(6, 3)");
        book.setId("book-preset");
        book.setOnAction(e -> {
            model.settingsProperty().set(BOOK);
            setText(BOOK_TEXT);
        });
        Button defaults = new Button("Course defaults");
        defaults.setId("defaults-preset");
        defaults.setOnAction(e -> {
            model.settingsProperty().set(Settings.DEFAULTS);
            setText(SampleText.TEXT);
        });
        Label textTitle = new Label("Text");
        textTitle.getStyleClass().add("panel-title");
        book.setMaxWidth(Double.MAX_VALUE);
        defaults.setMaxWidth(Double.MAX_VALUE);
        Label presets = new Label("Presets");
        presets.getStyleClass().add("panel-title");
        getChildren().addAll(title, grid, message, presets, book, defaults, textTitle, text, textNote,
                new HBox(6, sample, open));
        model.settingsProperty().addListener((o, a, b) -> show(b));
        model.textProperty().addListener((o, a, b) -> showText(b));
        show(model.settingsProperty().get());
        showText(model.textProperty().get());
    }

    /** A text area holds a text up to {@link #EDITABLE} characters; a longer one is shown in part, read-only. */
    private void showText(String t) {
        boolean whole = t.length() <= EDITABLE;
        text.setEditable(whole);
        text.setText(whole ? t : t.substring(0, EDITABLE));
        textNote.setText(whole ? "" : String.format("showing the first %,d of %,d characters (read-only)", EDITABLE,
                t.length()));
    }

    private void setText(String t) {
        text.setText(t);
        model.setTypedText(t);
    }

    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a UTF-8 text file");
        File f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            model.openTextFile(f.toPath()); // in the background, with progress and Cancel
        }
    }

    private void show(Settings s) {
        fields.get("seed").setText(Long.toString(s.seed()));
        fields.get("vocabSize").setText(Integer.toString(s.vocabSize()));
        fields.get("embeddingDim").setText(Integer.toString(s.embeddingDim()));
        fields.get("contextLength").setText(Integer.toString(s.contextLength()));
        fields.get("batchSize").setText(Integer.toString(s.batchSize()));
        fields.get("maxLength").setText(Integer.toString(s.maxLength()));
        fields.get("stride").setText(Integer.toString(s.stride()));
        fields.get("batch").setText(Integer.toString(s.batchIndex()));
        shuffle.setSelected(s.shuffle());
    }

    /** Reads every field; applies them if each is a number, else names the field that is not. */
    void apply() {
        try {
            Settings s = new Settings(TorchGenerator.parseSeed(fields.get("seed").getText()), size("vocabSize"), size("embeddingDim"),
                    size("contextLength"), size("batchSize"), size("maxLength"), size("stride"), shuffle.isSelected(),
                    model.settingsProperty().get().dropLast(), model.settingsProperty().get().epoch(),
                    size("batch"), model.settingsProperty().get().kernel());
            if (!s.equals(model.settingsProperty().get())) {
                model.settingsProperty().set(s);
            }
        } catch (TokenSpaceException e) {
            model.reportError(e.getMessage());
        }
    }

    private int size(String name) {
        String v = fields.get(name).getText().trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new TokenSpaceException((name.equals("batch") ? "batch #" : name) + " '" + v
                    + "' is not a whole number: type one from 1 to " + Integer.MAX_VALUE);
        }
    }

}
