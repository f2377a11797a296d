package org.tokenspace.cli;

import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The pipeline's settings as options; defaults are the course's. */
final class SettingsOptions {
    private static final Settings D = Settings.DEFAULTS;

    @Option(names = "--seed", converter = Converters.Seed.class, description = "torch.manual_seed (default 123)")
    Long seed;

    @Option(names = "--vocab-size", description = "token table rows (default 50257)")
    int vocabSize = D.vocabSize();

    @Option(names = "--embedding-dim", description = "vector length (default 256)")
    int embeddingDim = D.embeddingDim();

    @Option(names = "--context-length", description = "positional table rows (default 4)")
    int contextLength = D.contextLength();

    @Option(names = "--batch-size", description = "windows per batch (default 8)")
    int batchSize = D.batchSize();

    @Option(names = "--max-length", description = "window length (default 4)")
    int maxLength = D.maxLength();

    @Option(names = "--stride", description = "step between windows (default 4)")
    int stride = D.stride();

    @Option(names = "--shuffle", description = "shuffle windows as DataLoader(shuffle=True) after manual_seed(seed)")
    boolean shuffle;

    @Option(names = "--keep-last", description = "keep the short last batch (drop_last=False)")
    boolean keepLast;

    @Option(names = "--epoch", description = "epoch, 0 is the first (default 0)")
    int epoch;

    @Option(names = "--batch-index", description = "which batch, 0 is the first (default 0)")
    int batchIndex;

    @Option(names = "--kernel", converter = Converters.Kernel.class,
            description = "normal fill kernel: avx2 (default) or generic")
    NormalKernel kernel = NormalKernel.AVX2;

    Settings settings() {
        return unchecked().validate();
    }

    /** The settings with the sizes of given tables (when not null) in place of the size options. */
    Settings settings(org.tokenspace.model.Tables given) {
        return given == null ? settings() : unchecked().withTables(Math.toIntExact(given.vocabSize()),
                Math.toIntExact(given.embeddingDim()), Math.toIntExact(given.contextLength())).validate();
    }

    /**
     * {@code base} (e.g. the book's example) with each of these options the user gave in place of its value, so that
     * {@code --book --kernel generic} is the book's example drawn with the generic kernel.
     */
    Settings over(Settings base, CommandLine.ParseResult parsed) {
        return new Settings(
                parsed.hasMatchedOption("--seed") ? seed : base.seed(),
                parsed.hasMatchedOption("--vocab-size") ? vocabSize : base.vocabSize(),
                parsed.hasMatchedOption("--embedding-dim") ? embeddingDim : base.embeddingDim(),
                parsed.hasMatchedOption("--context-length") ? contextLength : base.contextLength(),
                parsed.hasMatchedOption("--batch-size") ? batchSize : base.batchSize(),
                parsed.hasMatchedOption("--max-length") ? maxLength : base.maxLength(),
                parsed.hasMatchedOption("--stride") ? stride : base.stride(),
                parsed.hasMatchedOption("--shuffle") ? shuffle : base.shuffle(),
                parsed.hasMatchedOption("--keep-last") ? !keepLast : base.dropLast(),
                parsed.hasMatchedOption("--epoch") ? epoch : base.epoch(),
                parsed.hasMatchedOption("--batch-index") ? batchIndex : base.batchIndex(),
                parsed.hasMatchedOption("--kernel") ? kernel : base.kernel()).validate();
    }

    private Settings unchecked() {
        return new Settings(seed == null ? D.seed() : seed, vocabSize, embeddingDim, contextLength, batchSize,
                maxLength, stride, shuffle, !keepLast, epoch, batchIndex, kernel);
    }
}
