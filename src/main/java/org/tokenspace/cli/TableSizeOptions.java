package org.tokenspace.cli;

import org.tokenspace.model.MemoryBudget;
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.Settings;
import org.tokenspace.model.Sizes;
import org.tokenspace.model.Tables;
import picocli.CommandLine.Option;

/** What the seeded tables depend on: the seed, their sizes and the fill kernel; defaults are the course's. */
final class TableSizeOptions {
    private static final Settings D = Settings.DEFAULTS;

    @Option(names = "--seed", converter = Converters.Seed.class, description = "torch.manual_seed (default 123)")
    Long seed;

    @Option(names = "--vocab-size", description = "token table rows (default 50257)")
    int vocabSize = D.vocabSize();

    @Option(names = "--embedding-dim", description = "vector length (default 256)")
    int embeddingDim = D.embeddingDim();

    @Option(names = "--context-length", description = "positional table rows (default 4)")
    int contextLength = D.contextLength();

    @Option(names = "--kernel", converter = Converters.Kernel.class,
            description = "normal fill kernel: avx2 (default) or generic")
    NormalKernel kernel = NormalKernel.AVX2;

    long seed() {
        return seed == null ? D.seed() : seed;
    }

    /** {@code torch.manual_seed(seed)}, then the token and positional tables of these sizes. */
    Tables seeded() {
        Sizes.requirePositive("vocabSize", vocabSize);
        Sizes.requirePositive("embeddingDim", embeddingDim);
        Sizes.requirePositive("contextLength", contextLength);
        MemoryBudget.requireFloats(String.format("a %d x %d token table", vocabSize, embeddingDim),
                (long) vocabSize * embeddingDim);
        return Tables.seeded(seed(), vocabSize, embeddingDim, contextLength, kernel);
    }
}
