package org.tokenspace.cli;

import org.tokenspace.model.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The pipeline's settings as options: the table options, the loader's, then the batch; defaults are the course's. */
final class SettingsOptions {
    @Mixin
    TableSizeOptions table;

    @Mixin
    LoaderOptions loader;

    @Option(names = "--batch-index", paramLabel = "I",
            description = "Which batch of the epoch, 0 being the first (default: ${DEFAULT-VALUE}).")
    int batchIndex = Settings.DEFAULTS.batchIndex();

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
        Settings.Builder b = loader.over(table.over(base.toBuilder(), parsed), parsed);
        if (parsed.hasMatchedOption("--batch-index")) {
            b.batchIndex(batchIndex);
        }
        return b.build().validate();
    }

    private Settings unchecked() {
        return loader.apply(table.apply(Settings.builder())).batchIndex(batchIndex).build();
    }
}
