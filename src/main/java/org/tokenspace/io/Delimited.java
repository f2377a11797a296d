package org.tokenspace.io;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Writes text tables (CSV, the projector's TSV) row by row through {@link AtomicFiles}: an optional header, some
 * leading text cells per row, then the row's floats. Floats are written with {@link Float#toString}, which reads
 * back to the same bits.
 */
final class Delimited {
    private Delimited() {
    }

    /**
     * @param sep     the separator
     * @param escape  how a text cell is escaped for this format
     * @param header  the header cells, or null for no header
     * @param rows    the number of rows
     * @param lead    the text cells that start row {@code r} (none when null)
     * @param matrix  {@code [rows, D]} floats that end each row (none when null)
     */
    static void write(Path file, char sep, java.util.function.UnaryOperator<String> escape, List<String> header,
                      int rows, IntFunction<List<String>> lead, INDArray matrix) {
        AtomicFiles.write(file, content(sep, escape, header, rows, lead, matrix));
    }

    /** What {@link #write} writes, for a file of a set. */
    static AtomicFiles.Content content(char sep, java.util.function.UnaryOperator<String> escape,
                                       List<String> header, int rows, IntFunction<List<String>> lead,
                                       INDArray matrix) {
        // m keeps the (possibly copied) values alive: the buffer below does not, and ND4J frees unreachable arrays
        INDArray m = matrix == null ? null : Npy.float32(matrix);
        FloatBuffer v = m == null ? null : m.data().asNio().duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer();
        int d = m == null ? 0 : (int) m.size(1);
        return ch -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(ch),
                    StandardCharsets.UTF_8), 1 << 16);
            if (header != null) {
                cells(w, sep, escape, header);
                w.write('\n');
            }
            for (int r = 0; r < rows; r++) {
                boolean first = true;
                if (lead != null) {
                    cells(w, sep, escape, lead.apply(r));
                    first = false;
                }
                for (int c = 0; c < d; c++) {
                    if (!first) {
                        w.write(sep);
                    }
                    first = false;
                    w.write(Float.toString(v.get(r * d + c)));
                }
                w.write('\n');
            }
            w.flush();
            Reference.reachabilityFence(m);
        };
    }

    private static void cells(Writer w, char sep, java.util.function.UnaryOperator<String> escape, List<String> cells)
            throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(sep);
            }
            w.write(escape.apply(cells.get(i)));
        }
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    static String csv(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
