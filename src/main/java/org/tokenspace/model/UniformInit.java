package org.tokenspace.model;

/**
 * {@code tensor.uniform_(from, to)} on a contiguous float32 tensor, as PyTorch 1.13's CPU kernel draws it
 * ({@code DistributionKernels.cpp}, {@code TransformationHelper.h}): one 32-bit word per element, in order, its low
 * 24 bits times 2^-24, then {@code x * (to - from) + from} in float32 as one fused multiply-add (the kernel is built
 * for AVX2 and the compiler fuses it: with {@code ±1/sqrt(3)} the unfused result differs in the last bits).
 */
public final class UniformInit {
    private UniformInit() {
    }

    public static void fill(float[] out, TorchGenerator gen, double from, double to) {
        float f = (float) from;
        float range = (float) to - f;
        gen.fillFloats(out, 0, out.length); // (w & 0xFFFFFF) * 2^-24, exact
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.fma(out[i], range, f);
        }
    }

    /**
     * {@code nn.init.kaiming_uniform_(w, a=math.sqrt(5))}, what {@code nn.Linear} does to its weight: uniform in
     * {@code ±gain * sqrt(3 / fanIn)} with {@code gain = sqrt(2 / (1 + a^2))}, which is {@code ±1 / sqrt(fanIn)}, computed
     * in double as Python computes it.
     */
    public static void kaimingUniform(float[] out, TorchGenerator gen, int fanIn) {
        double a = Math.sqrt(5.0);
        double gain = Math.sqrt(2.0 / (1 + Math.pow(a, 2)));
        double std = gain / Math.sqrt(fanIn);
        double bound = Math.sqrt(3.0) * std;
        fill(out, gen, -bound, bound);
    }
}
