package org.tokenspace.cli;

import org.tokenspace.io.TableFiles;
import org.tokenspace.io.TensorInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** What a tensor file holds, from its header alone: nothing is loaded. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"List the tensors of a .npy or .safetensors file, one per line: name, dtype, shape and data"
                + " size in bytes, tab-separated."})
final class InspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The .npy or .safetensors file.")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (TensorInfo t : TableFiles.inspect(file)) {
            out.println(t.line());
        }
        out.flush();
        return 0;
    }
}
