package org.tokenspace.cli;

import org.tokenspace.model.Gpt2Tokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** GPT-2 BPE ids of a text, as a JSON array. */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = "Print the GPT-2 BPE ids of a text, from a file or standard input, as a JSON array.")
final class TokenizeCommand implements Callable<Integer> {
    @Option(names = "--file", paramLabel = "FILE",
            description = "The UTF-8 text file, or - for standard input (default: standard input).")
    Path file;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int[] ids = Gpt2Tokenizer.get().encode(TextInput.read(file, System.in));
        spec.commandLine().getOut().println(Json.array(ids));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
