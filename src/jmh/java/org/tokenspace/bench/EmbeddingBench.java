package org.tokenspace.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tokenspace.model.Embedding;
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.TorchGenerator;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Table creation and lookup, the figures {@code ../shared/bench/torch_embedding_bench.py} measures for PyTorch:
 * {@code mvn -Pjmh -DskipTests package exec:exec -Djmh.args="EmbeddingBench"}.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EmbeddingBench {
    static final int VOCAB = 50257;
    static final int DIM = 256;

    /** {@code torch.manual_seed(123); nn.Embedding(50257, 256)}. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public INDArray createTokenTable(TableState s) {
        if (s.last != null) {
            s.last.close(); // free the previous table now, as PyTorch's refcount does, not at some later GC
        }
        s.last = Embedding.create(new TorchGenerator(123), "token table", VOCAB, DIM, s.kernel);
        return s.last;
    }

    @State(Scope.Benchmark)
    public static class TableState {
        @Param({"AVX2"})
        NormalKernel kernel;
        INDArray last;
    }

    @State(Scope.Benchmark)
    public static class LookupState {
        @Param({"8x4", "1024x1024"})
        String ids;

        INDArray tokenTable;
        INDArray positionTable;
        int[][] batch;
        INDArray out;

        @Setup(Level.Trial)
        public void setUp() {
            String[] bt = ids.split("x");
            int b = Integer.parseInt(bt[0]);
            int t = Integer.parseInt(bt[1]);
            TorchGenerator gen = new TorchGenerator(123);
            tokenTable = Embedding.create(gen, "token table", VOCAB, DIM, NormalKernel.AVX2);
            positionTable = Embedding.create(gen, "positional table", t, DIM, NormalKernel.AVX2);
            SplittableRandom rnd = new SplittableRandom(0);
            batch = new int[b][t];
            for (int[] row : batch) {
                for (int i = 0; i < t; i++) {
                    row[i] = rnd.nextInt(VOCAB);
                }
            }
            out = Nd4j.createUninitialized(DataType.FLOAT, b, t, DIM); // [B, T, D]
        }
    }

    /** {@code tokenTable[ids]} into a new tensor, like {@code emb(ids)}. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public INDArray lookup(LookupState s) {
        return Embedding.lookup(s.tokenTable, s.batch);
    }

    /** Into a preallocated {@code [B, T, D]} buffer, like {@code index_select(W, 0, ids, out=buf)}. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public INDArray lookupInto(LookupState s) {
        return Embedding.lookupInto(s.tokenTable, s.batch, s.out);
    }

    /** Preallocated lookup plus the positional add, like {@code index_select(...).add_(pos)}, here in one pass. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public INDArray lookupIntoPlusPositions(LookupState s) {
        return Embedding.lookupWithPositionsInto(s.tokenTable, s.positionTable, s.batch, s.out);
    }
}
