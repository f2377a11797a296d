package org.tokenspace.app;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.tokenspace.code.PyHighlight;
import org.tokenspace.i18n.I18n;

import java.util.Collection;
import java.util.List;

/**
 * The current stage's PyTorch script, coloured, and what it prints, beside the stage; Copy puts the script on the
 * clipboard, ready for a notebook. Bound to the {@link CodeModel}.
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
        Node script = area("code-script", code.scriptProperty(), true);
        Label prints = new Label(I18n.tr("code.prints"));
        prints.getStyleClass().add("code-prints");
        Node output = area("code-output", code.outputProperty(), false);
        VBox.setVgrow(script, Priority.ALWAYS);
        VBox.setVgrow(output, Priority.ALWAYS);
        getChildren().addAll(head, note, script, prints, output);
    }

    /**
     * A selectable, read-only page of monospace text that follows {@code text}; the script is coloured as
     * {@link PyHighlight} reads it, the printout is left plain.
     */
    private static Node area(String id, javafx.beans.value.ObservableStringValue text, boolean python) {
        CodeArea a = new CodeArea();
        a.setId(id);
        a.getStyleClass().addAll("code-text", "mono");
        a.setEditable(false);
        a.setWrapText(false);
        java.util.function.Consumer<String> show = s -> {
            a.replaceText(s == null ? "" : s);
            if (python) {
                a.setStyleSpans(0, styles(a.getText()));
            }
            a.moveTo(0);
            a.requestFollowCaret();
        };
        show.accept(text.get());
        text.addListener((obs, was, now) -> show.accept(now));
        VirtualizedScrollPane<CodeArea> pane = new VirtualizedScrollPane<>(a);
        pane.getStyleClass().add("code-scroll");
        pane.setPrefHeight(160);
        return pane;
    }

    private static StyleSpans<Collection<String>> styles(String script) {
        StyleSpansBuilder<Collection<String>> out = new StyleSpansBuilder<>();
        for (PyHighlight.Span s : PyHighlight.spans(script)) {
            out.add(s.kind() == PyHighlight.Kind.PLAIN ? List.of() : List.of(s.kind().styleClass()), s.length());
        }
        if (script.isEmpty()) {
            out.add(List.of(), 0);
        }
        return out.create();
    }
}
