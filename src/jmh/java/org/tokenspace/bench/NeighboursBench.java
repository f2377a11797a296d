package org.tokenspace.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tokenspace.explore.Metric;
import org.tokenspace.explore.Neighbour;
import org.tokenspace.explore.Neighbours;
import org.tokenspace.explore.Vectors;
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.Tables;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** One exact top-10 query over the seed-123 token table {@code [50257, 256]}: the target is at most 20 ms. */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@BenchmarkMode(Mode.SampleTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NeighboursBench {
    @Param({"cosine", "euclidean"})
    public String metric;

    private Neighbours neighbours;
    private Metric m;
    private int next;

    @Setup
    public void setup() {
        neighbours = new Neighbours(Vectors.of(Tables.seeded(123, 50257, 256, 4, NormalKernel.AVX2).tokenTable()));
        m = Metric.parse(metric);
    }

    @Benchmark
    public List<Neighbour> top10() {
        next = (next + 7919) % 50257;
        return neighbours.of(next, 10, m);
    }
}
