package org.tokenspace.cli;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.io.AtomicFiles;
import org.tokenspace.io.Npy;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.Tables;
import org.tokenspace.train.Optimizer;
import org.tokenspace.train.Trainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

/** Trains the embedding stage on a text, as the course's ch05 loop does, and writes the tensors as .npy. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the token and positional tables on a text, exactly as PyTorch does: the course's "
                + "GPTModel with no transformer blocks (token + positional embeddings, LayerNorm, an output head), "
                + "mean cross-entropy against the next tokens, AdamW or SGD.",
            "Writes OUT/losses.json (one loss per step) and token_table.npy, position_table.npy, out_head.npy "
                + "([V, D], as nn.Linear stores it), final_norm_scale.npy and final_norm_shift.npy. --steps 0 writes "
                + "the initial tensors. A run that diverges stops at that step, writes the last finite state and "
                + "ends with a message."})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--file", paramLabel = "FILE",
            description = "The UTF-8 text file, or - for standard input (default:"
                    + " standard input); a text that starts with 'ids:' is a list of token ids.")
    Path file;

    @Mixin
    SettingsOptions options;

    @Mixin
    TablesOptions tables;

    @Mixin
    OptimizerOptions optimizerOptions;

    @Option(names = "--steps", paramLabel = "N", required = true,
            description = "Optimizer steps, counted across epochs.")
    int steps;

    @Option(names = "--out", required = true, paramLabel = "FOLDER", description = "The folder to write into.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (steps < 0) {
            throw new org.tokenspace.model.TokenSpaceException("--steps " + steps + " is negative: give 0 or more "
                    + "(0 writes the initial tensors)");
        }
        Optimizer optimizer = optimizerOptions.optimizer();
        String text = TextInput.read(file == null || file.toString().equals("-") ? null : file, System.in);
        Tables given = tables.load();
        int[] ids = new Pipeline().ids(text, f -> { }, () -> false);
        PrintWriter w = spec.commandLine().getOut();
        try (Trainer trainer = new Trainer(ids, options.settings(given), optimizer, given)) {
            org.tokenspace.model.TokenSpaceException diverged = null;
            try {
                trainer.steps(steps, () -> false);
            } catch (Trainer.Diverged e) {
                diverged = e;
            }
            write(trainer);
            float[] losses = trainer.losses();
            int epochs = trainer.epoch() + 1;
            w.printf(Locale.ROOT, "%d step%s (%d epoch%s of %d batches)%s; wrote %s%n", losses.length,
                    losses.length == 1 ? "" : "s", epochs, epochs == 1 ? "" : "s", trainer.batchesPerEpoch(),
                    losses.length == 0 ? ""
                            : String.format(Locale.ROOT, ", loss %.4f -> %.4f", losses[0], losses[losses.length - 1]),
                    out);
            w.flush();
            if (diverged != null) {
                throw diverged;
            }
        }
        return 0;
    }

    private void write(Trainer trainer) {
        for (Map.Entry<String, INDArray> t : trainer.tensors().entrySet()) {
            Npy.write(out.resolve(t.getKey() + ".npy"), t.getValue());
        }
        StringJoiner json = new StringJoiner(", ", "[", "]\n");
        for (float l : trainer.losses()) {
            json.add(Double.toString(l)); // the float32 value, as Python's json writes float(loss)
        }
        AtomicFiles.writeString(out.resolve("losses.json"), json.toString());
    }

    static final class OptimizerKind implements CommandLine.ITypeConverter<Optimizer.Kind> {
        @Override
        public Optimizer.Kind convert(String value) {
            try {
                return Optimizer.Kind.parse(value);
            } catch (RuntimeException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
