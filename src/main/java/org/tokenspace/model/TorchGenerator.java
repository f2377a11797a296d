package org.tokenspace.model;

import java.math.BigInteger;

/**
 * PyTorch's CPU generator ({@code at::CPUGeneratorImpl}) in pure Java: an mt19937 engine seeded like
 * {@code torch.manual_seed(seed)}, its uniform draws, and the cached second Box-Muller sample.
 *
 * <p>This is the project's one random number generator: every seeded table and every shuffle draws from an
 * instance of it. See {@code TORCH_INIT_ALGORITHM.md}, sections 2, 3 and 5. Not thread-safe.
 */
public final class TorchGenerator {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;
    private static final float FLOAT_STEP = 0x1.0p-24f;
    private static final double DOUBLE_STEP = 0x1.0p-53;

    private final int[] state = new int[N];
    private int next;
    private long wordsDrawn;
    private boolean hasCachedNormal;
    private double cachedNormal;

    private static final BigInteger SEED_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger SEED_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /**
     * A seed as {@code torch.manual_seed} takes it: any whole number from -2^63 to 2^64 - 1, as the 64 bits that
     * {@link #manualSeed} reads.
     */
    public static long parseSeed(String text) {
        String t = text.trim();
        BigInteger v;
        try {
            v = new BigInteger(t);
        } catch (NumberFormatException e) {
            throw new TokenSpaceException("seed '" + t + "' is not a whole number");
        }
        if (v.compareTo(SEED_MIN) < 0 || v.compareTo(SEED_MAX) > 0) {
            throw new TokenSpaceException("seed " + t + " is outside 64 bits: use a whole number from " + SEED_MIN
                    + " to " + SEED_MAX);
        }
        return v.longValue();
    }

    /** A generator as after {@code torch.manual_seed(seed)}. */
    public TorchGenerator(long seed) {
        manualSeed(seed);
    }

    /** {@code torch.manual_seed(seed)}: only the low 32 bits count; both cached normals are cleared. */
    public void manualSeed(long seed) {
        state[0] = (int) seed;
        for (int j = 1; j < N; j++) {
            int prev = state[j - 1];
            state[j] = 1812433253 * (prev ^ (prev >>> 30)) + j;
        }
        next = N; // the first draw regenerates all 624 words
        wordsDrawn = 0;
        hasCachedNormal = false;
    }

    /** How many 32-bit words this generator has produced since it was seeded. */
    public long wordsDrawn() {
        return wordsDrawn;
    }

    /** {@code random()}: one tempered 32-bit word (read it as unsigned). */
    public int nextInt() {
        if (next == N) {
            twist();
        }
        wordsDrawn++;
        return temper(state[next++]);
    }

    /** {@code random64()}: {@code (first << 32) | second}, two words. */
    public long nextLong() {
        long hi = nextInt() & 0xffffffffL;
        long lo = nextInt() & 0xffffffffL;
        return (hi << 32) | lo;
    }

    /** {@code uniform_real_distribution<float>(0, 1)}: the low 24 bits of one word times 2^-24. */
    public float nextFloat() {
        return (nextInt() & 0xffffff) * FLOAT_STEP;
    }

    /** {@code uniform_real_distribution<double>(0, 1)}: the low 53 bits of {@link #nextLong()} times 2^-53. */
    public double nextDouble() {
        return (nextLong() & ((1L << 53) - 1)) * DOUBLE_STEP;
    }

    /** Fills {@code out[from, from + count)} with {@link #nextFloat()} draws, in order. */
    public void fillFloats(float[] out, int from, int count) {
        int i = from;
        int end = from + count;
        while (i < end) {
            if (next == N) {
                twist();
            }
            int run = Math.min(end - i, N - next);
            for (int k = 0; k < run; k++) {
                out[i + k] = (temper(state[next + k]) & 0xffffff) * FLOAT_STEP;
            }
            next += run;
            i += run;
        }
        wordsDrawn += count;
    }

    /**
     * {@code at::normal_distribution<double>} with mean 0 and std 1: the scalar path. Uses the cached sample if there
     * is one; otherwise draws u1, u2 (two doubles), returns {@code r cos(theta)} and caches {@code r sin(theta)}.
     */
    public double nextNormal() {
        if (hasCachedNormal) {
            hasCachedNormal = false;
            return cachedNormal;
        }
        double u1 = nextDouble();
        double u2 = nextDouble();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - u2));
        double theta = 2.0 * Math.PI * u1;
        cachedNormal = r * StrictMath.sin(theta);
        hasCachedNormal = true;
        return r * StrictMath.cos(theta);
    }

    private static int temper(int y) {
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        int[] mt = state;
        // -(y & 1) & MATRIX_A is MATRIX_A for odd y, 0 for even: branch-free, so the loops vectorize
        for (int k = 0; k < N - M; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
            mt[k] = mt[k + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        for (int k = N - M; k < N - 1; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
            mt[k] = mt[k + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        next = 0;
    }
}
