package org.tokenspace.cli;

import org.tokenspace.explore.Metric;
import org.tokenspace.explore.Neighbours;
import org.tokenspace.explore.Vectors;
import org.tokenspace.model.Gpt2Tokenizer;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** Time per exact top-k query over the whole seed-123 token table {@code [50257, 256]}, for both metrics. */
@Command(name = "neighbours", mixinStandardHelpOptions = true,
        description = "Time exact top-k neighbour queries over the seed-123 50257 x 256 token table.")
final class BenchNeighboursCommand implements Callable<Integer> {
    @Option(names = "--k", paramLabel = "K", description = "Neighbours per query (default: ${DEFAULT-VALUE}).")
    int k = 10;

    @Option(names = "--queries", paramLabel = "N", description = "Timed queries per metric, ids spread over the table"
            + " (default: ${DEFAULT-VALUE}).")
    int queries = 200;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Untimed queries first, for the JIT (default: ${DEFAULT-VALUE}).")
    int warmup = 200;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Vectors table = Vectors.of(new Pipeline().tablesFor(Settings.DEFAULTS).tokenTable()); // the course's
        var out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        Neighbours n = new Neighbours(table);
        out.printf(Locale.ROOT, "# TokenSpace exact neighbours over the seed-123 token table [50257, 256], %d cores;"
                + " row norms once per table: %.1f ms%n", Runtime.getRuntime().availableProcessors(),
                (System.nanoTime() - t0) / 1e6);
        for (Metric metric : Metric.values()) {
            for (int q = 0; q < warmup; q++) {
                n.of(id(q), k, metric);
            }
            double[] seconds = new double[Math.max(1, queries)];
            for (int q = 0; q < seconds.length; q++) {
                long s = System.nanoTime();
                n.of(id(q), k, metric);
                seconds[q] = (System.nanoTime() - s) / 1e9;
            }
            java.util.Arrays.sort(seconds);
            out.printf(Locale.ROOT, "RESULT %s top-%d of 50257 x 256: median %.2f ms per query (min %.2f, p90 %.2f,"
                    + " max %.2f, queries %d)%n", metric.label(), k, seconds[seconds.length / 2] * 1e3,
                    seconds[0] * 1e3, seconds[(int) (seconds.length * 0.9)] * 1e3, seconds[seconds.length - 1] * 1e3,
                    seconds.length);
            out.flush();
        }
        return 0;
    }

    /** Query ids spread over the whole table. */
    private static int id(int q) {
        return (int) ((q * 7919L) % Gpt2Tokenizer.VOCAB_SIZE);
    }
}
