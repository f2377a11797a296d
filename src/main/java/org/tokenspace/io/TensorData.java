package org.tokenspace.io;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.model.MemoryBudget;
import org.tokenspace.model.TokenSpaceException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Copies a tensor's data from a file into a new float32 ND4J array, chunk by chunk. */
final class TensorData {
    /** Bytes read and converted at a time: progress and cancellation are checked between chunks. */
    static final int CHUNK = 8 << 20;

    private TensorData() {
    }

    /** Element count of {@code shape}, or a {@link FileFormatException} when it overflows a long. */
    static long count(long[] shape, Path file) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new FileFormatException(file, "the shape has a negative size " + d);
            }
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                throw new FileFormatException(file, "the shape " + java.util.Arrays.toString(shape)
                        + " has more elements than any file can hold");
            }
        }
        return n;
    }

    /** Refuses a tensor too large for this JVM up front, naming the file and the size. */
    static void requireMemory(Path file, String what, long elements) {
        try {
            MemoryBudget.requireFloats(what, elements);
        } catch (TokenSpaceException e) {
            throw new FileFormatException(file, e.getMessage());
        }
    }

    /**
     * Reads {@code count(shape)} elements of {@code dtype} starting at {@code offset} as a C-order float32 array of
     * {@code shape}. The caller has checked that the file holds them.
     */
    static INDArray read(FileChannel ch, Path file, String what, long offset, long[] shape, Dtype dtype,
                         Progress progress) throws IOException {
        long count = count(shape, file);
        requireMemory(file, what, count);
        if (count == 0) {
            throw new FileFormatException(file, what + " is empty (shape " + java.util.Arrays.toString(shape)
                    + "): there are no vectors to show");
        }
        // plain positional reads, not a memory map: if another program shortens the file meanwhile, a read ends
        // early and says so, where a mapped page would fault
        long total = count * dtype.width;
        long chunk = CHUNK / dtype.width * dtype.width;
        ByteBuffer buf = ByteBuffer.allocateDirect((int) Math.min(chunk, total));
        if (shape.length == 0) {
            FileReads.readData(ch, buf, offset, file);
            FloatBuffer one = FloatBuffer.allocate(1);
            dtype.toFloat32(buf.flip(), one);
            return Nd4j.scalar(one.get(0));
        }
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
        FloatBuffer dst = out.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        progress.step(0, total);
        for (long done = 0; done < total; ) {
            int len = (int) Math.min(chunk, total - done);
            buf.clear().limit(len);
            FileReads.readData(ch, buf, offset + done, file);
            dtype.toFloat32(buf.flip(), dst);
            done += len;
            progress.step(done, total);
        }
        return out;
    }
}
