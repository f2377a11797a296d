package org.tokenspace.cli;

import org.tokenspace.explore.Trustworthiness;
import org.tokenspace.explore.Umap;
import org.tokenspace.explore.UmapSettings;
import org.tokenspace.explore.Vectors;
import org.tokenspace.io.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** UMAP's time and trustworthiness on the rows {@code src/jmh/js/umap_peer.js} reads (umap-learn's defaults). */
@Command(name = "umap", mixinStandardHelpOptions = true,
        description = "Time a UMAP run and score it by trustworthiness (k = 10).")
final class BenchUmapCommand implements Callable<Integer> {
    @Mixin
    BenchData input = new BenchData(5000);

    @Option(names = "--components", paramLabel = "K",
            description = "Coordinates per row, 2 or 3 (default: ${DEFAULT-VALUE}).")
    int components = 2;

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
        UmapSettings s = UmapSettings.DEFAULTS.withComponents(components).validate(x.rows());
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "# TokenSpace UMAP (15 neighbours, min-dist 0.1, PCA start, seed 0) of %s to %d,"
                + " %d epochs, %d cores%n", input.describe(x), components, s.epochsFor(x.rows()),
                Runtime.getRuntime().availableProcessors());
        out.flush();
        float[] coords = null;
        double[] seconds = new double[Math.max(1, runs)];
        for (int r = -warmup; r < seconds.length; r++) {
            long t0 = System.nanoTime();
            Umap u = Umap.prepare(x, s, Progress.NONE);
            long t1 = System.nanoTime();
            coords = u.run(Progress.NONE);
            long t2 = System.nanoTime();
            if (r >= 0) {
                seconds[r] = (t2 - t0) / 1e9;
                out.printf(Locale.ROOT, "run %d: %.3f s (neighbours and graph %.3f s, %d epochs %.3f s)%n", r + 1,
                        seconds[r], (t1 - t0) / 1e9, u.iterations(), (t2 - t1) / 1e9);
                out.flush();
            }
        }
        input.saveCoordinates("umap", coords, x.rows(), components);
        String trust = x.rows() <= trustMax ? String.format(Locale.ROOT, "%.4f",
                Trustworthiness.of(x, new Vectors(coords, x.rows(), components), 10)) : "not scored (--trust-max)";
        out.printf(Locale.ROOT, "RESULT TokenSpace UMAP %d x %d -> %d: %s, trustworthiness(k=10) %s%n", x.rows(),
                x.dim(), components, Timing.summary(seconds), trust);
        out.flush();
        return 0;
    }
}
