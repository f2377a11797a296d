package org.tokenspace.model;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;

/**
 * {@code tensor.normal_(0, 1)} on a contiguous float32 tensor, as PyTorch 1.13's CPU {@code normal_kernel} does it
 * ({@code TORCH_INIT_ALGORITHM.md}, sections 4 to 6).
 */
public final class NormalInit {
    /** Below this many elements PyTorch takes the scalar double path. */
    static final int FILL_MIN = 16;
    /** Floats per chunk of the streamed fill path: whole blocks of 16, a few hundred kB. */
    private static final int CHUNK = 16 * 4096;

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
        // 1. n uniforms, in order; 2. every full block of 16 transformed in place
        gen.fillFloats(out, 0, n);
        kernel.fillBlocks(out, 0, n / 16 * 16);
        // 3. a ragged tail: 16 fresh uniforms overwrite the last 16 positions, transformed as one block
        if (n % 16 != 0) {
            gen.fillFloats(out, n - 16, 16);
            kernel.fill16(out, n - 16);
        }
    }

    /**
     * The same fill, streamed into {@code out[0, n)} (e.g. a tensor's off-heap memory, which may still be being
     * allocated: {@code out} is asked for only when a chunk is ready). This thread draws the words in stream order,
     * chunk by chunk; the pool transforms and copies the chunks already drawn, and this thread joins in once its
     * words are drawn.
     */
    public static void fill(Supplier<FloatBuffer> out, int n, TorchGenerator gen, NormalKernel kernel) {
        if (n < 2 * CHUNK) {
            float[] values = new float[n];
            fill(values, gen, kernel);
            out.get().duplicate().position(0).put(values);
            return;
        }
        int blocksEnd = n / 16 * 16;
        List<ForkJoinTask<?>> pending = new ArrayList<>();
        for (int from = 0; from < n; from += CHUNK) {
            int len = Math.min(CHUNK, n - from);
            float[] chunk = new float[len];
            gen.fillFloats(chunk, 0, len); // words in stream order
            int at = from;
            int transformLen = Math.min(len, blocksEnd - from) / 16 * 16;
            pending.add(ForkJoinPool.commonPool().submit(() -> {
                kernel.fillBlocks(chunk, 0, transformLen);
                out.get().duplicate().position(at).put(chunk, 0, len);
            }));
        }
        if (n % 16 != 0) {
            float[] tail = new float[16];
            gen.fillFloats(tail, 0, 16);
            kernel.fill16(tail, 0);
            joinNewestFirst(pending); // the tail overwrites what the last chunk wrote
            out.get().duplicate().position(n - 16).put(tail);
        }
        joinNewestFirst(pending);
    }

    /** Newest first: a thread outside the pool can run a task itself only while it is the newest one it submitted. */
    private static void joinNewestFirst(List<ForkJoinTask<?>> tasks) {
        for (int i = tasks.size() - 1; i >= 0; i--) {
            tasks.get(i).join();
        }
    }
}
