package org.tokenspace.app.widgets;

import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.tokenspace.i18n.I18n;

import java.util.function.Function;

/** The small control pieces the stages share: a labelled control, a choice box that names its items. */
public final class Controls {
    private Controls() {
    }

    /** {@code control} after the text of {@code key}, the label tied to it. */
    public static HBox labelled(String key, Node control) {
        Label l = new Label(I18n.tr(key));
        l.setLabelFor(control);
        HBox box = new HBox(6, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A choice of {@code items}, each shown as {@code name} says (null: an empty name). */
    public static <T> ChoiceBox<T> choice(String id, T[] items, Function<T, String> name) {
        ChoiceBox<T> box = new ChoiceBox<>(FXCollections.observableArrayList(items));
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        return box;
    }
}
