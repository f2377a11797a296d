package org.tokenspace.view;

import java.util.Arrays;

/**
 * Z-curve order of a 3-D cloud: points close in space come close in the order, so drawing them one after another
 * touches nearby pixels from any viewing angle.
 */
final class MortonOrder {
    private MortonOrder() {
    }

    /** Point indices sorted by the Morton code of their position (10 bits an axis over mean ± extent). */
    static int[] of(float[] xyz, int count, double[] stats) {
        long[] keyed = new long[count];
        double scale = 1023 / (2 * stats[6]);
        for (int i = 0; i < count; i++) {
            long code = 0;
            for (int c = 0; c < 3; c++) {
                long q = Math.max(0, Math.min(1023, Math.round((xyz[3 * i + c] - stats[c] + stats[6]) * scale)));
                code |= spread(q) << c;
            }
            keyed[i] = (code << 32) | i;
        }
        Arrays.parallelSort(keyed);
        int[] order = new int[count];
        for (int p = 0; p < count; p++) {
            order[p] = (int) keyed[p];
        }
        return order;
    }

    /** The 10 low bits of {@code v} spread to every third bit. */
    private static long spread(long v) {
        long x = v & 0x3ff;
        x = (x | (x << 16)) & 0x030000FFL;
        x = (x | (x << 8)) & 0x0300F00FL;
        x = (x | (x << 4)) & 0x030C30C3L;
        x = (x | (x << 2)) & 0x09249249L;
        return x;
    }
}
