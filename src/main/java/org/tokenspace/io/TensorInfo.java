package org.tokenspace.io;

import java.util.Arrays;

/**
 * One tensor of a file as its header describes it.
 *
 * @param name  the tensor's name (for {@code .npy}, the file name without {@code .npy})
 * @param dtype the element type as the file spells it: {@code <f4} in {@code .npy}, {@code F32} in safetensors
 * @param shape the dimensions
 * @param bytes the size of its data in bytes
 */
public record TensorInfo(String name, String dtype, long[] shape, long bytes) {
    public TensorInfo {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** {@code name  dtype  [d0, d1]  bytes}, as {@code tokenspace inspect} prints it. */
    public String line() {
        return name + "\t" + dtype + "\t" + Arrays.toString(shape) + "\t" + bytes + " bytes";
    }
}
