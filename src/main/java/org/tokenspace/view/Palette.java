package org.tokenspace.view;

/**
 * The view's colors (dark theme), as opaque ARGB ints: the faint base cloud in {@value #CLASSES} hues (a cool-to-warm
 * ramp along the third coordinate), each in {@value #LEVELS} depth shades from near (bright) to far (close to the
 * background), and the bright overlay colors.
 */
public final class Palette {
    public static final int CLASSES = 8;
    public static final int LEVELS = 16;
    public static final int BACKGROUND = 0xFF101318;
    public static final int GRID = 0xFF262C37;
    public static final int GRID_MAJOR = 0xFF353D4B;
    public static final int HIGHLIGHT = 0xFFFF4FD8;
    public static final int SELECTED = 0xFFFFFFFF;
    private static final int[] HUES = {
        0xFF4A6CD4, 0xFF4F8FE0, 0xFF45B3D6, 0xFF4CC7A8, 0xFF8BD17C, 0xFFC8D166, 0xFFEAB75A, 0xFFF08C5A};

    /** {@code [class * LEVELS + level]}: level 0 is nearest. */
    private final int[] shades = new int[CLASSES * LEVELS];

    public Palette() {
        for (int c = 0; c < CLASSES; c++) {
            for (int l = 0; l < LEVELS; l++) {
                // near points keep 80% of their hue, far ones 28%: a faint cloud under bright overlays
                double keep = 0.80 - 0.52 * l / (LEVELS - 1.0);
                shades[c * LEVELS + l] = mix(BACKGROUND, HUES[c], keep);
            }
        }
    }

    /** The base color of class {@code c}, fully bright. */
    public static int hue(int c) {
        return HUES[c];
    }

    int shade(int cls, int level) {
        return shades[cls * LEVELS + level];
    }

    int[] shades() {
        return shades;
    }

    /** {@code a + (b - a) t} per channel, opaque. */
    public static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 255) + (((b >> 16) & 255) - ((a >> 16) & 255)) * t);
        int g = (int) Math.round(((a >> 8) & 255) + (((b >> 8) & 255) - ((a >> 8) & 255)) * t);
        int bl = (int) Math.round((a & 255) + ((b & 255) - (a & 255)) * t);
        return 0xFF000000 | (r << 16) | (g << 8) | bl;
    }
}
