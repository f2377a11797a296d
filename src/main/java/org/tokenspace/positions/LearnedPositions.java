package org.tokenspace.positions;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.model.TokenSpaceException;

import java.util.Arrays;
import java.util.Optional;

/**
 * Learned absolute positions (GPT-2's {@code wpe}): one trained row per position, added to the token vectors. Wraps
 * a positional table {@code [contextLength, embeddingDim]}: seeded ({@code Tables.seeded}), trained, or loaded.
 */
public final class LearnedPositions implements PositionScheme {
    private final INDArray positionTable; // [C, D]

    public LearnedPositions(INDArray positionTable) {
        if (positionTable.rank() != 2 || positionTable.rows() == 0 || positionTable.columns() == 0) {
            throw new TokenSpaceException("a positional table must be 2-D with at least one row and column, got "
                    + Arrays.toString(positionTable.shape()));
        }
        this.positionTable = positionTable;
    }

    public INDArray positionTable() {
        return positionTable;
    }

    @Override
    public PositionKind kind() {
        return PositionKind.LEARNED;
    }

    @Override
    public int contextLength() {
        return Math.toIntExact(positionTable.rows());
    }

    public int embeddingDim() {
        return Math.toIntExact(positionTable.columns());
    }

    @Override
    public Optional<INDArray> inputTable() {
        return Optional.of(positionTable);
    }

    @Override
    public Heatmap heatmap(Probe probe) {
        float[][] values = positionTable.toFloatMatrix(); // [C, D]
        return new Heatmap("learned positional table", "position", "dimension", values,
                (p, d) -> formula(p, d, values[p][d]));
    }

    /** The text of cell {@code [p, d]}: a learned number has no formula, only its row. */
    public String formula(int position, int dim) {
        Checks.position("position", position, contextLength());
        return formula(position, dim, positionTable.getFloat(position, dim));
    }

    private String formula(int p, int d, float v) {
        return "positionTable[" + p + ", " + d + "] = " + Formulas.num(v) + ": learned, no formula (row " + p
                + " of nn.Embedding(" + contextLength() + ", " + embeddingDim() + "), added to the token at position "
                + p + ")";
    }

    @Override
    public double[][] scores(float[][] queries, float[][] keys, int head) {
        return AddedTable.scores(positionTable, queries, keys);
    }

    @Override
    public String summary() {
        return "learned positional table [" + contextLength() + ", " + embeddingDim() + "]";
    }
}
