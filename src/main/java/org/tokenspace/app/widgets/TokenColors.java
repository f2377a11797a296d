package org.tokenspace.app.widgets;

import javafx.scene.paint.Color;

/** One color per token id (golden-ratio hues), and the diverging scale for values. */
public final class TokenColors {
    private TokenColors() {
    }

    /** A light background for a token chip. */
    public static Color chip(int id) {
        return Color.hsb(hue(id), 0.28, 0.98);
    }

    /** A saturated color for the same token: borders, points, arrows. */
    public static Color strong(int id) {
        return Color.hsb(hue(id), 0.75, 0.72);
    }

    private static double hue(int id) {
        return (id * 0.6180339887498949 % 1.0) * 360;
    }

    /** Blue for negative, white at zero, red for positive; {@code v / limit} clipped to [-1, 1]. */
    public static Color diverging(double v, double limit) {
        double t = Math.max(-1, Math.min(1, v / limit));
        Color neg = Color.rgb(33, 102, 172);
        Color pos = Color.rgb(178, 24, 43);
        return t < 0 ? Color.WHITE.interpolate(neg, -t) : Color.WHITE.interpolate(pos, t);
    }

    /** The same scale as a packed ARGB int, for pixel writers. */
    public static int divergingArgb(double v, double limit) {
        Color c = diverging(v, limit);
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
