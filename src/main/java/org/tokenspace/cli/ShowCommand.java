package org.tokenspace.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** What a stage shows, as PyTorch prints it; {@code code} prints the script that prints the same. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print what a stage shows, exactly as PyTorch prints it: the ids, windows and batches; the "
                + "looked-up rows; the positional rows and the sums; torch.Size.",
                "The script 'tokenspace code' writes for the same options prints the same text, character for "
                        + "character."})
final class ShowCommand implements Callable<Integer> {
    @Mixin
    StageOptions stage;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(stage.transcript().output());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
