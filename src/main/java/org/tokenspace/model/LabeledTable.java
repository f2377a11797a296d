package org.tokenspace.model;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * A table of vectors {@code [rows, dim]} loaded from a file, with a label for each row ({@link RowLabels}: a
 * metadata file's labels when there is one, else GPT-2 token texts).
 *
 * @param name    what the table is called: the tensor name, or the file name
 * @param source  where it came from, for titles and messages
 * @param vectors float32 {@code [rows, dim]}
 * @param labels  the rows' labels
 */
public record LabeledTable(String name, String source, INDArray vectors, RowLabels labels) {

    public LabeledTable {
        if (vectors.rank() != 2) {
            throw new TokenSpaceException(name + " in " + source + " has shape "
                    + java.util.Arrays.toString(vectors.shape()) + ": a table of vectors needs 2 dimensions");
        }
        if (labels.fromMetadata() && labels.metadata().size() != vectors.rows()) {
            throw new TokenSpaceException("the metadata has " + labels.metadata().size() + " labels but " + name
                    + " has " + vectors.rows() + " rows: they need one label per row");
        }
    }

    /**
     * A table with the metadata file's labels, or GPT-2 token texts when there is none.
     *
     * @param metadata the metadata file's labels, or null when there is none
     */
    public static LabeledTable of(String name, String source, INDArray vectors, List<String> metadata) {
        return new LabeledTable(name, source, vectors, metadata == null ? RowLabels.GPT2 : new RowLabels(metadata));
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
        return labels.of(row);
    }
}
