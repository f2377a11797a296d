package org.tokenspace.model;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * {@code tensor.normal_(0, 1)} on a contiguous float32 tensor, as PyTorch 1.13's CPU {@code normal_kernel} does it
 * ({@code TORCH_INIT_ALGORITHM.md}, sections 4 to 6).
 */
public final class NormalInit {
    /** Below this many elements PyTorch takes the scalar double path. */
    static final int FILL_MIN = 16;
    /** Blocks of 16 transformed per task when the fill path runs in parallel. */
    private static final int BLOCKS_PER_TASK = 4096;

    private NormalInit() {
    }

    /** Fills {@code out} with standard normals drawn from {@code gen}, exactly like {@code normal_(0, 1)}. */
    public static void fill(float[] out, TorchGenerator gen, NormalKernel kernel) {
        int n = out.length;
        if (n < FILL_MIN) {
            for (int i = 0; i < n; i++) {
                out[i] = (float) (gen.nextNormal() * 1.0 + 0.0); // value * std + mean in double; -0 becomes +0
            }
            return;
        }
        // 1. n uniforms, in order; 2. every full block of 16 transformed in place (blocks are independent)
        gen.fillFloats(out, 0, n);
        int blocks = n / 16;
        if (blocks >= 2 * BLOCKS_PER_TASK) {
            ForkJoinPool.commonPool().invoke(new Blocks(out, 0, blocks, kernel));
        } else {
            for (int b = 0; b < blocks; b++) {
                kernel.fill16(out, b * 16);
            }
        }
        // 3. a ragged tail: 16 fresh uniforms overwrite the last 16 positions, transformed as one block
        if (n % 16 != 0) {
            gen.fillFloats(out, n - 16, 16);
            kernel.fill16(out, n - 16);
        }
    }

    private static final class Blocks extends RecursiveAction {
        private final float[] data;
        private final int from;
        private final int to;
        private final NormalKernel kernel;

        Blocks(float[] data, int from, int to, NormalKernel kernel) {
            this.data = data;
            this.from = from;
            this.to = to;
            this.kernel = kernel;
        }

        @Override
        protected void compute() {
            if (to - from <= BLOCKS_PER_TASK) {
                for (int b = from; b < to; b++) {
                    kernel.fill16(data, b * 16);
                }
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Blocks(data, from, mid, kernel), new Blocks(data, mid, to, kernel));
        }
    }
}
