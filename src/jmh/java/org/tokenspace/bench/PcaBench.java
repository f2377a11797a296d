package org.tokenspace.bench;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.Tables;
import org.tokenspace.projection.Pca;
import org.tokenspace.projection.PcaAxes;

import java.util.concurrent.TimeUnit;

/**
 * PCA of the seed-123 token table {@code [50257, 256]} float32 to 3 components, and transforming 32 new vectors into
 * the fitted axes. Peer: {@code shared/bench/pca_bench.py} (numpy covariance + eigh + projection).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@BenchmarkMode(Mode.AverageTime)
public class PcaBench {
    private INDArray table;  // [50257, 256]
    private PcaAxes axes;
    private INDArray batch;  // [32, 256]
    private float[] vector;  // [256]

    @Setup
    public void setup() {
        table = Tables.seeded(123, 50257, 256, 4, NormalKernel.AVX2).tokenTable();
        axes = Pca.fit(table, 3);
        batch = Nd4j.randn(org.nd4j.linalg.api.buffer.DataType.FLOAT, 32, 256);
        vector = batch.getRow(0).toFloatVector();
    }

    /** Covariance + eigen-decomposition: the axes. Sampled: JMH prints the median (p0.50) beside the mean. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public PcaAxes fit() {
        return Pca.fit(table, 3);
    }

    /** The axes and every row's coordinates, the same work as numpy's covariance + eigh + projection. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public float[] fitAndProject() {
        return Pca.fit(table, 3).transform(table);
    }

    /** 32 new vectors {@code [32, 256]} into the fitted axes: {@code [32, 3]}. */
    @Benchmark
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public float[] transform32() {
        return axes.transform(batch);
    }

    /** One vector {@code [256]} into the fitted axes. */
    @Benchmark
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public float[] transformOne() {
        return axes.transform(vector);
    }
}
