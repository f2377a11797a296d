package org.tokenspace.cli;

import org.tokenspace.model.Gpt2Tokenizer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * GPT-2 BPE speed on a text repeated to {@code --mb} megabytes, as {@code shared/bench/tiktoken_bench.js} measures
 * tiktoken: median tokens per second over runs, after a warm-up.
 */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = "Print GPT-2 BPE tokens per second on a text repeated to --mb megabytes.")
final class BenchTokenizeCommand implements Callable<Integer> {
    @Option(names = "--file", required = true, paramLabel = "FILE",
            description = "The text to repeat (e.g. the-verdict.txt), or - for standard input.")
    Path file;

    @Option(names = "--mb", paramLabel = "MB", description = "Megabytes of text (default: ${DEFAULT-VALUE}).")
    int mb = 10;

    @Option(names = "--runs", paramLabel = "N",
            description = "Timed runs after one warm-up (default: ${DEFAULT-VALUE}).")
    int runs = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String one = TextInput.read(file, System.in);
        String text = one.repeat((int) Math.ceil(mb * 1e6 / Math.max(1, one.length())));
        Gpt2Tokenizer bpe = Gpt2Tokenizer.get();
        int tokens = bpe.encode(text).length; // warm-up
        double[] seconds = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            tokens = bpe.encode(text).length;
            seconds[r] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(seconds);
        double median = seconds[runs / 2];
        spec.commandLine().getOut().printf(Locale.ROOT, "GPT-2 BPE (jtokkit, in chunks): %.3f M tokens/s (median %.1f ms "
                + "per encode of %,d characters, %,d tokens, %d runs)%n", tokens / median / 1e6, median * 1e3,
                text.length(), tokens, runs);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
