package org.tokenspace.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/** The little-endian floating-point element types a table can be loaded from, each converted to float32 exactly. */
enum Dtype {
    F32(4), F64(8), F16(2), BF16(2);

    final int width;

    Dtype(int width) {
        this.width = width;
    }

    /**
     * Converts {@code src} (little-endian, a whole number of elements) into float32 at {@code dst}'s position.
     * float16 and bfloat16 widen exactly; float64 rounds to nearest, as {@code tensor.float()} does.
     */
    void toFloat32(ByteBuffer src, FloatBuffer dst) {
        ByteBuffer in = src.slice().order(ByteOrder.LITTLE_ENDIAN);
        int n = in.remaining() / width;
        switch (this) {
            case F32 -> dst.put(in.asFloatBuffer());
            case F64 -> {
                for (int i = 0; i < n; i++) {
                    dst.put((float) in.getDouble(i * 8));
                }
            }
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    dst.put(halfToFloat(in.getShort(i * 2)));
                }
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    dst.put(Float.intBitsToFloat((in.getShort(i * 2) & 0xffff) << 16));
                }
            }
            default -> throw new AssertionError(this);
        }
    }

    /** IEEE 754 binary16 to binary32, exact for every value, subnormals, infinities and NaN payloads included. */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign);
            }
            // subnormal: mant * 2^-24, exact in float32
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
