package org.tokenspace.explore;

/**
 * Dot products and squared distances of float32 rows, in double. A product of two floats is exact in double (24 + 24
 * bits fit in 53), so the only rounding is in the sums: about 1e-16 relative, far below float32's own spacing. Eight
 * independent sums keep the CPU's adders busy (the JIT does not reorder floating-point sums by itself).
 */
final class Dot {
    private Dot() {
    }

    static double dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            int x = aFrom + i;
            int y = bFrom + i;
            s0 += (double) a[x] * b[y];
            s1 += (double) a[x + 1] * b[y + 1];
            s2 += (double) a[x + 2] * b[y + 2];
            s3 += (double) a[x + 3] * b[y + 3];
            s4 += (double) a[x + 4] * b[y + 4];
            s5 += (double) a[x + 5] * b[y + 5];
            s6 += (double) a[x + 6] * b[y + 6];
            s7 += (double) a[x + 7] * b[y + 7];
        }
        for (; i < n; i++) {
            s0 += (double) a[aFrom + i] * b[bFrom + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** {@code sum (a - b)^2}; the differences are taken in double, so each is exact. */
    static double squaredDistance(float[] a, int aFrom, float[] b, int bFrom, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double d0 = (double) a[aFrom + i] - b[bFrom + i];
            double d1 = (double) a[aFrom + i + 1] - b[bFrom + i + 1];
            double d2 = (double) a[aFrom + i + 2] - b[bFrom + i + 2];
            double d3 = (double) a[aFrom + i + 3] - b[bFrom + i + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < n; i++) {
            double d = (double) a[aFrom + i] - b[bFrom + i];
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
