package org.tokenspace.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/** {@code torch.nn.Embedding(rows, embeddingDim)}: creation from the seeded stream, and row lookup. */
public final class Embedding {
    /** From this many rows a lookup copies on all cores. */
    private static final int PARALLEL_ROWS = 1 << 15;
    /** Up to this many values the position addition is a plain loop. */
    private static final long SMALL_ADD = 1 << 18;
    private Embedding() {
    }

    /**
     * {@code nn.Embedding(rows, cols)} drawn from {@code gen} where it stands: a float32 table of shape
     * {@code [rows, cols]} filled by {@code normal_(0, 1)}.
     */
    public static INDArray create(TorchGenerator gen, String name, long rows, long cols, NormalKernel kernel) {
        Sizes.requirePositive(name + " rows", rows);
        Sizes.requirePositive(name + " embeddingDim", cols);
        MemoryBudget.requireFloats(String.format("a %d x %d %s", rows, cols, name), rows * cols);
        // the allocation (tens of ms for the GPT-2 table) runs on the pool while this thread draws the first words
        ForkJoinTask<INDArray> table = ForkJoinPool.commonPool().submit(
                () -> Nd4j.createUninitialized(DataType.FLOAT, rows, cols)); // [rows, cols]
        FloatBuffer[] memory = new FloatBuffer[1];
        NormalInit.fill(() -> {
            synchronized (memory) {
                if (memory[0] == null) {
                    memory[0] = table.join().data().asNioFloat();
                }
                return memory[0];
            }
        }, Math.toIntExact(rows * cols), gen, kernel);
        return table.join();
    }

