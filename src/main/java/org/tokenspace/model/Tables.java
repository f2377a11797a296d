package org.tokenspace.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The token table {@code [vocabSize, embeddingDim]} and the positional table {@code [contextLength, embeddingDim]},
 * float32, and the token table's row labels.
 */
public record Tables(INDArray tokenTable, INDArray positionTable, RowLabels labels) {

    /** Tables whose rows are named by GPT-2 token texts. */
    public Tables(INDArray tokenTable, INDArray positionTable) {
        this(tokenTable, positionTable, RowLabels.GPT2);
    }

    public Tables {
        if (tokenTable.rank() != 2 || positionTable.rank() != 2) {
            throw new TokenSpaceException("embedding tables must be 2-D, got token table " + shape(tokenTable)
                    + " and positional table " + shape(positionTable));
        }
        if (tokenTable.columns() != positionTable.columns()) {
            throw new TokenSpaceException("the token table has " + tokenTable.columns()
                    + " columns but the positional table has " + positionTable.columns()
                    + ": both need the same embeddingDim");
        }
    }

    /**
     * {@code torch.manual_seed(seed); nn.Embedding(vocabSize, embeddingDim); nn.Embedding(contextLength,
     * embeddingDim)}: both tables from one seeded stream, in that order.
     */
    public static Tables seeded(long seed, int vocabSize, int embeddingDim, int contextLength, NormalKernel kernel) {
        TorchGenerator gen = new TorchGenerator(seed);
        INDArray tokenTable = Embedding.create(gen, "token table", vocabSize, embeddingDim, kernel);
        INDArray positionTable = Embedding.create(gen, "positional table", contextLength, embeddingDim, kernel);
        return new Tables(tokenTable, positionTable);
    }

    /**
     * A loaded token table with a seeded positional table of its width: {@code torch.manual_seed(seed);
     * nn.Embedding(contextLength, embeddingDim)}, drawn with {@code kernel}.
     */
    public static Tables withSeededPositions(LabeledTable token, long seed, int contextLength, NormalKernel kernel) {
        INDArray positionTable = Embedding.create(new TorchGenerator(seed), "positional table", contextLength,
                token.dim(), kernel);
        return new Tables(token.vectors(), positionTable, token.labels());
    }

    /** The label of token table row {@code id}. */
    public String label(int id) {
        return labels.of(id);
    }

    public long vocabSize() {
        return tokenTable.rows();
    }

    public long embeddingDim() {
        return tokenTable.columns();
    }

    public long contextLength() {
        return positionTable.rows();
    }

    private static String shape(INDArray a) {
        return java.util.Arrays.toString(a.shape());
    }
}
