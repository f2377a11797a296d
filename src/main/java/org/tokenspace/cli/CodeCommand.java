package org.tokenspace.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** A stage's PyTorch script for the given options; it prints what {@code show} prints. */
@Command(name = "code", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print a short PyTorch script for a stage with these settings. It needs only torch; run it "
                + "with python3 and it prints what 'tokenspace show' prints for the same options, character for "
                + "character.",
                "With --kernel generic the script sets ATEN_CPU_CAPABILITY=default, which makes PyTorch use the "
                        + "generic kernel even on CPUs with AVX2."})
final class CodeCommand implements Callable<Integer> {
    @Mixin
    StageOptions stage;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(stage.transcript().script());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
