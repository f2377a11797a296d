package org.tokenspace.cli;

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

    @Mixin
    MapBench bench = new MapBench();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Vectors x = input.load();
        input.saveInput(x);
        UmapSettings s = UmapSettings.DEFAULTS.withComponents(bench.components).validate(x.rows());
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "# TokenSpace UMAP (15 neighbours, min-dist 0.1, PCA start, seed 0) of %s to %d,"
                + " %d epochs, %d cores%n", input.describe(x), bench.components, s.epochsFor(x.rows()),
                Runtime.getRuntime().availableProcessors());
        out.flush();
        bench.run(out, input, x, "UMAP", "umap", "neighbours and graph", "epochs",
                v -> Umap.prepare(v, s, Progress.NONE));
        return 0;
    }
}
