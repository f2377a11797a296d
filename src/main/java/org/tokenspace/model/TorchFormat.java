package org.tokenspace.model;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Numbers and 2-D tensors printed as PyTorch prints them ({@code torch/_tensor_str.py}, default print options:
 * precision 4, threshold 1000, edgeitems 3, linewidth 80).
 */
public final class TorchFormat {
    private static final int PRECISION = 4;
    private static final int THRESHOLD = 1000;
    private static final int EDGE = 3;
    private static final int LINE_WIDTH = 80;

    private TorchFormat() {
    }

    /** A value rounded to 4 decimals from its exact binary value, half to even, as Python's {@code '{:.4f}'}. */
    public static String fixed(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "nan" : (v > 0 ? "inf" : "-inf");
        }
        String s = new BigDecimal(v).setScale(PRECISION, RoundingMode.HALF_EVEN).toPlainString();
        return (v < 0 || (v == 0 && 1 / v < 0)) && !s.startsWith("-") ? "-" + s : s;
    }

    /** Python's {@code '{:.4e}'}. */
    static String scientific(double v) {
        if (!Double.isFinite(v)) {
            return fixed(v);
        }
        String s = String.format(Locale.ROOT, "%.4e", new BigDecimal(v).round(new java.math.MathContext(
                PRECISION + 1, RoundingMode.HALF_EVEN)).doubleValue());
        return s;
    }

    /** {@code print(embedding.weight)} for a 2-D table: {@code Parameter containing:\ntensor([[...]], requires_grad=True)}. */
    public static String parameter(INDArray table) {
        return "Parameter containing:\n" + tensor(table, ", requires_grad=True");
    }

    /** {@code repr(tensor)} for a 2-D float tensor, with a suffix before the closing parenthesis. */
    public static String tensor(INDArray t, String suffix) {
        long rows = t.rows();
        long cols = t.columns();
        boolean summarize = rows * cols > THRESHOLD;
        List<Long> rowIdx = edges(rows, summarize);
        List<Long> colIdx = edges(cols, summarize);
        // the formatter looks at the printed elements only
        List<Double> shown = new ArrayList<>();
        for (long r : rowIdx) {
            for (long c : colIdx) {
                if (r >= 0 && c >= 0) {
                    shown.add(t.getDouble(r, c));
                }
            }
        }
        Formatter f = new Formatter(shown);
        String indent = " ".repeat("tensor(".length());
        StringBuilder out = new StringBuilder("tensor([");
        boolean first = true;
        for (long r : rowIdx) {
            if (!first) {
                out.append(",\n").append(indent).append(' ');
            }
            first = false;
            if (r < 0) {
                out.append("...");
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (long c : colIdx) {
                cells.add(c < 0 ? "..." : f.format(t.getDouble(r, c)));
            }
            int perLine = Math.max(1, (LINE_WIDTH - (indent.length() + 1)) / (f.width + 2));
            StringBuilder row = new StringBuilder("[");
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    row.append(i % perLine == 0 ? ",\n" + indent + "  " : ", ");
                }
                row.append(cells.get(i));
            }
            out.append(row).append(']');
        }
        return out.append("]").append(suffix).append(")").toString();
    }

    private static List<Long> edges(long n, boolean summarize) {
        List<Long> idx = new ArrayList<>();
        if (summarize && n > 2 * EDGE) {
            for (long i = 0; i < EDGE; i++) {
                idx.add(i);
            }
            idx.add(-1L);
            for (long i = n - EDGE; i < n; i++) {
                idx.add(i);
            }
        } else {
            for (long i = 0; i < n; i++) {
                idx.add(i);
            }
        }
        return idx;
    }

    /** {@code _Formatter}: integer mode, fixed or scientific, and one width for every element. */
    private static final class Formatter {
        final boolean intMode;
        final boolean sciMode;
        final int width;

        Formatter(List<Double> values) {
            boolean ints = true;
            double maxAbs = 0;
            double minAbs = Double.POSITIVE_INFINITY;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    ints &= v == Math.ceil(v);
                    double a = Math.abs(v);
                    if (a != 0) {
                        maxAbs = Math.max(maxAbs, a);
                        minAbs = Math.min(minAbs, a);
                    }
                }
            }
            intMode = ints;
            sciMode = !ints && minAbs != Double.POSITIVE_INFINITY
                    && (maxAbs / minAbs > 1000 || maxAbs > 1e8 || minAbs < 1e-4);
            int w = 1;
            for (double v : values) {
                w = Math.max(w, raw(v).length());
            }
            width = w;
        }

        private String raw(double v) {
            if (intMode && Double.isFinite(v)) {
                return String.format(Locale.ROOT, "%.0f.", v);
            }
            return sciMode ? scientific(v) : fixed(v);
        }

        String format(double v) {
            String s = raw(v);
            return " ".repeat(Math.max(0, width - s.length())) + s;
        }
    }
}
