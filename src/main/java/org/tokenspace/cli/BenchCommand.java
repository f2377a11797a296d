package org.tokenspace.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tokenspace bench ...}: measurements of TokenSpace's own code on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure TokenSpace on this machine.", subcommands = {BenchRenderCommand.class,
        BenchPcaCommand.class, BenchUiCommand.class, BenchTokenizeCommand.class, BenchTrainCommand.class,
        BenchNeighboursCommand.class, BenchTsneCommand.class, BenchUmapCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a benchmark is needed: render, pca, ui, tokenize, train, neighbours, tsne or umap");
    }
}
