package org.tokenspace.model;

/**
 * {@code torch._tensor_str._Formatter} with the default print options: from the elements that will be shown, it
 * decides integer mode (every nonzero finite float is whole), scientific notation (the largest magnitude over 1000
 * times the smallest, above 1e8, or, outside integer mode, the smallest below 1e-4) and one width for every element.
 */
final class TorchFormatter {
    static final int PRECISION = 4;

    private final boolean floating;
    private boolean intMode = true;
    private boolean sciMode;
    private int maxWidth = 1;

    /** {@code shown}: where the elements {@code get_summarized_data} keeps are in {@code t}. */
    TorchFormatter(TensorValues t, java.util.List<long[]> shown) {
        floating = t.floating();
        if (!floating) {
            for (long[] at : shown) {
                maxWidth = Math.max(maxWidth, Long.toString(t.integer(at)).length());
            }
            return;
        }
        // only nonzero finite values count; the magnitudes are compared in double, as torch converts them
        double[] vals = shown.stream().mapToDouble(t::real).filter(v -> Double.isFinite(v) && v != 0).toArray();
        if (vals.length == 0) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : vals) {
            min = Math.min(min, Math.abs(v));
            max = Math.max(max, Math.abs(v));
            if (v != Math.ceil(v)) {
                intMode = false;
            }
        }
        if (intMode) {
            sciMode = max / min > 1000.0 || max > 1.0e8;
            for (double v : vals) {
                maxWidth = Math.max(maxWidth, sciMode ? PyNumbers.scientific(v, PRECISION).length()
                        : PyNumbers.fixed(v, 0).length() + 1);
            }
        } else {
            sciMode = max / min > 1000.0 || max > 1.0e8 || min < 1.0e-4;
            for (double v : vals) {
                maxWidth = Math.max(maxWidth, (sciMode ? PyNumbers.scientific(v, PRECISION)
                        : PyNumbers.fixed(v, PRECISION)).length());
            }
        }
    }

    int width() {
        return maxWidth;
    }

    /** {@code _Formatter.format}: the element, right-aligned to the common width. */
    String format(TensorValues t, long[] at) {
        String s;
        if (!floating) {
            s = Long.toString(t.integer(at));
        } else {
            double v = t.real(at);
            if (sciMode) {
                s = PyNumbers.scientific(v, PRECISION);
            } else if (intMode) {
                s = PyNumbers.fixed(v, 0) + (Double.isFinite(v) ? "." : "");
            } else {
                s = PyNumbers.fixed(v, PRECISION);
            }
        }
        return PyNumbers.pad(s, maxWidth);
    }
}
