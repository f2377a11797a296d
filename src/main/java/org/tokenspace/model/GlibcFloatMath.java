package org.tokenspace.model;

/**
 * glibc 2.36's logf, sinf and cosf in pure Java, bit for bit (x86-64 with FMA: the ifunc picks the
 * {@code __*_fma} variants).
 *
 * <p>Ports of {@code sysdeps/ieee754/flt-32/e_logf.c}, {@code s_sinf.c}, {@code s_cosf.c},
 * {@code s_sincosf.h} and {@code sincosf_poly.h} with the tables of {@code e_logf_data.c} and
 * {@code s_sincosf_data.c}. The multiarch build compiles these with {@code -mfma -mavx2}, and GCC
 * contracts every {@code a * b + c} into a fused multiply-add; those are the {@link Math#fma} calls
 * below. All finite and non-finite float inputs are supported, including glibc's integer
 * (Payne-Hanek style) reduction for {@code |x| >= 120} in sinf/cosf. Results are bit-identical to
 * glibc except that every NaN result is the canonical {@link Float#NaN}.
 */
public final class GlibcFloatMath {
    private GlibcFloatMath() {}

    // e_logf_data.c: LOGF_TABLE_BITS = 4, {invc, logc} per subinterval of [OFF, 2 * OFF).
    private static final double[] LOGF_INVC = {
        0x1.661ec79f8f3bep+0, 0x1.571ed4aaf883dp+0, 0x1.49539f0f010bp+0, 0x1.3c995b0b80385p+0,
        0x1.30d190c8864a5p+0, 0x1.25e227b0b8eap+0, 0x1.1bb4a4a1a343fp+0, 0x1.12358f08ae5bap+0,
        0x1.0953f419900a7p+0, 0x1p+0, 0x1.e608cfd9a47acp-1, 0x1.ca4b31f026aap-1,
        0x1.b2036576afce6p-1, 0x1.9c2d163a1aa2dp-1, 0x1.886e6037841edp-1, 0x1.767dcf5534862p-1,
    };
    private static final double[] LOGF_LOGC = {
        -0x1.57bf7808caadep-2, -0x1.2bef0a7c06ddbp-2, -0x1.01eae7f513a67p-2, -0x1.b31d8a68224e9p-3,
        -0x1.6574f0ac07758p-3, -0x1.1aa2bc79c81p-3, -0x1.a4e76ce8c0e5ep-4, -0x1.1973c5a611cccp-4,
        -0x1.252f438e10c1ep-5, 0x0p+0, 0x1.aa5aa5df25984p-5, 0x1.c5e53aa362eb4p-4,
        0x1.526e57720db08p-3, 0x1.bc2860d22477p-3, 0x1.1058bc8a07ee1p-2, 0x1.4043057b6ee09p-2,
    };
    private static final double LN2 = 0x1.62e42fefa39efp-1;
    private static final double LOGF_A0 = -0x1.00ea348b88334p-2;
    private static final double LOGF_A1 = 0x1.5575b0be00b6ap-2;
    private static final double LOGF_A2 = -0x1.ffffef20a4123p-2;
    private static final int LOGF_OFF = 0x3f330000;

    /** Natural logarithm, glibc {@code e_logf.c}. */
    public static float logf(float x) {
        int ix = Float.floatToRawIntBits(x);
        if (ix == 0x3f800000) {
            return 0f;
        }
        if (Integer.compareUnsigned(ix - 0x00800000, 0x7f800000 - 0x00800000) >= 0) {
            // x < 0x1p-126 or inf or nan.
            if (ix * 2 == 0) {
                return Float.NEGATIVE_INFINITY;
            }
            if (ix == 0x7f800000) {
                return x;
            }
            if (ix < 0 || Integer.compareUnsigned(ix * 2, 0xff000000) >= 0) {
                return Float.NaN;
            }
            // Subnormal: normalize it.
            ix = Float.floatToRawIntBits(x * 0x1p23f) - (23 << 23);
        }
        // x = 2^k z with z in [OFF, 2 * OFF) exact; subinterval i has its center near c.
        int tmp = ix - LOGF_OFF;
        int i = (tmp >>> 19) & 15;
        int k = tmp >> 23;
        int iz = ix - (tmp & (0x1ff << 23));
        double z = Float.intBitsToFloat(iz);
        // log(x) = log1p(z/c - 1) + log(c) + k*Ln2, log1p(r) ~ r + A2 r^2 + A1 r^3 + A0 r^4.
        double r = Math.fma(z, LOGF_INVC[i], -1.0);
        double y0 = Math.fma(k, LN2, LOGF_LOGC[i]);
        double r2 = r * r;
        double y = Math.fma(LOGF_A1, r, LOGF_A2);
        y = Math.fma(LOGF_A0, r2, y);
        y = Math.fma(y, r2, y0 + r);
        return (float) y;
    }

