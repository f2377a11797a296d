package org.tokenspace.cli;

import org.tokenspace.model.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The pipeline's settings as options: the table options, then the loader's; defaults are the course's. */
final class SettingsOptions {
    private static final Settings D = Settings.DEFAULTS;

    @Mixin
    TableSizeOptions table;

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
        Settings.Builder b = base.toBuilder();
        if (parsed.hasMatchedOption("--seed")) {
            b.seed(table.seed());
        }
        if (parsed.hasMatchedOption("--vocab-size")) {
            b.vocabSize(table.vocabSize);
        }
        if (parsed.hasMatchedOption("--embedding-dim")) {
            b.embeddingDim(table.embeddingDim);
        }
        if (parsed.hasMatchedOption("--context-length")) {
            b.contextLength(table.contextLength);
        }
        if (parsed.hasMatchedOption("--kernel")) {
            b.kernel(table.kernel);
        }
        if (parsed.hasMatchedOption("--batch-size")) {
            b.batchSize(batchSize);
        }
        if (parsed.hasMatchedOption("--max-length")) {
            b.maxLength(maxLength);
        }
        if (parsed.hasMatchedOption("--stride")) {
            b.stride(stride);
        }
        if (parsed.hasMatchedOption("--shuffle")) {
            b.shuffle(shuffle);
        }
        if (parsed.hasMatchedOption("--keep-last")) {
            b.dropLast(!keepLast);
        }
        if (parsed.hasMatchedOption("--epoch")) {
            b.epoch(epoch);
        }
        if (parsed.hasMatchedOption("--batch-index")) {
            b.batchIndex(batchIndex);
        }
        return b.build().validate();
    }

    private Settings unchecked() {
        return new Settings(table.seed(), table.vocabSize, table.embeddingDim, table.contextLength, batchSize,
                maxLength, stride, shuffle, !keepLast, epoch, batchIndex, table.kernel);
    }
}
