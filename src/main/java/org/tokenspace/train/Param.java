package org.tokenspace.train;

import org.bytedeco.javacpp.FloatPointer;

import java.util.stream.IntStream;

/**
 * One trainable tensor, float32 row-major, with the optimizer's state (AdamW's first and second moments). An update
 * is written in place (half the memory traffic of writing elsewhere) when a bound on the new values shows they are
 * finite; otherwise into spare arrays, committed only if every new value of the step is finite, so a diverging step
 * never leaves a tensor changed.
 *
 * <p>A tensor that matrix products read from native memory (the output head) has a native mirror, written chunk by
 * chunk while the update's values are still in cache; its gradient may come from native memory too, copied a chunk
 * at a time into a small buffer rather than into a second tensor-sized array.
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
    private FloatPointer mirror;
    /** Per thread: one chunk of a native gradient. */
    private static final ThreadLocal<float[]> CHUNK = ThreadLocal.withInitial(() -> new float[0]);

    /** One chunk's update: values {@code [from, to)} of p, m, v from their gradient. */
    private interface ChunkUpdate {
        float apply(Updates rule, float[] p, float[] m, float[] v, int from, int to);
    }

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

    /** Keeps {@code mirror} ({@code size()} floats) equal to the values from now on. */
    void mirrorTo(FloatPointer mirror) {
        this.mirror = mirror;
        mirror.position(0).put(value, 0, value.length);
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
        return update(rule, inPlace, (r, p, m, v, from, to) -> r.apply(p, m, v, g, from, from, to));
    }

    /** {@link #update(Updates, float[], boolean)} with the gradient in native memory. */
    float update(Updates rule, FloatPointer g, boolean inPlace) {
        return update(rule, inPlace, (r, p, m, v, from, to) -> {
            float[] chunk = CHUNK.get();
            if (chunk.length < to - from) {
                chunk = new float[to - from];
                CHUNK.set(chunk);
            }
            new FloatPointer(g).position(from).get(chunk, 0, to - from);
            return r.apply(p, m, v, chunk, 0, from, to);
        });
    }

    private float update(Updates rule, boolean inPlace, ChunkUpdate chunkUpdate) {
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
        int chunks = n >= 1 << 16 ? 128 : 1;
        float largest = (float) IntStream.range(0, chunks).parallel().mapToDouble(c -> {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            float chunkLargest = chunkUpdate.apply(rule, np, nm, nv, from, to);
            if (inPlace && mirror != null) {
                new FloatPointer(mirror).position(from).put(np, from, to - from);
            }
            return chunkLargest;
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
        if (mirror != null) {
            mirror.position(0).put(value, 0, value.length);
        }
    }
}
