package org.tokenspace.cli;

import org.tokenspace.model.Batch;
import org.tokenspace.model.BatchLoader;
import org.tokenspace.model.Gpt2Tokenizer;
import org.tokenspace.model.SlidingWindows;
import org.tokenspace.model.TokenSpaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The course's {@code create_dataloader_v1} over a text, as JSON. */
@Command(name = "batches", mixinStandardHelpOptions = true, description = "Print the sliding-window input/target batches of a text as JSON.")
final class BatchesCommand implements Callable<Integer> {
    @Option(names = "--file", required = true, description = "UTF-8 text file, or - for standard input")
    Path file;

    @Option(names = "--batch-size", required = true, description = "windows per batch")
    int batchSize;

    @Option(names = "--max-length", required = true, description = "window length")
    int maxLength;

    @Option(names = "--stride", required = true, description = "step between windows")
    int stride;

    @Option(names = "--shuffle", description = "DataLoader(shuffle=True) order after torch.manual_seed(seed)")
    boolean shuffle;

    @Option(names = "--seed", converter = Converters.Seed.class, description = "seed for --shuffle (default 123)")
    long seed = 123;

    @Option(names = "--epoch", description = "epoch, 0 is the first (default 0)")
    int epoch;

    @Option(names = "--keep-last", description = "keep the short last batch (drop_last=False)")
    boolean keepLast;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String text = TextInput.read(file, System.in);
        SlidingWindows windows = new SlidingWindows(Gpt2Tokenizer.get().encode(text), maxLength, stride);
        BatchLoader loader = new BatchLoader(windows, batchSize, shuffle, !keepLast, seed);
        if (windows.size() == 0) {
            throw new TokenSpaceException(TextInput.name(file) + " is too short for one window: maxLength " + maxLength
                    + " needs at least " + (maxLength + 1L) + " tokens; use a longer text or a smaller --max-length");
        }
        int[] order = loader.order(epoch);
        PrintWriter out = spec.commandLine().getOut();
        out.print("{\"windows\": " + windows.size() + ", \"batches\": [");
        for (int b = 0; b < loader.size(); b++) {
            Batch batch = loader.batch(order, b);
            out.print((b == 0 ? "" : ",") + "\n  {\"inputs\": " + Json.matrix(batch.inputs())
                    + ", \"targets\": " + Json.matrix(batch.targets()) + "}");
        }
        out.println("\n]}");
        out.flush();
        return 0;
    }
}
