package org.tokenspace.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tokenspace bench ...}: measurements of TokenSpace's own code on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure TokenSpace's own code on this machine, to run beside the peers in shared/bench.",
        subcommands = {BenchRenderCommand.class,
        BenchPcaCommand.class, BenchUiCommand.class, BenchTokenizeCommand.class, BenchTrainCommand.class,
        BenchNeighboursCommand.class, BenchTsneCommand.class, BenchUmapCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a benchmark is needed: " + Cli.names(spec));
    }
}
