package org.tokenspace.cli;

import org.tokenspace.model.Settings;
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

    private Settings unchecked() {
        return new Settings(table.seed(), table.vocabSize, table.embeddingDim, table.contextLength, batchSize,
                maxLength, stride, shuffle, !keepLast, epoch, batchIndex, table.kernel);
    }
}
