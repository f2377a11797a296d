package org.tokenspace.cli;

import org.tokenspace.model.MemoryBudget;
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.Settings;
import org.tokenspace.model.Sizes;
import org.tokenspace.model.Tables;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the seeded tables depend on: the seed, their sizes and the fill kernel; defaults are the course's. */
final class TableSizeOptions {
    private static final Settings D = Settings.DEFAULTS;

    @Mixin
    SeedOptions seedOptions;

    @Option(names = "--vocab-size", paramLabel = "V",
            description = "Rows of the token table (default: ${DEFAULT-VALUE}, GPT-2's vocabulary).")
    int vocabSize = D.vocabSize();

    @Option(names = "--embedding-dim", paramLabel = "D",
            description = "Length of each vector (default: ${DEFAULT-VALUE}).")
    int embeddingDim = D.embeddingDim();

    @Option(names = "--context-length", paramLabel = "C",
            description = "Rows of the positional table (default: ${DEFAULT-VALUE}).")
    int contextLength = D.contextLength();

    @Option(names = "--kernel", converter = Converters.Kernel.class, paramLabel = "KERNEL",
            description = "PyTorch's normal fill kernel: avx2, what x86-64 CPUs with AVX2 run, or generic, the"
                    + " scalar kernel of CPUs without it (default: ${DEFAULT-VALUE}).")
    NormalKernel kernel = D.kernel();

    long seed() {
        return seedOptions.seed;
    }

    /** The settings' table fields set from these options. */
    Settings.Builder apply(Settings.Builder b) {
        return b.seed(seed()).vocabSize(vocabSize).embeddingDim(embeddingDim).contextLength(contextLength)
                .kernel(kernel);
    }

    /** {@code b} with the table options the user gave, the others left as they are. */
    Settings.Builder over(Settings.Builder b, CommandLine.ParseResult parsed) {
        if (parsed.hasMatchedOption("--seed")) {
            b.seed(seed());
        }
        if (parsed.hasMatchedOption("--vocab-size")) {
            b.vocabSize(vocabSize);
        }
        if (parsed.hasMatchedOption("--embedding-dim")) {
            b.embeddingDim(embeddingDim);
        }
        if (parsed.hasMatchedOption("--context-length")) {
            b.contextLength(contextLength);
        }
        if (parsed.hasMatchedOption("--kernel")) {
            b.kernel(kernel);
        }
        return b;
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
