package org.tokenspace.view;

import org.tokenspace.i18n.I18n;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/** The point view's own controls: the token search field and the projection switch (3D, Ortho, 2D). */
final class ViewControls extends HBox {
    private static final String BUTTON = "-fx-background-color: %s; -fx-text-fill: #e8ebf2; -fx-font-size: 0.93em;"
            + " -fx-background-radius: 5; -fx-padding: 4 10 4 10;";

    ViewControls(StringProperty search, ObjectProperty<ViewMode> mode) {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6));
        // the bundled face named here too: drawn alone (the cloud command) the view has no window to inherit it from
        setStyle("-fx-background-color: rgba(11,13,18,0.78); -fx-background-radius: 8; -fx-font-family: \""
                + FontScale.SANS + "\";");
        TextField field = new TextField();
        field.setId("point-search");
        field.setPromptText(I18n.tr("cloud.search"));
        field.setPrefColumnCount(14);
        field.setStyle("-fx-background-color: #1c212b; -fx-text-fill: #f2f4f8; -fx-prompt-text-fill: #7d8699;"
                + " -fx-font-size: 0.93em; -fx-background-radius: 5;");
        field.textProperty().bindBidirectional(search);
        getChildren().add(field);
        ToggleGroup group = new ToggleGroup();
        for (ViewMode m : ViewMode.values()) {
            ToggleButton b = new ToggleButton(switch (m) {
                case PERSPECTIVE -> "3D";
                case ORTHOGRAPHIC -> I18n.tr("cloud.ortho");
                case FLAT_2D -> "2D";
            });
            b.setId("mode-" + m.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(group);
            b.setUserData(m);
            b.setFocusTraversable(false);
            b.selectedProperty().addListener((o, was, now) -> b.setStyle(String.format(BUTTON, now ? "#3d6fd6" : "#262c37")));
            b.setStyle(String.format(BUTTON, "#262c37"));
            b.setSelected(mode.get() == m);
            b.setOnAction(e -> {
                mode.set(m);
                b.setSelected(true);
            });
            getChildren().add(b);
        }
        mode.addListener((o, was, now) -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == now)));
    }
}
