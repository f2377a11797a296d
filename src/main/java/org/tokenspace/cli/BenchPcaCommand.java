package org.tokenspace.cli;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.model.Gpt2Tokenizer;
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.Tables;
import org.tokenspace.projection.Pca;
import org.tokenspace.projection.PcaAxes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * PCA of the seed-123 token table {@code [50257, 256]} to 3 components, timed as {@code shared/bench/pca_bench.py}
 * times its peers (median of the runs after warm-up), so that the two can run one after the other.
 */
@Command(name = "pca", mixinStandardHelpOptions = true, description = "Median time of the PCA of the seed-123 token table to 3 components.")
final class BenchPcaCommand implements Callable<Integer> {
    @Option(names = "--runs", description = "timed runs (default 7)")
    int runs = 7;

    @Option(names = "--warmup", description = "untimed runs first, for the JIT (default 5)")
    int warmup = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        INDArray table = Tables.seeded(123, Gpt2Tokenizer.VOCAB_SIZE, 256, 4, NormalKernel.AVX2).tokenTable();
        var out = spec.commandLine().getOut();
        out.printf("# TokenSpace PCA, X [50257, 256] float32 from the seed-123 token table, %d cores%n",
                Runtime.getRuntime().availableProcessors());
        time(out, "Pca.fit (blocked ssyrk covariance + syevr top-3)", () -> Pca.fit(table, 3));
        PcaAxes[] last = new PcaAxes[1];
        time(out, "Pca.fit + transform of every row", () -> {
            last[0] = Pca.fit(table, 3);
            return last[0].transform(table);
        });
        out.printf(Locale.ROOT, "# top-3 explained variance %s%n", Arrays.toString(last[0].variances()));
        out.flush();
        return 0;
    }

    private void time(java.io.PrintWriter out, String name, Supplier<?> work) {
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        double[] t = new double[Math.max(1, runs)];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            work.get();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        double[] s = t.clone();
        Arrays.sort(s);
        double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        out.printf(Locale.ROOT, "RESULT %s: median %.3f s (min %.3f, max %.3f, runs %d)%n", name, median, s[0],
                s[s.length - 1], s.length);
        out.flush();
    }
}
