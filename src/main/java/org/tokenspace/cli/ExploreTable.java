package org.tokenspace.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tokenspace.explore.Neighbour;
import org.tokenspace.explore.Neighbours;
import org.tokenspace.explore.Vectors;
import org.tokenspace.model.Gpt2Tokenizer;
import org.tokenspace.model.LabeledTable;
import org.tokenspace.model.Settings;
import org.tokenspace.model.Tables;
import org.tokenspace.model.TokenSpaceException;

import java.util.List;

/**
 * The token table that {@code neighbours} and {@code analogy} search: a file's ({@code --tables}) or the seeded one
 * of the embed options; and the JSON they print.
 */
final class ExploreTable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final LabeledTable table;
    final Neighbours neighbours;

    private ExploreTable(LabeledTable table) {
        this.table = table;
        this.neighbours = new Neighbours(Vectors.of(table.vectors()));
    }

    static ExploreTable load(SettingsOptions options, TablesOptions tables) {
        LabeledTable file = tables.tokenTable();
        if (file != null) {
            return new ExploreTable(file);
        }
        Settings s = options.settings();
        Tables seeded = Tables.seeded(s.seed(), s.vocabSize(), s.embeddingDim(), s.contextLength(), s.kernel());
        return new ExploreTable(LabeledTable.of("token table", "seed " + s.seed(), seeded.tokenTable(), null));
    }

    /**
     * A row named by its id (a whole number) or by its token: one GPT-2 token's text (e.g. {@code " king"}, with its
     * leading space) for a vocabulary table, or a label of the metadata file.
     */
    int row(String value, String option) {
        String v = value.strip();
        if (v.matches("-?\\d+")) {
            int id;
            try {
                id = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new TokenSpaceException(option + " " + value + " is not a row of the table: valid rows are"
                        + " 0 to " + (table.rows() - 1));
            }
            return id;
        }
        return switch (table.labelSource()) {
            case GPT2_VOCABULARY -> {
                int[] ids = Gpt2Tokenizer.get().encode(value);
                if (ids.length != 1) {
                    throw new TokenSpaceException(option + " '" + value + "' is " + ids.length + " GPT-2 tokens "
                            + Json.array(ids) + ", not one: give a single token (e.g. ' king', with its space) or"
                            + " its id");
                }
                yield ids[0];
            }
            case METADATA -> {
                int at = table.metadataLabels().indexOf(value);
                if (at < 0) {
                    throw new TokenSpaceException(option + " '" + value + "' is not a label of " + table.name()
                            + ": give a label from its metadata file or a row id");
                }
                yield at;
            }
            case ROW_NUMBER -> throw new TokenSpaceException(option + " '" + value + "' is not a row id, and "
                    + table.name() + " has no token texts: give a row id from 0 to " + (table.rows() - 1));
        };
    }

    /** What a row is called in the JSON: the token's text as GPT-2 decodes it, a metadata label, or the row id. */
    String token(int row) {
        return switch (table.labelSource()) {
            case GPT2_VOCABULARY -> Gpt2Tokenizer.get().decode(new int[] {row});
            case METADATA -> table.metadataLabels().get(row);
            case ROW_NUMBER -> String.valueOf(row);
        };
    }

    /** A JSON array of {"id", "token", "score"}, one object a line, nearest first. */
    String json(List<Neighbour> list) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            Neighbour n = list.get(i);
            try {
                s.append(i == 0 ? "\n  " : ",\n  ").append("{\"id\": ").append(n.id()).append(", \"token\": ")
                        .append(JSON.writeValueAsString(token(n.id()))).append(", \"score\": ")
                        .append(JSON.writeValueAsString(n.score())).append('}');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return s.append(list.isEmpty() ? "]" : "\n]").toString();
    }
}
