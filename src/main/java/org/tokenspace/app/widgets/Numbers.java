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

    /** {@code tensor([a, b, c, ..., x, y, z])} with 4 decimals, eliding the middle past {@code max} values. */
    public static String tensor(float[] v, int max) {
        StringBuilder s = new StringBuilder("tensor([");
        for (int i = 0; i < v.length; i++) {
            if (v.length > max && i == max / 2) {
                s.append("..., ");
                i = v.length - max / 2;
            }
            s.append(short4(v[i])).append(i + 1 < v.length ? ", " : "");
        }
        return s.append("])").toString();
    }
}
