package org.tokenspace.cli;

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

    @Mixin
    MapBench bench = new MapBench();

    @Option(names = "--iterations", paramLabel = "N", description = "Gradient steps (default: ${DEFAULT-VALUE}).")
    int iterations = 1000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Vectors x = input.load();
        input.saveInput(x);
        TsneSettings s = TsneSettings.DEFAULTS.withComponents(bench.components).withIterations(iterations)
                .validate(x.rows());
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "# TokenSpace t-SNE (Barnes-Hut, angle 0.5, perplexity 30, PCA start) of %s to %d,"
                + " %d iterations, %d cores%n", input.describe(x), bench.components, iterations,
                Runtime.getRuntime().availableProcessors());
        out.flush();
        bench.run(out, input, x, "t-SNE", "tsne", "neighbours and affinities", "iterations",
                v -> Tsne.prepare(v, s, Progress.NONE));
        return 0;
    }
}
