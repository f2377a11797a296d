package org.tokenspace.app.widgets;

import org.tokenspace.model.TorchFormat;

/** Values as PyTorch prints them, and their exact form for hover texts. */
public final class Numbers {
    private Numbers() {
    }

    /** 4 decimals, as PyTorch prints a float tensor. */
    public static String short4(float v) {
        return TorchFormat.fixed(v);
    }

    /** The float32 value exactly, as Python prints {@code float(x)}: the shortest decimal that reads back the same. */
    public static String exact(float v) {
        return Double.toString(v);
    }

    /**
     * {@code tensor([a, b, c,  ..., x, y, z])} with 4 decimals and PyTorch's padding (every value as wide as the
     * widest, so signs line up: {@code tensor([ 0.3374, -0.1778])}), eliding the middle past {@code max} values the
     * way PyTorch's summarized printouts do.
     */
    public static String tensor(float[] v, int max) {
        String[] text = new String[v.length];
        int width = 0;
        for (int i = 0; i < v.length; i++) {
            text[i] = short4(v[i]);
            width = Math.max(width, text[i].length());
        }
        StringBuilder s = new StringBuilder("tensor([");
        for (int i = 0; i < v.length; i++) {
            if (v.length > max && i == max / 2) {
                s.append(" ..., ");
                i = v.length - max / 2;
            }
            s.append(" ".repeat(width - text[i].length())).append(text[i]).append(i + 1 < v.length ? ", " : "");
        }
        return s.append("])").toString();
    }
}
