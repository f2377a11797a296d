package org.tokenspace.train;

import java.util.stream.IntStream;

/**
 * One trainable tensor, float32 row-major, with the optimizer's state (AdamW's first and second moments). An update
 * is written in place (half the memory traffic of writing elsewhere) when a bound on the new values shows they are
 * finite; otherwise into spare arrays, committed only if every new value of the step is finite, so a diverging step
 * never leaves a tensor changed.
 */
final class Param {
    /** AdamW's |m / (sqrt(v) + eps)| stays far below this (about 1 / sqrt(1 - beta2) at most). */
    private static final float ADAM_RATIO_BOUND = 100f;

    final String name;
    final int rows;
    final int cols;
    float[] value;
    float[] m;
    float[] v;
    private float maxAbs; // of value, as of the last update
    private float spareMaxAbs;
    private float[] spareValue;
    private float[] spareM;
    private float[] spareV;

    /** @param moments whether the optimizer keeps moments (AdamW) */
    Param(String name, int rows, int cols, float[] init, boolean moments) {
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        value = init;
        if (moments) {
            m = new float[init.length];
            v = new float[init.length];
        }
        for (float x : init) {
            maxAbs = Math.max(maxAbs, Math.abs(x));
        }
    }

    int size() {
        return value.length;
    }

    /** True when the new values of an update are sure to be finite, so it can be written in place. */
    boolean safeInPlace(Updates rule, float maxAbsGradient) {
        float bound = rule.adamw() ? maxAbs * Math.abs(rule.decay()) + Math.abs(rule.negStepSize()) * ADAM_RATIO_BOUND
                : maxAbs * (1 + Math.abs(rule.negLr()) * rule.weightDecay()) + Math.abs(rule.negLr()) * maxAbsGradient;
        return bound < Float.MAX_VALUE / 4;
    }

    /**
     * One update with gradient {@code g}, split over the cores: in place, or into the spare arrays (to be
     * {@link #commitSpare() committed}). Returns the largest new value's size (not finite when a value is not).
     */
    float update(Updates rule, float[] g, boolean inPlace) {
        if (!inPlace && spareValue == null) {
            spareValue = new float[value.length];
            spareM = m == null ? null : new float[m.length];
            spareV = v == null ? null : new float[v.length];
        }
        float[] np = inPlace ? value : spareValue;
        float[] nm = inPlace ? m : spareM;
        float[] nv = inPlace ? v : spareV;
        if (!inPlace) { // rare (values near float32's limit): update copies, keep the tensor as it is
            System.arraycopy(value, 0, np, 0, value.length);
            if (m != null) {
                System.arraycopy(m, 0, nm, 0, m.length);
                System.arraycopy(v, 0, nv, 0, v.length);
            }
        }
        int n = value.length;
        int chunks = n >= 1 << 16 ? 64 : 1;
        float largest = (float) IntStream.range(0, chunks).parallel().mapToDouble(c -> {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            return rule.apply(np, nm, nv, g, from, from, to);
        }).max().orElse(0);
        if (inPlace) {
            maxAbs = largest;
        } else {
            spareMaxAbs = largest;
        }
        return largest;
    }

    /** The spare arrays' update becomes the tensor. */
    void commitSpare() {
        float[] t = value;
        value = spareValue;
        spareValue = t;
        if (m != null) {
            t = m;
            m = spareM;
            spareM = t;
            t = v;
            v = spareV;
            spareV = t;
        }
        maxAbs = spareMaxAbs;
    }
}
