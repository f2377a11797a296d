package org.tokenspace.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tokenspace.explore.Neighbour;
import org.tokenspace.explore.Neighbours;
import org.tokenspace.explore.Vectors;
import org.tokenspace.model.Gpt2Tokenizer;
import org.tokenspace.model.LabeledTable;
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

    static ExploreTable load(TableSizeOptions sizes, TablesOptions tables) {
        LabeledTable file = tables.tokenTable();
        if (file != null) {
            return new ExploreTable(file);
        }
        return new ExploreTable(LabeledTable.of("token table", "seed " + sizes.seed(), sizes.seeded().tokenTable(),
                null));
    }

    /**
     * A row named by its id (a whole number) or by its label: a metadata file's label when the table has one, else
     * one GPT-2 token's text (e.g. {@code " king"}, with its leading space).
     */
    int row(String value, String option) {
        String v = value.strip();
        if (v.matches("-?\\d+")) {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new TokenSpaceException(option + " " + value + " is not a row of the table: valid rows are"
                        + " 0 to " + (table.rows() - 1));
            }
        }
        if (table.labels().fromMetadata()) {
            int at = table.labels().metadata().indexOf(value);
            if (at < 0) {
                throw new TokenSpaceException(option + " '" + value + "' is not a label of " + table.name()
                        + ": give a label from its metadata file or a row id");
            }
            return at;
        }
        int[] ids = Gpt2Tokenizer.get().encode(value);
        if (ids.length != 1) {
            throw new TokenSpaceException(option + " '" + value + "' is " + ids.length + " GPT-2 tokens "
                    + Json.array(ids) + ", not one: give a single token (e.g. ' king', with its space) or its id");
        }
        return ids[0];
    }

    /** What a row is called in the JSON: its label, by the one rule every view and command uses. */
    String token(int row) {
        return table.labels().of(row);
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
