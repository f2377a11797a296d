package org.tokenspace.train;

/**
 * One trainable tensor, float32 row-major, with the optimizer's state (AdamW's first and second moments). A step
 * writes the new values and moments into a second set of arrays and {@link #commit() commits} them only when every
 * value is finite, so a diverging step leaves the last finite state untouched, and a reader never sees half a step.
 */
final class Param {
    final String name;
    final int rows;
    final int cols;
    float[] value;
    float[] m;
    float[] v;
    float[] nextValue;
    float[] nextM;
    float[] nextV;

    /** @param moments whether the optimizer keeps moments (AdamW) */
    Param(String name, int rows, int cols, float[] init, boolean moments) {
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        value = init;
        nextValue = new float[init.length];
        if (moments) {
            m = new float[init.length];
            v = new float[init.length];
            nextM = new float[init.length];
            nextV = new float[init.length];
        }
    }

    int size() {
        return value.length;
    }

    /** The step's values become the current ones. */
    void commit() {
        float[] t = value;
        value = nextValue;
        nextValue = t;
        if (m != null) {
            t = m;
            m = nextM;
            nextM = t;
            t = v;
            v = nextV;
            nextV = t;
        }
    }
}
