package org.tokenspace.cli;

import org.tokenspace.model.Batch;
import org.tokenspace.model.BatchLoader;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.Settings;
import org.tokenspace.model.TokenSpaceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The course's {@code create_dataloader_v1} over a text, as JSON: the pipeline's loader, every batch of an epoch. */
@Command(name = "batches", mixinStandardHelpOptions = true,
        description = "Print every input and target batch of one epoch of a text's sliding windows as JSON, as the"
                + " course's create_dataloader_v1 yields them.")
final class BatchesCommand implements Callable<Integer> {
    @Option(names = "--file", required = true, paramLabel = "FILE",
            description = "The UTF-8 text file, or - for standard input.")
    Path file;

    @Mixin
    LoaderOptions loader;

    @Mixin
    SeedOptions seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String text = TextInput.read(file, System.in);
        Settings settings = loader.apply(Settings.builder()).seed(seed.seed).build();
        Pipeline.Batches batches = new Pipeline().batches(text, settings, f -> { }, () -> false);
        if (batches.windows().size() == 0) {
            throw new TokenSpaceException(TextInput.name(file) + " is too short for one window: maxLength "
                    + settings.maxLength() + " needs at least " + (settings.maxLength() + 1L)
                    + " tokens; use a longer text or a smaller --max-length");
        }
        BatchLoader batchLoader = batches.loader();
        int[] order = batchLoader.order(settings.epoch());
        PrintWriter out = spec.commandLine().getOut();
        out.print("{\"windows\": " + batches.windows().size() + ", \"batches\": [");
        for (int b = 0; b < batchLoader.size(); b++) {
            Batch batch = batchLoader.batch(order, b);
            out.print((b == 0 ? "" : ",") + "\n  {\"inputs\": " + Json.matrix(batch.inputs())
                    + ", \"targets\": " + Json.matrix(batch.targets()) + "}");
        }
        out.println("\n]}");
        out.flush();
        return 0;
    }
}
