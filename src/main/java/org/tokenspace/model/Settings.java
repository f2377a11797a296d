package org.tokenspace.model;

/**
 * Everything the pipeline needs besides the text. The defaults are the course's: seed 123, a 50257 x 256 token
 * table, contextLength 4, batches of 8 windows of maxLength 4 every stride 4, no shuffle, the short last batch
 * dropped.
 */
public record Settings(
        long seed,
        int vocabSize,
        int embeddingDim,
        int contextLength,
        int batchSize,
        int maxLength,
        int stride,
        boolean shuffle,
        boolean dropLast,
        int epoch,
        int batchIndex,
        NormalKernel kernel) {

    public static final Settings DEFAULTS =
            new Settings(123, Gpt2Tokenizer.VOCAB_SIZE, 256, 4, 8, 4, 4, false, true, 0, 0, NormalKernel.AVX2);

    /** Throws a {@link TokenSpaceException} naming the first setting that cannot work, and the fix. */
    public Settings validate() {
        Sizes.requirePositive("vocabSize", vocabSize);
        Sizes.requirePositive("embeddingDim", embeddingDim);
        Sizes.requirePositive("contextLength", contextLength);
        Sizes.requirePositive("batchSize", batchSize);
        Sizes.requirePositive("maxLength", maxLength);
        Sizes.requirePositive("stride", stride);
        if (maxLength > contextLength) {
            throw new TokenSpaceException("maxLength " + maxLength + " is above contextLength " + contextLength
                    + ": the positional table has no row for position " + contextLength
                    + "; raise contextLength or lower maxLength");
        }
        if (epoch < 0) {
            throw new TokenSpaceException("epoch must be 0 or more, got " + epoch);
        }
        if (batchIndex < 0) {
            throw new TokenSpaceException("batch index must be 0 or more, got " + batchIndex);
        }
        MemoryBudget.requireFloats(String.format("a %d x %d token table", vocabSize, embeddingDim),
                (long) vocabSize * embeddingDim);
        return this;
    }

    public Settings withSeed(long v) {
        return new Settings(v, vocabSize, embeddingDim, contextLength, batchSize, maxLength, stride, shuffle,
                dropLast, epoch, batchIndex, kernel);
    }

    public Settings withTables(int vocab, int dim, int context) {
        return new Settings(seed, vocab, dim, context, batchSize, maxLength, stride, shuffle, dropLast, epoch,
                batchIndex, kernel);
    }

    public Settings withLoader(int batch, int length, int step, boolean shuffled, boolean dropShort) {
        return new Settings(seed, vocabSize, embeddingDim, contextLength, batch, length, step, shuffled, dropShort,
                epoch, batchIndex, kernel);
    }

    public Settings withBatch(int epochIndex, int index) {
        return new Settings(seed, vocabSize, embeddingDim, contextLength, batchSize, maxLength, stride, shuffle,
                dropLast, epochIndex, index, kernel);
    }

    public Settings withKernel(NormalKernel k) {
        return new Settings(seed, vocabSize, embeddingDim, contextLength, batchSize, maxLength, stride, shuffle,
                dropLast, epoch, batchIndex, k);
    }
}
