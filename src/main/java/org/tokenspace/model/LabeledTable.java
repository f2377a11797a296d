package org.tokenspace.model;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * A table of vectors {@code [rows, dim]} loaded from a file, with a label for each row: the GPT-2 token text when it
 * has exactly {@link Gpt2Tokenizer#VOCAB_SIZE} rows, else the labels of a metadata file, else the row number. Labels
 * are made when asked for, so opening a 50257-row table does not wait for the tokenizer.
 *
 * @param name   what the table is called: the tensor name, or the file name
 * @param source where it came from, for titles and messages
 * @param vectors float32 {@code [rows, dim]}
 * @param labelSource where the labels come from
 * @param metadataLabels one per row when {@code labelSource} is {@link LabelSource#METADATA}, else empty
 */
public record LabeledTable(String name, String source, INDArray vectors, LabelSource labelSource,
                           List<String> metadataLabels) {

    /** Where a table's row labels come from. */
    public enum LabelSource { GPT2_VOCABULARY, METADATA, ROW_NUMBER }

    public LabeledTable {
        if (vectors.rank() != 2) {
            throw new TokenSpaceException(name + " in " + source + " has shape "
                    + java.util.Arrays.toString(vectors.shape()) + ": a table of vectors needs 2 dimensions");
        }
        metadataLabels = List.copyOf(metadataLabels);
        if (labelSource == LabelSource.METADATA && metadataLabels.size() != vectors.rows()) {
            throw new TokenSpaceException("the metadata has " + metadataLabels.size() + " labels but " + name
                    + " has " + vectors.rows() + " rows: they need one label per row");
        }
    }

    /**
     * Applies the label rule: metadata labels when given, else GPT-2 token texts for a 50257-row table, else row
     * numbers.
     *
     * @param metadata the metadata file's labels, or null when there is none
     */
    public static LabeledTable of(String name, String source, INDArray vectors, List<String> metadata) {
        if (metadata != null) {
            return new LabeledTable(name, source, vectors, LabelSource.METADATA, metadata);
        }
        LabelSource s = vectors.rank() == 2 && vectors.rows() == Gpt2Tokenizer.VOCAB_SIZE
                ? LabelSource.GPT2_VOCABULARY : LabelSource.ROW_NUMBER;
        return new LabeledTable(name, source, vectors, s, List.of());
    }

    public int rows() {
        return (int) vectors.rows();
    }

    public int dim() {
        return (int) vectors.columns();
    }

    /** The label of row {@code row}. */
    public String label(int row) {
        if (row < 0 || row >= rows()) {
            throw new TokenSpaceException("row " + row + " is outside " + name + ": valid rows are 0 to "
                    + (rows() - 1));
        }
        return switch (labelSource) {
            case GPT2_VOCABULARY -> Gpt2Tokenizer.get().tokenText(row);
            case METADATA -> metadataLabels.get(row);
            case ROW_NUMBER -> String.valueOf(row);
        };
    }
}
