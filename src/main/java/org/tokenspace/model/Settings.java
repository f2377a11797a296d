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

    public static final Settings DEFAULTS = new Settings(123, Gpt2Tokenizer.VOCAB_SIZE, 256, 4, 8, 4, 4, false,
            true, 0, 0, NormalKernel.AVX2);

    /** A builder starting from the course's defaults. */
    public static Builder builder() {
        return DEFAULTS.toBuilder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Throws a {@link TokenSpaceException} naming the first setting that cannot work, and the fix. */
    public Settings validate() {
        Sizes.requirePositive("vocabSize", vocabSize);
        Sizes.requirePositive("embeddingDim", embeddingDim);
        Sizes.requirePositive("contextLength", contextLength);
        validateLoader();
        if (maxLength > contextLength) {
            throw new TokenSpaceException("maxLength " + maxLength + " is above contextLength " + contextLength
                    + ": the positional table has no row for position " + contextLength
                    + "; raise contextLength or lower maxLength");
        }
        MemoryBudget.requireFloats(String.format("a %d x %d token table", vocabSize, embeddingDim),
                (long) vocabSize * embeddingDim);
        return this;
    }

    /**
     * Throws a {@link TokenSpaceException} naming the first loader setting that cannot work (batchSize, maxLength,
     * stride, epoch, batch index), for batches made without tables.
     */
    public Settings validateLoader() {
        Sizes.requirePositive("batchSize", batchSize);
        Sizes.requirePositive("maxLength", maxLength);
        Sizes.requirePositive("stride", stride);
        if (epoch < 0) {
            throw new TokenSpaceException("epoch must be 0 or more, got " + epoch);
        }
        if (batchIndex < 0) {
            throw new TokenSpaceException("batch index must be 0 or more, got " + batchIndex);
        }
        return this;
    }

    public Settings withSeed(long v) {
        return toBuilder().seed(v).build();
    }

    /** These settings with the sizes of given tables. */
    public Settings withTables(int vocab, int dim, int context) {
        return toBuilder().vocabSize(vocab).embeddingDim(dim).contextLength(context).build();
    }

    public Settings withBatch(int epochIndex, int index) {
        return toBuilder().epoch(epochIndex).batchIndex(index).build();
    }

    public Settings withKernel(NormalKernel k) {
        return toBuilder().kernel(k).build();
    }

    /** Settings one field at a time: {@code Settings.builder().maxLength(8).stride(8).build()}. */
    public static final class Builder {
        private long seed;
        private int vocabSize;
        private int embeddingDim;
        private int contextLength;
        private int batchSize;
        private int maxLength;
        private int stride;
        private boolean shuffle;
        private boolean dropLast;
        private int epoch;
        private int batchIndex;
        private NormalKernel kernel;

        private Builder(Settings s) {
            seed = s.seed;
            vocabSize = s.vocabSize;
            embeddingDim = s.embeddingDim;
            contextLength = s.contextLength;
            batchSize = s.batchSize;
            maxLength = s.maxLength;
            stride = s.stride;
            shuffle = s.shuffle;
            dropLast = s.dropLast;
            epoch = s.epoch;
            batchIndex = s.batchIndex;
            kernel = s.kernel;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder vocabSize(int v) {
            vocabSize = v;
            return this;
        }

        public Builder embeddingDim(int v) {
            embeddingDim = v;
            return this;
        }

        public Builder contextLength(int v) {
            contextLength = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder maxLength(int v) {
            maxLength = v;
            return this;
        }

        public Builder stride(int v) {
            stride = v;
            return this;
        }

        public Builder shuffle(boolean v) {
            shuffle = v;
            return this;
        }

        public Builder dropLast(boolean v) {
            dropLast = v;
            return this;
        }

        public Builder epoch(int v) {
            epoch = v;
            return this;
        }

        public Builder batchIndex(int v) {
            batchIndex = v;
            return this;
        }

        public Builder kernel(NormalKernel v) {
            kernel = v;
            return this;
        }

        /** The settings, not yet {@link Settings#validate() validated}. */
        public Settings build() {
            return new Settings(seed, vocabSize, embeddingDim, contextLength, batchSize, maxLength, stride, shuffle,
                    dropLast, epoch, batchIndex, kernel);
        }
    }
}
