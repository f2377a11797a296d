package org.tokenspace.cli;

import org.tokenspace.model.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The data loader's options, as the course's {@code create_dataloader_v1} takes them; the seed of a shuffled order is
 * {@link SeedOptions}'. Defaults are the course's.
 */
final class LoaderOptions {
    private static final Settings D = Settings.DEFAULTS;

    @Option(names = "--batch-size", paramLabel = "B", description = "Windows per batch (default: ${DEFAULT-VALUE}).")
    int batchSize = D.batchSize();

    @Option(names = "--max-length", paramLabel = "T", description = "Tokens per window (default: ${DEFAULT-VALUE}).")
    int maxLength = D.maxLength();

    @Option(names = "--stride", paramLabel = "S",
            description = "Tokens between the starts of two windows (default: ${DEFAULT-VALUE}).")
    int stride = D.stride();

    @Option(names = "--shuffle",
            description = "Shuffle the windows as DataLoader(shuffle=True) does after torch.manual_seed(seed).")
    boolean shuffle = D.shuffle();

    @Option(names = "--keep-last", description = "Keep the short last batch (drop_last=False); it is dropped"
            + " otherwise.")
    boolean keepLast = !D.dropLast();

    @Option(names = "--epoch", paramLabel = "E",
            description = "The epoch, 0 being the first; shuffled epochs differ (default: ${DEFAULT-VALUE}).")
    int epoch = D.epoch();

    /** {@code b} with every loader option. */
    Settings.Builder apply(Settings.Builder b) {
        return b.batchSize(batchSize).maxLength(maxLength).stride(stride).shuffle(shuffle).dropLast(!keepLast)
                .epoch(epoch);
    }

    /** {@code b} with the loader options the user gave, the others left as they are. */
    Settings.Builder over(Settings.Builder b, CommandLine.ParseResult parsed) {
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
        return b;
    }
}
