package org.tokenspace.app.steps;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.tokenspace.app.widgets.TokenColors;

/** A token as a chip: its text above its id, on the token's color. */
final class TokenChip extends VBox {
    final int id;

    TokenChip(int id, String label, boolean small) {
        this.id = id;
        Label text = new Label(label);
        Label number = new Label(Integer.toString(id));
        text.getStyleClass().add("chip-text");
        number.getStyleClass().add("chip-id");
        getChildren().addAll(text, number);
        setAlignment(Pos.CENTER);
        getStyleClass().addAll("token-chip", small ? "small" : "large");
        setMinWidth(USE_PREF_SIZE); // a chip never cuts its token: a narrow window scrolls instead
        mark(null);
    }

    /** Outlines the chip: an input of the selected window, a target, or the selected token. */
    void mark(String styleClass) {
        getStyleClass().removeAll("in-window", "target", "selected");
        // the token's own border color only when unmarked: an inline color would hide the mark's
        String border = styleClass == null ? " -fx-border-color: " + web(TokenColors.strong(id)) + ";" : "";
        setStyle("-fx-background-color: " + web(TokenColors.chip(id)) + ";" + border);
        if (styleClass != null) {
            getStyleClass().add(styleClass);
        }
    }

    static String web(javafx.scene.paint.Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }
}
