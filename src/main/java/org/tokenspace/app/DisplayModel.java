package org.tokenspace.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * How the window presents itself: the zoom (every text, plot and point label grows with it, for a lecture hall),
 * full screen, and whether the settings panel is shown. A presenter's state, not the walkthrough's.
 */
public final class DisplayModel {
    /** The zoom levels Ctrl + and Ctrl − step through. */
    static final double[] LEVELS = {0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5, 3.0};

    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1.0);
    private final BooleanProperty fullScreen = new SimpleBooleanProperty(this, "fullScreen", false);
    private final BooleanProperty settingsShown = new SimpleBooleanProperty(this, "settingsShown", true);
    private final javafx.beans.property.ObjectProperty<java.util.Locale> language =
            new javafx.beans.property.SimpleObjectProperty<>(this, "language", org.tokenspace.i18n.I18n.locale());

    /** The next larger level. */
    public void zoomIn() {
        for (double l : LEVELS) {
            if (l > zoom.get() + 1e-9) {
                zoom.set(l);
                return;
            }
        }
    }

    /** The next smaller level. */
    public void zoomOut() {
        for (int i = LEVELS.length - 1; i >= 0; i--) {
            if (LEVELS[i] < zoom.get() - 1e-9) {
                zoom.set(LEVELS[i]);
                return;
            }
        }
    }

    public void resetZoom() {
        zoom.set(1.0);
    }

    /** Sets the zoom, kept within the levels' range (for {@code snapshot --zoom}). */
    public void setZoom(double z) {
        zoom.set(Math.max(LEVELS[0], Math.min(LEVELS[LEVELS.length - 1], z)));
    }

    /** 1 is the normal size; the root font size is {@code 14 px x zoom}. */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public BooleanProperty fullScreenProperty() {
        return fullScreen;
    }

    /** The window's language: the window is built again in it, with the same state. */
    public javafx.beans.property.ObjectProperty<java.util.Locale> languageProperty() {
        return language;
    }

    public BooleanProperty settingsShownProperty() {
        return settingsShown;
    }
}
