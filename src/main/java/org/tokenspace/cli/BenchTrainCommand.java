package org.tokenspace.cli;

import org.tokenspace.app.SampleText;
import org.tokenspace.io.TextFiles;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.Settings;
import org.tokenspace.train.Optimizer;
import org.tokenspace.train.Trainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Training steps per second for the course's settings (V 50257, D 256, B 8, T 4, shuffled), measured as
 * {@code shared/bench/torch_train_bench.py} measures PyTorch: one warm-up block, then the median of timed blocks.
 * Prints the resident memory before and after, so a long run shows whether memory stays flat.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Print the training steps per second of the embedding stage at the course's settings, and"
                + " the resident memory.")
final class BenchTrainCommand implements Callable<Integer> {
    @Option(names = "--steps", paramLabel = "N", description = "Steps per timed block (default: ${DEFAULT-VALUE}).")
    int steps = 60;

    @Option(names = "--runs", paramLabel = "N",
            description = "Timed blocks after one warm-up block (default: ${DEFAULT-VALUE}).")
    int runs = 5;

    @Option(names = "--optimizer", converter = TrainCommand.OptimizerKind.class, paramLabel = "adamw|sgd",
            description = "AdamW as the course (lr 4e-4, weight decay 0.1) or SGD (lr 0.1)"
                    + " (default: ${DEFAULT-VALUE}).")
    Optimizer.Kind kind = Optimizer.Kind.ADAMW;

    @Option(names = "--embedding-dim", paramLabel = "D", description = "Vector length (default: ${DEFAULT-VALUE}).")
    int embeddingDim = 256;

    @Option(names = "--file", paramLabel = "FILE", description = "The text (default: the embedded sample text).")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (steps < 1 || runs < 1) {
            throw new org.tokenspace.model.TokenSpaceException("--steps and --runs must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        String text = file == null ? SampleText.TEXT : TextFiles.read(file);
        int[] ids = new Pipeline().ids(text, f -> { }, () -> false);
        Settings s = Settings.builder().embeddingDim(embeddingDim).shuffle(true).build();
        Optimizer o = kind == Optimizer.Kind.ADAMW ? Optimizer.COURSE : new Optimizer(kind, 0.1, 0);
        out.printf(Locale.ROOT, "# TokenSpace train, %d cores, resident %s at start%n",
                Runtime.getRuntime().availableProcessors(), rss());
        try (Trainer t = new Trainer(ids, s, o, null)) {
            t.steps(steps, () -> false); // warm-up: the JIT, the native buffers
            out.printf(Locale.ROOT, "# resident %s after the warm-up block%n", rss());
            double[] rates = new double[runs];
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                t.steps(steps, () -> false);
                rates[r] = steps / ((System.nanoTime() - t0) / 1e9);
                out.printf(Locale.ROOT, "# resident %s after %d steps in all (%s)%n", rss(), t.stepCount(), heap());
                out.flush();
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            out.printf(Locale.ROOT, "RESULT tokenspace train step (%s, V=%d, D=%d, B=%d, T=%d): median %.2f steps/s "
                            + "(min %.2f, max %.2f, runs %d x %d steps)%n", kind.id(), s.vocabSize(), embeddingDim,
                    s.batchSize(), s.maxLength(), sorted[runs / 2], sorted[0], sorted[runs - 1], runs, steps);
        }
        out.flush();
        return 0;
    }

    /** The Java heap's use and size, and the native memory JavaCPP holds (the native tables and buffers). */
    static String heap() {
        Runtime rt = Runtime.getRuntime();
        long mb = 1 << 20;
        return String.format(Locale.ROOT, "heap %d MB used of %d MB, native %d MB",
                (rt.totalMemory() - rt.freeMemory()) / mb, rt.totalMemory() / mb,
                org.bytedeco.javacpp.Pointer.totalBytes() / mb);
    }

    /** The process's resident memory ({@code VmRSS} of {@code /proc/self/status}), or "unknown". */
    static String rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.substring(6).trim()).findFirst().orElse("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }
}
