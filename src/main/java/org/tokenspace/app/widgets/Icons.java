package org.tokenspace.app.widgets;

import javafx.scene.layout.Region;

/**
 * Drawn icons (CSS shapes sized in em), so they draw on any machine whatever its fonts have, and grow with the zoom.
 * Their shapes and colours are in {@code tokenspace.css} ({@code .icon-play}, ...).
 */
public final class Icons {
    private Icons() {
    }

    public static Region play() {
        return icon("icon-play");
    }

    public static Region pause() {
        return icon("icon-pause");
    }

    public static Region back() {
        return icon("icon-back");
    }

    public static Region next() {
        return icon("icon-next");
    }

    private static Region icon(String name) {
        Region r = new Region();
        r.getStyleClass().addAll("icon", name);
        return r;
    }
}