    // s_sincosf_data.c (!TOINT_INTRINSICS): hpi_inv = 2/pi * 2^24, hpi = pi/2, cosine c0..c4,
    // sine s1..s3. The second table entry negates the cosine polynomial (quadrants 2 and 3).
    private static final double HPI_INV = 0x1.45F306DC9C883p+23;
    private static final double HPI = 0x1.921FB54442D18p0;
    private static final double[] C0 = {0x1p0, -0x1p0};
    private static final double[] C1 = {-0x1.ffffffd0c621cp-2, 0x1.ffffffd0c621cp-2};
    private static final double[] C2 = {0x1.55553e1068f19p-5, -0x1.55553e1068f19p-5};
    private static final double[] C3 = {-0x1.6c087e89a359dp-10, 0x1.6c087e89a359dp-10};
    private static final double[] C4 = {0x1.99343027bf8c3p-16, -0x1.99343027bf8c3p-16};
    private static final double S1 = -0x1.555545995a603p-3;
    private static final double S2 = 0x1.1107605230bc4p-7;
    private static final double S3 = -0x1.994eb3774cf24p-13;
    /** Sign of the sine in quadrants 0..3. */
    private static final double[] SIGN = {1.0, -1.0, -1.0, 1.0};
    /** 2 pi * 2^-64. */
    private static final double PI63 = 0x1.921FB54442D18p-62;
    /** 4/pi to 192 bits; each entry adds 8 new bits (s_sincosf_data.c __inv_pio4). */
    private static final int[] INV_PIO4 = {
        0xa2, 0xa2f9, 0xa2f983, 0xa2f9836e,
        0xf9836e4e, 0x836e4e44, 0x6e4e4415, 0x4e441529,
        0x441529fc, 0x1529fc27, 0x29fc2757, 0xfc2757d1,
        0x2757d1f5, 0x57d1f534, 0xd1f534dd, 0xf534ddc0,
        0x34ddc0db, 0xddc0db62, 0xc0db6295, 0xdb629599,
        0x6295993c, 0x95993c43, 0x993c4390, 0x3c439041,
    };
    private static final int TOP12_PIO4 = 0x3f4;  // abstop12(0x1.921FB6p-1f)
    private static final int TOP12_TINY = 0x398;  // abstop12(0x1p-12f)
    private static final int TOP12_120 = 0x42f;   // abstop12(120.0f)
    private static final int TOP12_INF = 0x7f8;   // abstop12(INFINITY)

    /** Sine, glibc {@code s_sinf.c}. */
    public static float sinf(float y) {
        return sinOrCos(y, 0);
    }

    /** Cosine, glibc {@code s_cosf.c}. */
    public static float cosf(float y) {
        return sinOrCos(y, 1);
    }

    /** s_sinf.c ({@code odd == 0}) and s_cosf.c ({@code odd == 1}) differ only in the quadrant. */
    private static float sinOrCos(float y, int odd) {
        int xi = Float.floatToRawIntBits(y);
        int top = (xi >>> 20) & 0x7ff;
        double x = y;
        int n;
        int quadrant;
        if (top < TOP12_PIO4) {
            if (top < TOP12_TINY) {
                return odd == 0 ? y : 1.0f;
            }
            return poly(x, x * x, 0, odd);
        } else if (top < TOP12_120) {
            // reduce_fast: n = round(x * 2/pi) via the 2^24-scaled int conversion, x -= n * pi/2.
            n = ((int) (x * HPI_INV) + 0x800000) >> 24;
            x = Math.fma(-n, HPI, x);
            quadrant = n;
        } else if (top < TOP12_INF) {
            // reduce_large: the 32x96-bit product of the mantissa with 4/pi is the exact 2.62
            // fixed-point modulo; n is its rounded integer part, x the signed rest times 2pi 2^-64.
            int shift = (xi >>> 23) & 7;
            int j = (xi >>> 26) & 15;
            long m = (long) ((xi & 0xffffff) | 0x800000) << shift;
            long res0 = (m * INV_PIO4[j]) << 32;
            long res1 = m * (INV_PIO4[j + 4] & 0xffffffffL);
            long res2 = m * (INV_PIO4[j + 8] & 0xffffffffL);
            res0 = (res0 | (res2 >>> 32)) + res1;
            long q = (res0 + (1L << 61)) >>> 62;
            res0 -= q << 62;
            x = res0 * PI63;
            n = (int) q;
            quadrant = n + (xi >>> 31);
        } else {
            return Float.NaN;
        }
        // Quadrants 1 and 2 negate the sine, quadrants 2 and 3 the cosine (second table entry).
        return poly(x * SIGN[quadrant & 3], x * x, (quadrant >> 1) & 1, n ^ odd);
    }

    /**
     * sincosf_poly.h sinf_poly: the sine polynomial for even {@code n}, else the cosine polynomial
     * of table entry {@code t}.
     */
    private static float poly(double x, double x2, int t, int n) {
        if ((n & 1) == 0) {
            double x3 = x * x2;
            double s1 = Math.fma(x2, S3, S2);
            double x7 = x3 * x2;
            double s = Math.fma(x3, S1, x);
            return (float) Math.fma(x7, s1, s);
        }
        double x4 = x2 * x2;
        double c2 = Math.fma(x2, C4[t], C3[t]);
        double c1 = Math.fma(x2, C1[t], C0[t]);
        double x6 = x4 * x2;
        double c = Math.fma(x4, C2[t], c1);
        return (float) Math.fma(x6, c2, c);
    }
}