    /**
     * Looks up each id's row: ids {@code [B, T]} give {@code [B, T, D]}. An id outside {@code [0, rows)} raises an
     * error naming the id, its position and the valid range.
     */
    public static INDArray lookup(INDArray table, int[][] ids) {
        int batch = ids.length;
        int time = batch == 0 ? 0 : ids[0].length;
        MemoryBudget.requireFloats("the looked-up batch", (long) batch * time * table.columns());
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, batch, time, table.columns()); // [B, T, D]
        return lookupInto(table, ids, out);
    }

    /** {@link #lookup} into a preallocated {@code [B, T, D]} float32 buffer, returned for chaining. */
    public static INDArray lookupInto(INDArray table, int[][] ids, INDArray out) {
        return copyRows(table, flatten(ids, table.rows()), out);
    }

    /** Copies row {@code flat[i]} of the table to row {@code i} of {@code out}; the ids are already checked. */
    private static INDArray copyRows(INDArray table, int[] flat, INDArray out) {
        long rowBytes = table.columns() * Float.BYTES;
        if (!fits(table, out, flat.length)) {
            INDArray rows = out.reshape('c', flat.length, table.columns()); // [B*T, D], a view of out
            Nd4j.pullRows(table, rows, 1, flat);
            return out;
        }
        // each row is one memory copy between the two tensors' buffers; large batches on both cores
        ByteBuffer src = table.data().asNio();
        ByteBuffer dst = out.data().asNio();
        int row = (int) rowBytes;
        inParts(flat.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                dst.put(i * row, src, flat[i] * row, row);
            }
        });
        return out;
    }

    /**
     * Lookup and absolute position addition together: {@code out[b, t] = tokenTable[ids[b, t]] + positionTable[t]},
     * {@code [B, T, D]}, the same float32 sums as {@link #lookupInto} then {@link #addPositionsInPlace}. A small
     * batch is summed row by row as it is copied; a large one is copied, then added to by one native op (faster
     * there: the row-wise sum is limited by the Java buffer calls).
     */
    public static INDArray lookupWithPositionsInto(INDArray table, INDArray positionTable, int[][] ids,
                                                   INDArray out) {
        int[] flat = flatten(ids, table.rows());
        int time = ids.length == 0 ? 0 : ids[0].length;
        int dim = (int) table.columns();
        if (flat.length >= PARALLEL_ROWS || !fits(table, out, flat.length) || !plain(positionTable)
                || positionTable.columns() != dim || time > positionTable.rows()) {
            return addPositionsInPlace(copyRows(table, flat, out), positionTable);
        }
        FloatBuffer src = table.data().asNioFloat();
        FloatBuffer dst = out.data().asNioFloat();
        FloatBuffer pos = positionTable.data().asNioFloat();
        float[] row = new float[dim];
        float[] position = new float[dim];
        for (int i = 0; i < flat.length; i++) {
            src.get(flat[i] * dim, row);
            pos.get((i % time) * dim, position);
            for (int d = 0; d < dim; d++) {
                row[d] += position[d];
            }
            dst.put(i * dim, row);
        }
        return out;
    }

    /** Runs {@code work(from, to)} over {@code [0, rows)}: in one piece, or split over all cores for large batches. */
    private static void inParts(int rows, java.util.function.BiConsumer<Integer, Integer> work) {
        int parts = rows >= PARALLEL_ROWS ? ForkJoinPool.getCommonPoolParallelism() + 1 : 1;
        if (parts == 1) {
            work.accept(0, rows);
            return;
        }
        IntStream.range(0, parts).parallel().forEach(part -> work.accept((int) ((long) rows * part / parts),
                (int) ((long) rows * (part + 1) / parts)));
    }

    /** Both tensors plain, {@code out} exactly {@code rows} rows, everything addressable by a Java buffer. */
    private static boolean fits(INDArray table, INDArray out, int rows) {
        return plain(table) && plain(out) && out.length() == rows * table.columns()
                && table.columns() * Float.BYTES * Math.max(rows, table.rows()) <= Integer.MAX_VALUE;
    }

    /** float32, C order, its own buffer from the start (not a view into another array). */
    private static boolean plain(INDArray a) {
        return a.dataType() == DataType.FLOAT && a.ordering() == 'c' && !a.isView() && a.offset() == 0;
    }

    /**
     * Absolute position addition, in place: {@code [B, T, D] += positionTable[0:T]} broadcast over the batch.
     * float32 adds, the same bits as PyTorch's {@code token_embeddings + pos_embeddings}.
     */
    public static INDArray addPositionsInPlace(INDArray tokens, INDArray positionTable) {
        long batch = tokens.size(0);
        long time = tokens.size(1);
        long dim = tokens.size(2);
        if (time > positionTable.rows()) {
            throw new TokenSpaceException("a sequence of " + time + " tokens needs " + time
                    + " positions but the positional table has contextLength " + positionTable.rows()
                    + ": raise contextLength or lower maxLength");
        }
        long n = batch * time * dim;
        if (n <= SMALL_ADD && plain(tokens) && plain(positionTable)) {
            // a small batch: a plain loop beats the setup of a native op
            int span = (int) (time * dim);
            float[] x = new float[(int) n];
            float[] p = new float[span]; // positionTable[0:T], [T, D]
            tokens.data().asNioFloat().get(0, x);
            positionTable.data().asNioFloat().get(0, p);
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < span; j++) {
                    x[b * span + j] += p[j];
                }
            }
            tokens.data().asNioFloat().put(0, x);
            return tokens;
        }
        INDArray pos = positionTable.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, time),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).reshape('c', 1, time * dim); // [1, T*D]
        tokens.reshape('c', batch, time * dim).addiRowVector(pos); // [B, T*D] += [T*D]
        return tokens;
    }

    private static int[] flatten(int[][] ids, long rows) {
        int batch = ids.length;
        int time = batch == 0 ? 0 : ids[0].length;
        int[] flat = new int[batch * time];
        for (int b = 0; b < batch; b++) {
            if (ids[b].length != time) {
                throw new TokenSpaceException("row " + b + " of the id batch has " + ids[b].length
                        + " ids but row 0 has " + time + ": every row needs the same length");
            }
            for (int t = 0; t < time; t++) {
                int id = ids[b][t];
                if (id < 0 || id >= rows) {
                    throw new TokenSpaceException("token id " + id + " at position [" + b + ", " + t
                            + "] is outside the table: valid ids are 0 to " + (rows - 1));
                }
                flat[b * time + t] = id;
            }
        }
        return flat;
    }
}
