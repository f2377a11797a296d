package org.tokenspace.model;

/**
 * PyTorch's {@code normal_fill_16_AVX2} ({@code TORCH_INIT_ALGORITHM.md}, section 6b): {@code log256_ps} and
 * {@code sincos256_ps} from {@code avx_mathfun.h} with the multiply-adds fused exactly where the shipped
 * {@code libtorch_cpu} binary fuses them.
 *
 * <p>The lanes are processed in passes over scratch arrays so that the JIT compiles the float arithmetic to vector
 * instructions: one scalar pass splits each {@code 1 - a} into exponent and mantissa (it needs the float's bits), the
 * other passes are plain float loops. Selections and sign flips that the vector code does with bit masks are done by
 * multiplying with exact 0/1 and +-1 factors, which gives the same results (an output zero is +0 either way). Valid for
 * the inputs the kernel gets: {@code 1 - a} in (0, 1] and {@code T = 2 pi b} in [0, 2 pi).
 */
final class AvxKernel {
    static final float TWO_PI = 6.2831855f; // 0x40C90FDB

    private static final float SQRTHF = 0.707106781186547524f;
    private static final float P0 = 7.0376836292e-2f;
    private static final float P1 = -1.1514610310e-1f;
    private static final float P2 = 1.1676998740e-1f;
    private static final float P3 = -1.2420140846e-1f;
    private static final float P4 = 1.4249322787e-1f;
    private static final float P5 = -1.6668057665e-1f;
    private static final float P6 = 2.0000714765e-1f;
    private static final float P7 = -2.4999993993e-1f;
    private static final float P8 = 3.3333331174e-1f;
    private static final float Q1 = -2.12194440e-4f;
    private static final float Q2 = 0.693359375f;

    private static final float FOPI = 1.27323954473516f; // 4 / pi
    private static final float DP1 = -0.78515625f;
    private static final float DP2 = -2.4187564849853515625e-4f;
    private static final float DP3 = -3.77489497744594108e-8f;
    private static final float COS0 = 2.443315711809948e-5f;
    private static final float COS1 = -1.388731625493765e-3f;
    private static final float COS2 = 4.166664568298827e-2f;
    private static final float SIN0 = -1.9515295891e-4f;
    private static final float SIN1 = 8.3321608736e-3f;
    private static final float SIN2 = -1.6666654611e-1f;

    /** Pairs per pass: 128 blocks of 16, so the scratch arrays stay in cache. */
    private static final int PAIRS = 1024;
    private static final ThreadLocal<AvxKernel> SCRATCH = ThreadLocal.withInitial(AvxKernel::new);

    // one slot per pair (lane j of block k is pair 8k + j)
    private final float[] a = new float[PAIRS];     // a, then R
    private final float[] b = new float[PAIRS];     // b, then T = 2 pi b, then the reduced argument
    private final float[] e = new float[PAIRS];     // log: exponent
    private final float[] x = new float[PAIRS];     // log: reduced mantissa
    private final float[] y = new float[PAIRS];     // sincos: float(j)
    private final float[] swap = new float[PAIRS];  // 1 where (j & 2) != 0: sine and cosine polynomials swap
    private final float[] signS = new float[PAIRS]; // -1 where j & 4
    private final float[] signC = new float[PAIRS]; // -1 where ((j - 2) & 4) == 0
    private final float[] yc = new float[PAIRS];
    private final float[] ys = new float[PAIRS];

    private AvxKernel() {
    }

    /** Transforms every block of 16 in {@code data[from, to)} in place. */
    static void fillBlocks(float[] data, int from, int to) {
        AvxKernel k = SCRATCH.get();
        for (int at = from; at < to; at += 2 * PAIRS) {
            k.pass(data, at, Math.min(to, at + 2 * PAIRS));
        }
    }

    private void pass(float[] data, int from, int to) {
        int n = (to - from) / 2;
        for (int o = from, p = 0; o < to; o += 16, p += 8) { // de-interleave the blocks
            System.arraycopy(data, o, a, p, 8);
            System.arraycopy(data, o + 8, b, p, 8);
        }
        logSplit(n);
        radius(n);
        octant(n);
        reduce(n);
        cosPoly(n);
        sinPoly(n);
        scale(n);
        for (int o = from, p = 0; o < to; o += 16, p += 8) { // R cos T to a's slot, R sin T to b's slot
            System.arraycopy(yc, p, data, o, 8);
            System.arraycopy(ys, p, data, o + 8, 8);
        }
    }

