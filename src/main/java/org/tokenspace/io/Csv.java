package org.tokenspace.io;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * CSV for spreadsheets and pandas: a header row, then one row per vector, its label columns first and then
 * {@code d0 .. d(D-1)}. Cells with commas, quotes or line breaks are quoted (RFC 4180).
 */
public final class Csv {
    private Csv() {
    }

    /**
     * Writes {@code matrix [rows, D]} with {@code labelHeader} columns before the values, atomically.
     *
     * @param labels the label cells of row {@code r}, as many as {@code labelHeader}
     */
    public static void write(Path file, INDArray matrix, List<String> labelHeader, IntFunction<List<String>> labels) {
        AtomicFiles.write(file, content(matrix, labelHeader, labels));
    }

    /** What {@link #write(Path, INDArray, List, IntFunction)} writes, for a file of a set. */
    static AtomicFiles.Content content(INDArray matrix, List<String> labelHeader, IntFunction<List<String>> labels) {
        List<String> header = new ArrayList<>(labelHeader);
        for (long c = 0; c < matrix.size(1); c++) {
            header.add("d" + c);
        }
        return Delimited.content(',', Delimited::csv, header, (int) matrix.size(0),
                labelHeader.isEmpty() ? null : labels, matrix);
    }

    /** Writes an id matrix {@code [rows, cols]} with a header {@code t0 .. t(cols-1)}, atomically. */
    public static void writeIds(Path file, int[][] ids) {
        AtomicFiles.write(file, idsContent(ids));
    }

    /** What {@link #writeIds} writes, for a file of a set. */
    static AtomicFiles.Content idsContent(int[][] ids) {
        int cols = ids.length == 0 ? 0 : ids[0].length;
        List<String> header = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            header.add("t" + c);
        }
        return Delimited.content(',', Delimited::csv, header, ids.length, r -> {
            List<String> row = new ArrayList<>(cols);
            for (int id : ids[r]) {
                row.add(Integer.toString(id));
            }
            return row;
        }, null);
    }
}
