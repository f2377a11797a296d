package org.tokenspace.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.Golden;
import org.tokenspace.Python;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link TorchFormat} against PyTorch itself: {@code torch_print_cases.py} prints tensors of every kind the printer
 * must handle with this machine's torch, and each is printed again here from the same bits.
 */
class TorchFormatTest {
    private static JsonNode peer;

    @BeforeAll
    static void runPeer(@TempDir Path dir) throws IOException {
        String python = Python.withTorch();
        if (python == null) {
            return;
        }
        String script;
        try (InputStream in = TorchFormatTest.class.getResourceAsStream("torch_print_cases.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path out = dir.resolve("cases.json");
        Python.Result r = Python.run(python, script, out.toString());
        assertEquals(0, r.exit(), r.output());
        peer = new ObjectMapper().readTree(out.toFile());
    }

    private static void requirePeer() {
        assumeTrue(peer != null, "python3-torch is not installed: TorchFormat is not compared with PyTorch");
    }

    @Test
    void everyCaseIsPrintedAsTorchPrintsIt() {
        requirePeer();
        List<String> failures = new ArrayList<>();
        int count = 0;
        for (JsonNode c : peer.get("cases")) {
            String ours = print(c);
            count++;
            if (!ours.equals(c.get("repr").asText())) {
                failures.add(c.get("name").asText() + ":\n" + c.get("repr").asText() + "\n--- ours:\n" + ours);
            }
        }
        assertTrue(count >= 60, "too few cases: " + count);
        assertTrue(failures.isEmpty(), failures.size() + " of " + count + " differ:\n" + String.join("\n\n", failures));
    }

    @Test
    void numbersAreFormattedAsPythonFormatsThem() {
        requirePeer();
        int count = 0;
        for (JsonNode n : peer.get("numbers")) {
            double v = Float.intBitsToFloat(n.get("bits").asInt());
            assertEquals(n.get("f4").asText(), PyNumbers.fixed(v, 4), "'{:.4f}' of " + v);
            assertEquals(n.get("f0").asText(), PyNumbers.fixed(v, 0), "'{:.0f}' of " + v);
            assertEquals(n.get("e4").asText(), PyNumbers.scientific(v, 4), "'{:.4e}' of " + v);
            count++;
        }
        assertTrue(count > 4000, "too few numbers: " + count);
    }

    @Test
    void theBooksPrintoutWithItsSignPadding() {
        JsonNode g = Golden.json("embedding_seed123_6x3.json");
        INDArray table = Embedding.create(new TorchGenerator(123), "layer", 6, 3, NormalKernel.AVX2);
        String printed = TorchFormat.parameter(table);
        StringBuilder book = new StringBuilder("Parameter containing:\ntensor([");
        JsonNode rows = g.get("book_printed_4dp");
        for (int r = 0; r < rows.size(); r++) {
            book.append(r == 0 ? "[" : ",\n        [");
            for (int c = 0; c < 3; c++) {
                // the book's values with 4 decimals, each padded to the width of the widest (-2.8400)
                String v = String.format(java.util.Locale.ROOT, "%.4f", rows.get(r).get(c).asDouble());
                book.append(c == 0 ? "" : ", ").append(" ".repeat(7 - v.length())).append(v);
            }
            book.append(']');
        }
        book.append("], requires_grad=True)");
        assertEquals(book.toString(), printed);
        INDArray row = Embedding.lookup(table, new int[][] {{3}}).reshape(1, 3); // [1, 1, 3] -> [1, 3]
        assertEquals("tensor([[-0.4015,  0.9666, -1.1481]], grad_fn=<EmbeddingBackward0>)",
                TorchFormat.tensor(row, TorchFormat.EMBEDDING_BACKWARD));
    }

    @Test
    void sizesAndIds() {
        assertEquals("torch.Size([8, 4, 256])", TorchFormat.size(8, 4, 256));
        assertEquals("torch.Size([])", TorchFormat.size());
        assertEquals("tensor([2, 3, 5, 1])", TorchFormat.ids(new int[] {2, 3, 5, 1}));
        assertEquals("tensor([1.5000], grad_fn=<EmbeddingBackward0>)",
                TorchFormat.tensor(new float[] {1.5f}, ", grad_fn=<EmbeddingBackward0>"));
        assertEquals("tensor([0.5000, -0.0000, 1.0000], grad_fn=<AddBackward0>)", // -0 does not count for the width
                TorchFormat.tensor(new float[] {0.5f, -0f, 1f}, TorchFormat.ADD_BACKWARD));
        assertEquals("tensor([[  40,  367],\n        [2885,    1]])",
                TorchFormat.ids(new int[][] {{40, 367}, {2885, 1}}));
    }

    private static String print(JsonNode c) {
        String kind = c.get("kind").asText();
        long[] shape = longs(c.get("shape"));
        switch (kind) {
            case "embedding" -> {
                INDArray table = Embedding.create(new TorchGenerator(c.get("seed").asLong()), "layer", shape[0],
                        shape[1], NormalKernel.GENERIC);
                return TorchFormat.parameter(table);
            }
            case "lookup" -> {
                INDArray table = Embedding.create(new TorchGenerator(c.get("seed").asLong()), "layer", shape[0],
                        shape[1], NormalKernel.GENERIC);
                int[] ids = Golden.ints(c.get("ids"));
                INDArray rows = Embedding.lookup(table, new int[][] {ids}).reshape(ids.length, shape[1]); // [T, D]
                return TorchFormat.tensor(rows, TorchFormat.EMBEDDING_BACKWARD);
            }
            default -> {
                INDArray t = tensor(c, shape);
                return switch (kind) {
                    case "parameter" -> TorchFormat.parameter(t);
                    case "add" -> TorchFormat.tensor(t, TorchFormat.ADD_BACKWARD);
                    default -> TorchFormat.tensor(t);
                };
            }
        }
    }

    private static INDArray tensor(JsonNode c, long[] shape) {
        String dtype = c.get("dtype").asText();
        JsonNode data = c.has("bits") ? c.get("bits") : c.get("values");
        int n = data.size();
        INDArray flat;
        switch (dtype) {
            case "torch.float32" -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = Float.intBitsToFloat(data.get(i).asInt());
                }
                flat = n == 0 ? Nd4j.create(DataType.FLOAT, shape) : Nd4j.createFromArray(v);
            }
            case "torch.float64" -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = Double.longBitsToDouble(data.get(i).asLong());
                }
                flat = Nd4j.createFromArray(v);
            }
            case "torch.int32" -> flat = Nd4j.createFromArray(Golden.ints(data));
            case "torch.int64" -> {
                long[] v = longs(data);
                flat = n == 0 ? Nd4j.create(DataType.LONG, shape) : Nd4j.createFromArray(v);
            }
            default -> throw new IllegalArgumentException(dtype);
        }
        if (n == 0) {
            return flat;
        }
        if (shape.length == 0) {
            return switch (dtype) {
                case "torch.float32" -> Nd4j.scalar(flat.getFloat(0L));
                case "torch.int64" -> Nd4j.scalar(flat.getLong(0L));
                default -> throw new IllegalArgumentException("a " + dtype + " scalar");
            };
        }
        return flat.reshape('c', shape);
    }

    private static long[] longs(JsonNode a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asLong();
        }
        return out;
    }
}
