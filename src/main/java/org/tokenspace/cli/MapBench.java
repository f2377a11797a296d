package org.tokenspace.cli;

import org.tokenspace.explore.Projection;
import org.tokenspace.explore.Trustworthiness;
import org.tokenspace.explore.Vectors;
import org.tokenspace.io.Progress;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Function;

/**
 * What {@code bench tsne} and {@code bench umap} share: their run options, and the timed runs of a map (preparation
 * and steps timed apart), the coordinates saved for the peer, and the trustworthiness of the last run.
 */
final class MapBench {
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

    /**
     * Runs {@code prepare} then the map to its end, {@code --warmup} times untimed and {@code --runs} times timed,
     * printing each run ({@code prepared}: what the preparation computes; {@code steps}: what a step is called), saves
     * the last coordinates as {@code name.npy} and prints the RESULT line for {@code title}.
     */
    void run(PrintWriter out, BenchData input, Vectors x, String title, String name, String prepared, String steps,
             Function<Vectors, Projection> prepare) {
        float[] coords = null;
        double[] seconds = new double[Math.max(1, runs)];
        for (int r = -warmup; r < seconds.length; r++) {
            long t0 = System.nanoTime();
            Projection p = prepare.apply(x);
            long t1 = System.nanoTime();
            coords = p.run(Progress.NONE);
            long t2 = System.nanoTime();
            if (r >= 0) {
                seconds[r] = (t2 - t0) / 1e9;
                out.printf(Locale.ROOT, "run %d: %.3f s (%s %.3f s, %d %s %.3f s)%n", r + 1, seconds[r], prepared,
                        (t1 - t0) / 1e9, p.iterations(), steps, (t2 - t1) / 1e9);
                out.flush();
            }
        }
        input.saveCoordinates(name, coords, x.rows(), components);
        String trust = x.rows() <= trustMax ? String.format(Locale.ROOT, "%.4f",
                Trustworthiness.of(x, new Vectors(coords, x.rows(), components), 10)) : "not scored (--trust-max)";
        out.printf(Locale.ROOT, "RESULT TokenSpace %s %d x %d -> %d: %s, trustworthiness(k=10) %s%n", title, x.rows(),
                x.dim(), components, Timing.summary(seconds), trust);
        out.flush();
    }
}
