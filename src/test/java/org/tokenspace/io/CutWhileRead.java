package org.tokenspace.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Another program rewriting a file while TokenSpace reads it: waits until a thread is inside the copy of a tensor's
 * data, then cuts the file to half its size.
 */
public final class CutWhileRead {
    private CutWhileRead() {
    }

    /** True once the cut was made while {@code reader} was copying data; false if it finished first. */
    public static boolean cut(Thread reader, Path file, long timeoutMillis) throws IOException {
        return cut(List.of(reader), file, timeoutMillis);
    }

    /** The same for whichever thread named {@code prefix...} reads (e.g. the app's worker threads). */
    public static boolean cut(String prefix, Path file, long timeoutMillis) throws IOException {
        return cut(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).toList(),
                file, timeoutMillis);
    }

    private static boolean cut(List<Thread> readers, Path file, long timeoutMillis) throws IOException {
        long end = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < end && readers.stream().anyMatch(Thread::isAlive)) {
            for (Thread t : readers) {
                if (copying(t)) {
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        ch.truncate(ch.size() / 2);
                    }
                    return true;
                }
            }
            Thread.onSpinWait();
        }
        return false;
    }

    private static boolean copying(Thread t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().equals(TensorData.class.getName())) {
                return true;
            }
        }
        return false;
    }
}
