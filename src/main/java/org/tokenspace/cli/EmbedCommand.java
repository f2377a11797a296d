package org.tokenspace.cli;

import org.tokenspace.io.AtomicFiles;
import org.tokenspace.io.Npy;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** The whole pipeline on a text: one batch's token, positional and input embeddings as .npy. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Write one batch's token, positional and input embeddings as .npy.",
            "With --tables the tables come from a safetensors file (e.g. GPT-2's wte.weight and wpe.weight)."})
final class EmbedCommand implements Callable<Integer> {
    @Option(names = "--file", required = true, paramLabel = "FILE",
            description = "The UTF-8 text file, or - for standard input.")
    Path file;

    @Mixin
    SettingsOptions options;

    @Mixin
    TablesOptions tables;

    @Option(names = "--out", required = true, paramLabel = "FOLDER", description = "The folder to write into.")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String text = TextInput.read(file, System.in);
        Tables given = tables.load();
        PipelineResult r = new Pipeline().run(text, options.settings(given), given, () -> false);
        AtomicFiles.writeSet(out, List.of( // one set: a kill never leaves new token beside old input embeddings
                Npy.part("token_embeddings.npy", r.tokenEmbeddings()),          // [B, T, D]
                Npy.part("position_embeddings.npy", r.positionEmbeddings()),    // [T, D]
                Npy.part("input_embeddings.npy", r.inputEmbeddings())));        // [B, T, D]
        spec.commandLine().getOut().printf("batch %d of %d, inputs %s -> token/input embeddings %s%n",
                r.settings().batchIndex(), r.batchCount(), Json.matrix(r.batch().inputs()),
                java.util.Arrays.toString(r.inputEmbeddings().shape()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
