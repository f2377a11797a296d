package org.tokenspace.model;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tensors printed as PyTorch 1.13 prints them: a port of {@code torch/_tensor_str.py} with the default print options
 * (precision 4, threshold 1000, edgeitems 3, linewidth 80) for CPU float32/float64/int32/int64 tensors of any rank.
 * It keeps the formatter's choices (integer mode {@code 1.}, scientific notation, one width with sign padding
 * {@code [ 0.3374, -0.1778]}), summarization with {@code ...} past 1000 elements, line wrapping at 80 columns, and the
 * suffixes ({@code requires_grad=True}, {@code grad_fn=<...>}, {@code dtype=...}) with their own wrapping rule.
 */
public final class TorchFormat {
    /** The suffix of a leaf that requires grad, e.g. a layer's weight. */
    public static final String REQUIRES_GRAD = "requires_grad=True";
    /** The suffix of {@code embedding_layer(ids)}. */
    public static final String EMBEDDING_BACKWARD = gradFn("EmbeddingBackward0");
    /** The suffix of {@code a + b} when either requires grad. */
    public static final String ADD_BACKWARD = gradFn("AddBackward0");

    private static final int THRESHOLD = 1000;
    private static final int EDGE = 3;
    private static final int LINE_WIDTH = 80;
    private static final String PREFIX = "tensor(";

    private TorchFormat() {
    }

    /** {@code grad_fn=<name>}, e.g. {@code gradFn("SelectBackward0")} for {@code x[0, 1]}. */
    public static String gradFn(String name) {
        return "grad_fn=<" + name + ">";
    }

    /** One value as a float tensor's element in fixed notation: {@code '{:.4f}'}, exact binary value, half to even. */
    public static String fixed(double v) {
        return PyNumbers.fixed(v, TorchFormatter.PRECISION);
    }

    /** {@code print(layer.weight)}: {@code Parameter containing:} and the tensor with {@code requires_grad=True}. */
    public static String parameter(INDArray weight) {
        return "Parameter containing:\n" + tensor(weight, REQUIRES_GRAD);
    }

    /**
     * {@code repr(t)} of a float32, float64, int32 or int64 array, with suffixes, e.g. {@link #ADD_BACKWARD} (a
     * suffix may also be given as {@code ", grad_fn=<...>"}, with the comma that PyTorch puts before it).
     */
    public static String tensor(INDArray t, String... suffixes) {
        return repr(TensorValues.of(t), suffixes);
    }

    /** {@code repr(t)} of a float32 vector, e.g. one row of a table, with suffixes. */
    public static String tensor(float[] v, String... suffixes) {
        return repr(TensorValues.of(v), suffixes);
    }

    /** {@code repr(torch.tensor(ids))}: int64, shape {@code [T]}. */
    public static String ids(int[] ids) {
        return repr(TensorValues.ofIds(ids));
    }

    /** {@code repr(torch.tensor(ids))} of a {@code [B, T]} batch of ids. */
    public static String ids(int[][] ids) {
        return repr(TensorValues.ofIds(ids));
    }

    /** {@code repr(t.shape)}: {@code torch.Size([8, 4, 256])}. */
    public static String size(long... shape) {
        StringBuilder s = new StringBuilder("torch.Size([");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append("])").toString();
    }

    /** {@code _str_intern} for a plain strided CPU tensor. */
    static String repr(TensorValues t, String... extra) {
        List<String> suffixes = new ArrayList<>();
        long[] shape = t.shape();
        String body;
        if (numel(shape) == 0) {
            // as numpy: an empty tensor shows its shape unless it is (0,), and its dtype, as no element implies one
            if (shape.length != 1) {
                suffixes.add("size=" + tuple(shape));
            }
            if (!t.dtype().equals("torch.float32")) {
                suffixes.add("dtype=" + t.dtype());
            }
            body = "[]";
        } else {
            if (!t.dtype().equals("torch.float32") && !t.dtype().equals("torch.int64")) {
                suffixes.add("dtype=" + t.dtype());
            }
            body = tensorStr(t, PREFIX.length());
        }
        for (String suffix : extra) {
            suffixes.add(suffix.startsWith(", ") ? suffix.substring(2) : suffix);
        }
        return addSuffixes(PREFIX + body, suffixes, PREFIX.length());
    }

