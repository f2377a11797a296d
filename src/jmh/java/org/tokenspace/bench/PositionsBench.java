package org.tokenspace.bench;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tokenspace.positions.AlibiPositions;
import org.tokenspace.positions.RotaryPositions;
import org.tokenspace.positions.SinusoidalPositions;
import org.tokenspace.positions.T5Positions;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What {@code tokenspace positions} computes, without the JVM start: a sinusoidal table [2048, 256], one token
 * rotated at 2048 positions, T5 buckets [1024, 1024], an ALiBi bias [12, 1024, 1024]. Peer: the same functions of
 * {@code shared/golden/tools/positions_reference.py} under Python's timeit (commands in the README).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PositionsBench {
    private float[] token; // [256]
    private RotaryPositions rope;
    private INDArray last;

    @Setup
    public void setup() {
        Random r = new Random(40);
        token = new float[256];
        for (int d = 0; d < token.length; d++) {
            token[d] = (float) r.nextGaussian();
        }
        rope = new RotaryPositions(2048, 256, RotaryPositions.Pairing.INTERLEAVED);
    }

    /** Frees the previous result now, as PyTorch's refcount does, not at some later GC, and keeps this one. */
    private INDArray keep(INDArray result) {
        if (last != null) {
            last.close();
        }
        last = result;
        return result;
    }

    @Benchmark
    public INDArray sinusoidal() {
        return keep(new SinusoidalPositions(2048, 256, SinusoidalPositions.Layout.INTERLEAVED).table());
    }

    @Benchmark
    public INDArray ropeRotatedRows() {
        return keep(rope.rotatedRows(token));
    }

    @Benchmark
    public int[][] t5Buckets() {
        return T5Positions.seeded(1024, true, 32, 128, 8, 123, org.tokenspace.model.NormalKernel.AVX2).buckets();
    }

    @Benchmark
    public INDArray alibi() {
        return keep(new AlibiPositions(1024, 12).bias());
    }
}
