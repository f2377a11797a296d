package org.tokenspace.positions;

/**
 * A matrix to draw as a heatmap: a table (position x dimension) or a bias (query x key), with names for its axes and
 * the formula of each cell with the numbers filled in, for a tooltip. Masked cells hold {@code -Infinity}.
 *
 * @param values {@code [rows][columns]}, float32 as the scheme stores them
 */
public record Heatmap(String title, String rowAxis, String columnAxis, float[][] values, CellFormula formula) {

    /** The formula text of one cell. */
    @FunctionalInterface
    public interface CellFormula {
        String of(int row, int column);
    }

    public int rows() {
        return values.length;
    }

    public int columns() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** The formula of cell {@code [row, column]} with its numbers, e.g. {@code PE[3, 4] = sin(3 / 100.0000) = ...}. */
    public String formula(int row, int column) {
        return formula.of(row, column);
    }
}
