package org.tokenspace.model;

import java.util.Locale;

/** Refuses an allocation up front, with the size in the message, when it cannot fit in this JVM. */
public final class MemoryBudget {
    private MemoryBudget() {
    }

    /**
     * Checks that a float32 tensor of {@code elements} values can be made: it must fit one Java array, and twice its
     * bytes (the working copy on the heap plus the off-heap tensor) must fit in the memory the JVM may use.
     */
    public static void requireFloats(String what, long elements) {
        long bytes = elements * Float.BYTES;
        if (elements > Integer.MAX_VALUE - 16 || 2 * bytes > Runtime.getRuntime().maxMemory()) {
            throw new TokenSpaceException(String.format(Locale.ROOT,
                    "%s needs %s of float32 memory, more than this JVM can hold (%s): choose smaller sizes",
                    what, human(bytes), human(Runtime.getRuntime().maxMemory() / 2)));
        }
    }

    /** Bytes as a short human number: 16.0 GB, 51.5 MB, 120 B. */
    public static String human(long bytes) {
        if (bytes < 1_000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
