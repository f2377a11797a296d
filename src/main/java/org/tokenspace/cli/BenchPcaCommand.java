package org.tokenspace.cli;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.projection.Pca;
import org.tokenspace.projection.VocabularyCloud;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The vocabulary cloud's PCA of the seeded token table ({@code [50257, 256]} with the defaults) to 3 components,
 * timed as {@code shared/bench/pca_bench.py} times its peers (median of the runs after warm-up), so that the two can
 * run one after the other.
 */
@Command(name = "pca", mixinStandardHelpOptions = true,
        description = "Print the median time of the vocabulary cloud's PCA of the seeded token table to 3 components.")
final class BenchPcaCommand implements Callable<Integer> {
    @Option(names = "--runs", paramLabel = "N", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    int runs = 7;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Untimed runs first, for the JIT (default: ${DEFAULT-VALUE}).")
    int warmup = 5;

    @Mixin
    TableSizeOptions table;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        INDArray tokenTable = table.seeded().tokenTable(); // [V, D]
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "# TokenSpace PCA, X [%d, %d] float32 from the seed-%s token table, %d cores%n",
                tokenTable.rows(), tokenTable.columns(), Long.toUnsignedString(table.seed()),
                Runtime.getRuntime().availableProcessors());
        time(out, "Pca.fit (blocked ssyrk covariance + EJML eigen-decomposition, top 3)",
                () -> Pca.fit(tokenTable, VocabularyCloud.COMPONENTS));
        VocabularyCloud[] last = new VocabularyCloud[1];
        time(out, "Pca.fit + transform of every row", () -> last[0] = VocabularyCloud.of(tokenTable));
        out.printf(Locale.ROOT, "# top-3 explained variance %s%n", Arrays.toString(last[0].axes().variances()));
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
