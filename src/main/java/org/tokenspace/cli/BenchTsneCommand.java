package org.tokenspace.cli;

import org.tokenspace.explore.Trustworthiness;
import org.tokenspace.explore.Tsne;
import org.tokenspace.explore.TsneSettings;
import org.tokenspace.explore.Vectors;
import org.tokenspace.io.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * t-SNE's time and trustworthiness on the rows {@code src/jmh/python/tsne_peer.py} reads, with scikit-learn's
 * defaults on both sides (perplexity 30, 1000 iterations, PCA start, learning rate "auto", angle 0.5).
 */
@Command(name = "tsne", mixinStandardHelpOptions = true,
        description = "Time a Barnes-Hut t-SNE run and score it by trustworthiness (k = 10).")
final class BenchTsneCommand implements Callable<Integer> {
    @Mixin
    BenchData input = new BenchData(3000);

    @Option(names = "--components", paramLabel = "K",
            description = "Coordinates per row, 2 or 3 (default: ${DEFAULT-VALUE}).")
    int components = 2;

    @Option(names = "--iterations", paramLabel = "N", description = "Gradient steps (default: ${DEFAULT-VALUE}).")
    int iterations = 1000;

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    int runs = 1;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Untimed runs first, for the JIT (default: ${DEFAULT-VALUE}).")
    int warmup = 0;

    @Option(names = "--trust-max", paramLabel = "N",
            description = "Score trustworthiness only up to this many rows, as it costs"
                    + " n^2 distances (default: ${DEFAULT-VALUE}).")
    int trustMax = 20000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Vectors x = input.load();
        input.saveInput(x);
        TsneSettings s = TsneSettings.DEFAULTS.withComponents(components).withIterations(iterations)
                .validate(x.rows());
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "# TokenSpace t-SNE (Barnes-Hut, angle 0.5, perplexity 30, PCA start) of %s to %d,"
                + " %d iterations, %d cores%n", input.describe(x), components, iterations,
                Runtime.getRuntime().availableProcessors());
        out.flush();
        float[] coords = null;
        double[] seconds = new double[Math.max(1, runs)];
        for (int r = -warmup; r < seconds.length; r++) {
            long t0 = System.nanoTime();
            Tsne t = Tsne.prepare(x, s, Progress.NONE);
            long t1 = System.nanoTime();
            coords = t.run(Progress.NONE);
            long t2 = System.nanoTime();
            if (r >= 0) {
                seconds[r] = (t2 - t0) / 1e9;
                out.printf(Locale.ROOT, "run %d: %.3f s (neighbours and affinities %.3f s, %d iterations %.3f s)%n",
                        r + 1, seconds[r], (t1 - t0) / 1e9, iterations, (t2 - t1) / 1e9);
                out.flush();
            }
        }
        input.saveCoordinates("tsne", coords, x.rows(), components);
        String trust = x.rows() <= trustMax ? String.format(Locale.ROOT, "%.4f",
                Trustworthiness.of(x, new Vectors(coords, x.rows(), components), 10)) : "not scored (--trust-max)";
        out.printf(Locale.ROOT, "RESULT TokenSpace t-SNE %d x %d -> %d: %s, trustworthiness(k=10) %s%n", x.rows(),
                x.dim(), components, Timing.summary(seconds), trust);
        out.flush();
        return 0;
    }
}
