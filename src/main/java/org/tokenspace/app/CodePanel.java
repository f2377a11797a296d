package org.tokenspace.app;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tokenspace.i18n.I18n;

/**
 * The current stage's PyTorch script and what it prints, beside the stage; Copy puts the script on the clipboard,
 * ready for a notebook. Bound to the {@link CodeModel}.
 */
final class CodePanel extends VBox {
    CodePanel(CodeModel code) {
        setId("code-panel");
        getStyleClass().add("code-panel");
        setSpacing(6);
        setPadding(new Insets(10, 12, 10, 12));
        Label title = new Label(I18n.tr("code.title"));
        title.getStyleClass().add("panel-title");
        Button copy = new Button(I18n.tr("code.copy"));
        copy.setId("code-copy");
        copy.disableProperty().bind(code.scriptProperty().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(code.scriptProperty().get());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Button close = new Button(I18n.tr("code.close"));
        close.setId("code-close");
        close.setOnAction(e -> code.shownProperty().set(false));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, copy, close);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label note = new Label();
        note.setId("code-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.textProperty().bind(code.noteProperty());
        note.visibleProperty().bind(code.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        TextArea script = area("code-script", code.scriptProperty());
        Label prints = new Label(I18n.tr("code.prints"));
        prints.getStyleClass().add("code-prints");
        TextArea output = area("code-output", code.outputProperty());
        VBox.setVgrow(script, Priority.ALWAYS);
        VBox.setVgrow(output, Priority.ALWAYS);
        getChildren().addAll(head, note, script, prints, output);
    }

    private static TextArea area(String id, javafx.beans.value.ObservableStringValue text) {
        TextArea a = new TextArea();
        a.setId(id);
        a.getStyleClass().addAll("code-text", "mono");
        a.setEditable(false);
        a.setWrapText(false);
        a.setPrefRowCount(8);
        a.textProperty().bind(text);
        return a;
    }
}
