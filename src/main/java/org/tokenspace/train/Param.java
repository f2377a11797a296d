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
    private final int chunks;
    private FloatPointer mirror;
    // views of the mirror and of a native gradient at each chunk's start, made once (a view costs a deallocator)
    private FloatPointer[] mirrorChunks;
    private FloatPointer gradient;
    private FloatPointer[] gradientChunks;
    /** The update runs as this many parts, one per core, each over a run of chunks. */
    private final int parts;
    /** Per part: one chunk of a native gradient (allocated once; a thread-local would not last in the pool). */
    private float[][] chunkBuffers;

    /** One chunk's update: values {@code [from, to)} (chunk c, in part {@code part}) of p, m, v. */
    private interface ChunkUpdate {
        float apply(Updates rule, float[] p, float[] m, float[] v, int part, int c, int from, int to);
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
        chunks = init.length >= 1 << 16 ? 128 : 1;
        parts = Math.min(chunks, Runtime.getRuntime().availableProcessors());
    }

    /** Where chunk c begins ({@code c == chunks}: the end). */
    private int from(int c) {
        return (int) ((long) value.length * c / chunks);
    }

    private FloatPointer[] views(FloatPointer base) {
        FloatPointer[] views = new FloatPointer[chunks];
        for (int c = 0; c < chunks; c++) {
            views[c] = new FloatPointer(base).position(from(c));
        }
        return views;
    }

    /** Keeps {@code mirror} ({@code size()} floats) equal to the values from now on. */
    void mirrorTo(FloatPointer mirror) {
        this.mirror = mirror;
        mirrorChunks = views(mirror);
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
        return update(rule, inPlace, (r, p, m, v, part, c, from, to) -> r.apply(p, m, v, g, from, from, to));
    }

    /** {@link #update(Updates, float[], boolean)} with the gradient in native memory. */
    float update(Updates rule, FloatPointer g, boolean inPlace) {
        if (g != gradient) {
            gradient = g;
            gradientChunks = views(g);
            chunkBuffers = new float[parts][from(chunks) - from(chunks - 1) + 1];
        }
        return update(rule, inPlace, (r, p, m, v, part, c, from, to) -> {
            float[] chunk = chunkBuffers[part];
            gradientChunks[c].get(chunk, 0, to - from);
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
        float largest = (float) IntStream.range(0, parts).parallel().mapToDouble(part -> {
            float partLargest = 0;
            for (int c = chunks * part / parts; c < chunks * (part + 1) / parts; c++) {
                int from = from(c);
                int to = from(c + 1);
                partLargest = Math.max(partLargest, chunkUpdate.apply(rule, np, nm, nv, part, c, from, to));
                if (inPlace && mirror != null) {
                    mirrorChunks[c].put(np, from, to - from);
                }
            }
            return partLargest;
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