    /**
     * Steps 6-7 and the output: the polynomials swapped and signed, times R, then {@code fma(n, std 1, mean 0)},
     * which turns -0 into +0. Leaves {@code R cos T} in {@code yc} and {@code R sin T} in {@code ys}.
     */
    private void scale(int n) {
        for (int p = 0; p < n; p++) {
            float k = swap[p];
            float sin = ys[p] * (1f - k) + yc[p] * k;
            float cos = yc[p] * (1f - k) + ys[p] * k;
            yc[p] = a[p] * (cos * signC[p]) + 0f;
            ys[p] = a[p] * (sin * signS[p]) + 0f;
        }
    }

    /** log256_ps steps 1-4 on {@code 1 - a}: exponent e and mantissa x, with the sqrt(1/2) adjustment. */
    private void logSplit(int n) {
        int sqrtHalf = Float.floatToRawIntBits(SQRTHF);
        for (int p = 0; p < n; p++) {
            int bits = Float.floatToRawIntBits(Math.max(1f - a[p], Float.MIN_NORMAL));
            int mBits = (bits & ~0x7f800000) | 0x3f000000; // mantissa in [0.5, 1)
            int below = (mBits - sqrtHalf) >> 31; // all ones where m < sqrt(1/2)
            float m = Float.intBitsToFloat(mBits);
            e[p] = ((float) ((bits >>> 23) - 127) + 1f) - Float.intBitsToFloat(below & 0x3f800000);
            x[p] = (m - 1f) + Float.intBitsToFloat(below & mBits);
        }
    }

    /** {@code R = sqrt(-2 log(1 - a))}, the rest of log256_ps, into {@code a}. */
    private void radius(int n) {
        for (int p = 0; p < n; p++) {
            float xp = x[p];
            float ep = e[p];
            float z = xp * xp;
            float q = Math.fma(Math.fma(Math.fma(Math.fma(P0, xp, P1), xp, P2), xp, P3), xp, P4);
            q = Math.fma(Math.fma(Math.fma(Math.fma(q, xp, P5), xp, P6), xp, P7), xp, P8);
            q = q * xp;
            q = Math.fma(q, z, ep * Q1);
            q = q - 0.5f * z;
            a[p] = (float) Math.sqrt(-2f * Math.fma(ep, Q2, xp + q));
        }
    }

    /** sincos256_ps step 1 and the sign and swap rules of steps 6-7: {@code j = (trunc(T 4/pi) + 1) & ~1}. */
    private void octant(int n) {
        for (int p = 0; p < n; p++) {
            float t = TWO_PI * b[p];
            b[p] = t;
            int j = ((int) (t * FOPI) + 1) & ~1;
            y[p] = (float) j;
            swap[p] = (float) ((j & 2) >> 1);
            signS[p] = (float) (1 - ((j & 4) >> 1));
            signC[p] = (float) ((((j - 2) & 4) >> 1) - 1);
        }
    }

    /** Extended-precision range reduction: {@code x' = ((T + y DP1) + y DP2) + y DP3}, fused. */
    private void reduce(int n) {
        for (int p = 0; p < n; p++) {
            float yp = y[p];
            b[p] = Math.fma(yp, DP3, Math.fma(yp, DP2, Math.fma(yp, DP1, b[p])));
        }
    }

    private void cosPoly(int n) {
        for (int p = 0; p < n; p++) {
            float z = b[p] * b[p];
            float t = Math.fma(Math.fma(COS0, z, COS1), z, COS2) * z;
            yc[p] = Math.fma(t, z, -(0.5f * z)) + 1f;
        }
    }

    private void sinPoly(int n) {
        for (int p = 0; p < n; p++) {
            float r = b[p];
            float z = r * r;
            float t = Math.fma(Math.fma(SIN0, z, SIN1), z, SIN2) * z;
            ys[p] = Math.fma(t, r, r);
        }
    }
}
