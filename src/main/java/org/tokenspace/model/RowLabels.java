package org.tokenspace.model;

import java.util.List;

/**
 * The name of each row of a token table: a metadata file's label when the table came with one, else the GPT-2
 * token text of that id (ids index the table whatever its size), else {@code #row} past GPT-2's vocabulary. Every
 * view, export and command names rows through this one rule.
 *
 * @param metadata one label per row from a metadata file, or empty
 */
public record RowLabels(List<String> metadata) {
    /** GPT-2 token texts, for seeded tables and tables loaded without metadata. */
    public static final RowLabels GPT2 = new RowLabels(List.of());

    public RowLabels {
        metadata = List.copyOf(metadata);
    }

    /** The label of row {@code row}. */
    public String of(int row) {
        if (row < metadata.size()) {
            return metadata.get(row);
        }
        return row < Gpt2Tokenizer.VOCAB_SIZE ? Gpt2Tokenizer.get().tokenText(row) : "#" + row;
    }

    /** True when the labels come from a metadata file. */
    public boolean fromMetadata() {
        return !metadata.isEmpty();
    }
}
