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

    /**
     * {@code name  dtype  [d0, d1]  bytes}, as {@code tokenspace inspect} prints it. Names come from the file and may
     * hold anything: control characters (a line break, a terminal's escape sequences) and the characters that
     * reorder text are shown escaped ({@code \n}, {@code \x1b}, {@code \u202e}), and so is a backslash.
     */
    public String line() {
        return printable(name) + "\t" + printable(dtype) + "\t" + Arrays.toString(shape) + "\t" + bytes + " bytes";
    }

    static String printable(String text) {
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x100 && Character.isISOControl(c)) {
                        s.append(String.format("\\x%02x", c));
                    } else if (Character.getType(c) == Character.FORMAT || c == 0x2028 || c == 0x2029) {
                        s.append(String.format("\\u%04x", c));
                    } else {
                        s.appendCodePoint(c);
                    }
                }
            }
        });
        return s.toString();
    }
}
