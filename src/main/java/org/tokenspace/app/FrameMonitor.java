package org.tokenspace.app;

import javafx.animation.AnimationTimer;

import java.util.Arrays;

/**
 * Measures how long the FX thread goes between two frames (pulses): a long gap is a frozen UI. Start and stop it on
 * the FX thread.
 */
public final class FrameMonitor extends AnimationTimer {
    private long last = -1;
    private long[] gaps = new long[1024];
    private int count;

    @Override
    public void handle(long now) {
        if (last >= 0) {
            if (count == gaps.length) {
                gaps = Arrays.copyOf(gaps, count * 2);
            }
            gaps[count++] = now - last;
        }
        last = now;
    }

    /** The gaps between frames so far, in milliseconds, sorted. */
    public double[] gapsMillis() {
        return Arrays.stream(gaps, 0, count).sorted().mapToDouble(g -> g / 1e6).toArray();
    }
}
