package org.tokenspace.model;

import java.util.Locale;

/**
 * The two CPU kernels PyTorch 1.13 uses to turn 16 float uniforms into 16 standard normals ({@code normal_fill_16}):
 * lanes j = 0..7 pair element j ({@code a}) with element j + 8 ({@code b}); {@code R = sqrt(-2 ln(1 - a))},
 * {@code T = 2 pi b}; element j becomes {@code R cos T} and element j + 8 becomes {@code R sin T}.
 */
public enum NormalKernel {
    /** {@code normal_fill_16_AVX2}: Cephes-style float log and sincos with the FMA pattern of the shipped binary. */
    AVX2 {
        @Override
        void fill16(float[] data, int offset) {
            AvxKernel.fillBlocks(data, offset, offset + 16);
        }

        @Override
        void fillBlocks(float[] data, int from, int to) {
            AvxKernel.fillBlocks(data, from, to);
        }
    },
    /** Scalar {@code normal_fill_16}, the kernel PyTorch runs without AVX2: glibc's {@code logf/sinf/cosf}. */
    GENERIC {
        @Override
        void fill16(float[] data, int offset) {
            for (int j = 0; j < 8; j++) {
                float u1 = 1f - data[offset + j];
                float r = (float) Math.sqrt(-2f * GlibcFloatMath.logf(u1));
                // 2.0f * c10::pi<double> is a double constant: the product is taken in double, then rounded
                float theta = (float) (2.0 * Math.PI * (double) data[offset + j + 8]);
                data[offset + j] = r * GlibcFloatMath.cosf(theta) * 1f + 0f;
                data[offset + j + 8] = r * GlibcFloatMath.sinf(theta) * 1f + 0f;
            }
        }
    };

    /** Transforms {@code data[offset, offset + 16)} in place. */
    abstract void fill16(float[] data, int offset);

    /** Transforms every block of 16 in {@code data[from, to)} in place ({@code to - from} a multiple of 16). */
    void fillBlocks(float[] data, int from, int to) {
        for (int o = from; o < to; o += 16) {
            fill16(data, o);
        }
    }

    /** The command-line name: {@code avx2} or {@code generic}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code avx2} or {@code generic}, ignoring case. */
    public static NormalKernel parse(String name) {
        for (NormalKernel k : values()) {
            if (k.cliName().equalsIgnoreCase(name.trim())) {
                return k;
            }
        }
        throw new TokenSpaceException("unknown kernel '" + name + "': use avx2 or generic");
    }
}
