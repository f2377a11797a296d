package org.tokenspace.code;

import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.positions.PositionKind;

import java.nio.file.Path;

/**
 * What a stage's script is written for: a pipeline run, where its text came from, and the selected token.
 *
 * @param result   the pipeline's result: settings, ids, batch, tables and embeddings
 * @param text     the text as given (a text that starts with {@code ids:} is a list of ids)
 * @param textFile the file the text was read from, or null when it was typed or pasted
 * @param tables   the file the tables were loaded from, or null when they are seeded
 * @param id       the selected token id
 * @param row      the selected token's row in the batch, or -1 when it was picked outside the batch
 * @param position its position in that row, or -1
 * @param positionKind the positions the walkthrough adds: the learned table, or another scheme's (the result's
 *                     positional table is then that scheme's)
 * @param training what was trained, for the train stage; null when nothing was
 * @param schemes  the two schemes the schemes stage compares, and its settings; null for the defaults
 * @param explore  the explore stage's neighbour search; null for its defaults
 */
public record CodeInput(PipelineResult result, String text, Path textFile, TablesFile tables, int id, int row,
                        int position, PositionKind positionKind, TrainingRun training, Schemes schemes,
                        Explore explore) {

    /**
     * The explore stage's search: among the text's distinct tokens or the whole table, by a metric, k rows; and the
     * analogy {@code a - b + c} the stage answered, or null.
     */
    public record Explore(boolean textRows, org.tokenspace.explore.Metric metric, int k, AnalogyRows analogy) {
        /** The stage's start: the text's tokens, cosine similarity, 10 rows, no analogy. */
        public static final Explore DEFAULTS = new Explore(true, org.tokenspace.explore.Metric.COSINE, 10);

        public Explore(boolean textRows, org.tokenspace.explore.Metric metric, int k) {
            this(textRows, metric, k, null);
        }
    }

    /** The rows of an analogy {@code a - b + c}, answered over the whole table. */
    public record AnalogyRows(int a, int b, int c) {
    }

    /**
     * What the schemes stage shows: two schemes (right may be null), built for {@code contextLength} positions (the
     * learned one keeps its table's), ALiBi's and T5's head {@code head}, RoPE's pairing, how the token's scores are
     * compared ({@code measure}); {@code learned} the walkthrough's learned tables when the result holds another
     * scheme's positions (null: computed when needed).
     */
    public record Schemes(PositionKind left, PositionKind right, int contextLength, int head,
                          org.tokenspace.positions.RotaryPositions.Pairing pairing,
                          org.tokenspace.model.Tables learned,
                          org.tokenspace.positions.PositionSimilarity.Measure measure) {
        /** The stage's start: the learned table beside RoPE, 64 positions, head 0, interleaved pairs, cosine. */
        public static final Schemes DEFAULTS = new Schemes(PositionKind.LEARNED, PositionKind.ROPE, 64, 0,
                org.tokenspace.positions.RotaryPositions.Pairing.INTERLEAVED, null);

        /** Compared by cosine, as the stage starts. */
        public Schemes(PositionKind left, PositionKind right, int contextLength, int head,
                       org.tokenspace.positions.RotaryPositions.Pairing pairing, org.tokenspace.model.Tables learned) {
            this(left, right, contextLength, head, pairing, learned,
                    org.tokenspace.positions.PositionSimilarity.Measure.COSINE);
        }
    }

    /** The input with the learned positional table and no training. */
    public CodeInput(PipelineResult result, String text, Path textFile, TablesFile tables, int id, int row,
                     int position) {
        this(result, text, textFile, tables, id, row, position, PositionKind.LEARNED, null, null, null);
    }

    public CodeInput withPositionKind(PositionKind kind) {
        return new CodeInput(result, text, textFile, tables, id, row, position, kind, training, schemes, explore);
    }

    public CodeInput withTraining(TrainingRun run) {
        return new CodeInput(result, text, textFile, tables, id, row, position, positionKind, run, schemes, explore);
    }

    public CodeInput withSchemes(Schemes chosen) {
        return new CodeInput(result, text, textFile, tables, id, row, position, positionKind, training, chosen, explore);
    }

    public CodeInput withExplore(Explore search) {
        return new CodeInput(result, text, textFile, tables, id, row, position, positionKind, training, schemes,
                search);
    }

    /** Tables read from a safetensors file, e.g. a GPT-2 checkpoint's {@code wte.weight} and {@code wpe.weight}. */
    public record TablesFile(Path file, String tokenTensor, String positionTensor) {
    }

    public CodeInput {
        long vocabSize = result.tables().vocabSize();
        if (id < 0 || id >= vocabSize) {
            throw new TokenSpaceException("token id " + id + " is outside the token table: valid ids are 0 to "
                    + (vocabSize - 1));
        }
        int[][] inputs = result.batch().inputs();
        boolean inBatch = row >= 0 && row < inputs.length && position >= 0 && position < inputs[row].length
                && inputs[row][position] == id;
        if (!inBatch && (row != -1 || position != -1)) {
            throw new IllegalArgumentException("id " + id + " is not at [" + row + ", " + position + "] of the batch");
        }
    }

    /**
     * The input with {@code id} selected as the window selects it: where it first occurs in the batch, else outside
     * it; with no id, the batch's first token.
     */
    public static CodeInput of(PipelineResult result, String text, Path textFile, TablesFile tables, Integer id) {
        int[][] inputs = result.batch().inputs();
        if (id == null) {
            return new CodeInput(result, text, textFile, tables, inputs[0][0], 0, 0);
        }
        for (int b = 0; b < inputs.length; b++) {
            for (int t = 0; t < inputs[b].length; t++) {
                if (inputs[b][t] == id) {
                    return new CodeInput(result, text, textFile, tables, id, b, t);
                }
            }
        }
        return new CodeInput(result, text, textFile, tables, id, -1, -1);
    }

    public boolean inBatch() {
        return row >= 0;
    }

    /** The batch row the stage shows: the selected token's, else the first. */
    public int shownRow() {
        return Math.max(row, 0);
    }

    /** The position the stage shows: the selected token's, else 0. */
    public int shownPosition() {
        return Math.max(position, 0);
    }
}
