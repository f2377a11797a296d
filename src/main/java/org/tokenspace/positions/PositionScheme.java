package org.tokenspace.positions;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.model.Tables;

import java.util.Optional;

/**
 * One way of telling a transformer where each token is. Positions run from 0 to {@code contextLength - 1}; a
 * sequence of T vectors sits at positions 0..T-1.
 */
public sealed interface PositionScheme
        permits LearnedPositions, SinusoidalPositions, RotaryPositions, T5Positions, AlibiPositions {

    PositionKind kind();

    /** How many positions the scheme covers (rows of its table, or queries and keys of its bias). */
    int contextLength();

    /**
     * What is added to the token vectors before attention: a {@code [contextLength, embeddingDim]} float32 table
     * (learned, sinusoidal), or nothing (RoPE, T5, ALiBi act inside attention).
     */
    Optional<INDArray> inputTable();

    /**
     * The matrix a view draws for this scheme, with a formula for each cell: the added table (position x
     * dimension), RoPE's rotated token (position x dimension), T5's bias or ALiBi's bias of one head (query x key).
     */
    Heatmap heatmap(Probe probe);

    /**
     * Raw attention scores {@code [Tq, Tk]} of queries {@code [Tq, D]} at positions 0..Tq-1 and keys {@code [Tk, D]}
     * at positions 0..Tk-1, with the scheme in effect: {@code (q_m + P_m) . (k_n + P_n)} for an added table,
     * {@code R_m q_m . R_n k_n} for RoPE, {@code q_m . k_n + bias(m, n)} for T5 and ALiBi ({@code -Infinity} where a
     * causal scheme masks a key after its query). No projections and no {@code 1/sqrt(D)} scale, so what the scheme
     * itself does is all that changes the dot products. Sums are taken in double.
     *
     * @param head the head whose bias T5 and ALiBi add; ignored by the others
     */
    double[][] scores(float[][] queries, float[][] keys, int head);

    /**
     * Tables for {@link org.tokenspace.model.Pipeline}: {@code tokenTable} with this scheme's input table as the
     * positional table, so the walkthrough computes {@code input = token + PE} unchanged. A scheme that adds nothing
     * (RoPE, T5, ALiBi) gives a table of zeros: its input is the token vector itself.
     */
    default Tables inputTables(INDArray tokenTable) {
        INDArray table = inputTable().orElseGet(() -> Nd4j.zeros(DataType.FLOAT, contextLength(),
                tokenTable.columns())); // [C, D]
        return new Tables(tokenTable, table);
    }

    /** One line that names the scheme and its settings, e.g. {@code sinusoidal [64, 256], interleaved sin/cos}. */
    String summary();

    /** Plain dot product of two vectors, summed in double. */
    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