    /** {@code _tensor_str}: summarize past the threshold; one formatter for every element shown. */
    private static String tensorStr(TensorValues t, int indent) {
        boolean summarize = numel(t.shape()) > THRESHOLD;
        List<long[]> shown = new ArrayList<>();
        summarized(t.shape(), new long[0], summarize, shown);
        TorchFormatter f = new TorchFormatter(t, shown);
        return withFormatter(t, new long[0], indent, summarize, f);
    }

    /** {@code get_summarized_data}: the edge items of every dimension, or everything; as indices into {@code t}. */
    private static void summarized(long[] shape, long[] at, boolean summarize, List<long[]> out) {
        if (at.length == shape.length) {
            out.add(at);
            return;
        }
        for (long i : indices(shape[at.length], summarize)) {
            if (i >= 0) {
                summarized(shape, append(at, i), summarize, out);
            }
        }
    }

    /** {@code _tensor_str_with_formatter} of the sub-tensor {@code t[at]}. */
    private static String withFormatter(TensorValues t, long[] at, int indent, boolean summarize, TorchFormatter f) {
        long[] shape = t.shape();
        int dim = shape.length - at.length;
        if (dim == 0) {
            return f.format(t, at);
        }
        if (dim == 1) {
            return vectorStr(t, at, indent, summarize, f);
        }
        List<String> slices = new ArrayList<>();
        for (long i : indices(shape[at.length], summarize)) {
            slices.add(i < 0 ? "..." : withFormatter(t, append(at, i), indent + 1, summarize, f));
        }
        return "[" + String.join("," + "\n".repeat(dim - 1) + " ".repeat(indent + 1), slices) + "]";
    }

    /** {@code _vector_str}: as many elements per line as fit in 80 columns after the indent. */
    private static String vectorStr(TensorValues t, long[] at, int indent, boolean summarize, TorchFormatter f) {
        int elementLength = f.width() + 2;
        int perLine = Math.max(1, Math.floorDiv(LINE_WIDTH - indent, elementLength));
        List<String> data = new ArrayList<>();
        for (long i : indices(t.shape()[at.length], summarize)) {
            data.add(i < 0 ? " ..." : f.format(t, append(at, i)));
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < data.size(); i += perLine) {
            lines.add(String.join(", ", data.subList(i, Math.min(data.size(), i + perLine))));
        }
        return "[" + String.join(",\n" + " ".repeat(indent + 1), lines) + "]";
    }

    /** {@code _add_suffixes}: each suffix after a comma, or on a new line when it would pass 80 columns. */
    private static String addSuffixes(String tensorStr, List<String> suffixes, int indent) {
        StringBuilder out = new StringBuilder(tensorStr);
        // as torch counts it: the last line's length plus 2 (plus 1 more when there is no newline at all)
        int lastLineLength = tensorStr.length() - tensorStr.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLineLength + suffix.length() + 2 > LINE_WIDTH) {
                out.append(",\n").append(" ".repeat(indent)).append(suffix);
                lastLineLength = indent + suffix.length();
            } else {
                out.append(", ").append(suffix);
                lastLineLength += suffix.length() + 2;
            }
        }
        return out.append(')').toString();
    }

    /** The indices of a dimension of size {@code n} that are shown; -1 stands for the elided middle. */
    private static long[] indices(long n, boolean summarize) {
        if (summarize && n > 2 * EDGE) {
            long[] edges = new long[2 * EDGE + 1];
            for (int i = 0; i < EDGE; i++) {
                edges[i] = i;
                edges[EDGE + 1 + i] = n - EDGE + i;
            }
            edges[EDGE] = -1;
            return edges;
        }
        long[] all = new long[Math.toIntExact(n)];
        Arrays.setAll(all, i -> i);
        return all;
    }

    private static long[] append(long[] at, long i) {
        long[] next = Arrays.copyOf(at, at.length + 1);
        next[at.length] = i;
        return next;
    }

    private static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** Python's {@code str(tuple(shape))}: {@code (0, 3)}, {@code (0,)}. */
    private static String tuple(long[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }
}
