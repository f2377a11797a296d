package org.tokenspace.model;

/**
 * {@code log256_ps} and {@code sincos256_ps} from PyTorch's {@code avx_mathfun.h}, one lane at a time, with the
 * multiply-adds fused exactly where the shipped {@code libtorch_cpu} binary fuses them
 * ({@code TORCH_INIT_ALGORITHM.md}, section 6b). Valid for the inputs the normal kernel feeds them:
 * {@code log} on (0, 1], {@code sincos} on [0, 2 pi).
 */
final class AvxMath {
    static final float TWO_PI = 6.2831855f; // 0x40C90FDB

    private static final float MIN_NORM_POS = Float.MIN_NORMAL;
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

    private AvxMath() {
    }

    /** Natural log for x > 0 (Cephes logf). */
    static float log(float x) {
        x = Math.max(x, MIN_NORM_POS);
        int bits = Float.floatToRawIntBits(x);
        float e = (float) ((bits >>> 23) - 127) + 1f;
        float m = Float.intBitsToFloat((bits & ~0x7f800000) | 0x3f000000); // mantissa in [0.5, 1)
        if (m < SQRTHF) {
            e -= 1f;
            x = (m - 1f) + m;
        } else {
            x = m - 1f;
        }
        float z = x * x;
        float y = P0;
        y = Math.fma(y, x, P1);
        y = Math.fma(y, x, P2);
        y = Math.fma(y, x, P3);
        y = Math.fma(y, x, P4);
        y = Math.fma(y, x, P5);
        y = Math.fma(y, x, P6);
        y = Math.fma(y, x, P7);
        y = Math.fma(y, x, P8);
        y = y * x;
        y = Math.fma(y, z, e * Q1);
        y = y - 0.5f * z;
        x = x + y;
        return Math.fma(e, Q2, x);
    }

    /** Sine and cosine of x, packed as {@code (sinBits << 32) | cosBits}. */
    static long sincos(float x) {
        int signSin = Float.floatToRawIntBits(x) & 0x80000000;
        float ax = Math.abs(x);
        int j = (int) (ax * FOPI);
        j = (j + 1) & ~1;
        float y = (float) j;
        float r = Math.fma(y, DP1, ax);
        r = Math.fma(y, DP2, r);
        r = Math.fma(y, DP3, r);
        float z = r * r;

        float tc = Math.fma(Math.fma(COS0, z, COS1), z, COS2);
        tc = tc * z;
        float yc = Math.fma(tc, z, -(0.5f * z)) + 1f;

        float ts = Math.fma(Math.fma(SIN0, z, SIN1), z, SIN2);
        ts = ts * z;
        float ys = Math.fma(ts, r, r);

        float sin;
        float cos;
        if ((j & 2) == 0) {
            sin = 0f + ys;
            cos = yc + 0f;
        } else {
            sin = yc + 0f;
            cos = 0f + ys;
        }
        int sinBits = Float.floatToRawIntBits(sin) ^ signSin ^ ((j & 4) << 29);
        int cosBits = Float.floatToRawIntBits(cos) ^ ((((j - 2) & 4) == 0) ? 0x80000000 : 0);
        return ((long) sinBits << 32) | (cosBits & 0xffffffffL);
    }
}
