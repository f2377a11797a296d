package org.tokenspace.projection;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.model.Tables;

/**
 * The vocabulary cloud: a token table in its first three principal components, fitted once on the whole table.
 * The window, the figures, the exports and the benchmarks all build it here.
 *
 * @param table  the token table the axes were fitted on, {@code [V, D]}
 * @param axes   the fitted axes (three components)
 * @param points every row of the table in those axes, {@code [V, 3]} row-major
 */
public record VocabularyCloud(INDArray table, PcaAxes axes, float[] points) {
    /** Components of the cloud: three, for the 3D view (the 2D view shows the first two). */
    public static final int COMPONENTS = 3;

    /** Fits the axes on {@code tokenTable} {@code [V, D]} and projects every row. */
    public static VocabularyCloud of(INDArray tokenTable) {
        PcaAxes axes = Pca.fit(tokenTable, COMPONENTS);
        return new VocabularyCloud(tokenTable, axes, axes.transform(tokenTable)); // [V, D] -> [V, 3]
    }

    /** The cloud of {@code tables}' token table. */
    public static VocabularyCloud of(Tables tables) {
        return of(tables.tokenTable());
    }

    /** How many points (rows of the table). */
    public int size() {
        return points.length / COMPONENTS;
    }

    /** Row {@code id}'s point, {@code [3]}. */
    public float[] point(int id) {
        return new float[] {points[3 * id], points[3 * id + 1], points[3 * id + 2]};
    }
}
