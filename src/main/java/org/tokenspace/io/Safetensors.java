package org.tokenspace.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Hugging Face's {@code .safetensors}: an 8-byte little-endian header length N, N bytes of JSON
 * ({@code {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": {..}}}), then the
 * tensors' bytes, offsets counted from the end of the header. The checks are the reference implementation's: offsets
 * in order, without gaps or overlaps, filling the data exactly. F32, F16, BF16 and F64 tensors load as float32;
 * every damaged file is a {@link FileFormatException}.
 */
public final class Safetensors {
    /** The reference implementation's cap on the header. */
    static final long MAX_HEADER = 100_000_000;
    private static final String METADATA = "__metadata__";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Map<String, Integer> WIDTHS = Map.ofEntries(
            Map.entry("BOOL", 1), Map.entry("U8", 1), Map.entry("I8", 1), Map.entry("F8_E5M2", 1),
            Map.entry("F8_E4M3", 1), Map.entry("I16", 2), Map.entry("U16", 2), Map.entry("F16", 2),
            Map.entry("BF16", 2), Map.entry("I32", 4), Map.entry("U32", 4), Map.entry("F32", 4),
            Map.entry("F64", 8), Map.entry("I64", 8), Map.entry("U64", 8));

    private Safetensors() {
    }

    /** One tensor's entry in the header; {@code begin} and {@code end} are absolute file offsets. */
    record Entry(TensorInfo info, long begin, long end) {
    }

    // ---- reading ----

    /** The tensors in file order, as their headers describe them. */
    public static List<TensorInfo> inspect(Path file) {
        return FileReads.withChannel(file, ch -> entries(ch, file).stream().map(Entry::info).toList());
    }

    /** Reads tensor {@code name} (F32, F16, BF16 or F64, any rank) as float32. */
    public static INDArray read(Path file, String name, Progress progress) {
        return FileReads.withChannel(file, ch -> {
            List<Entry> entries = entries(ch, file);
            Entry e = entries.stream().filter(x -> x.info().name().equals(name)).findFirst()
                    .orElseThrow(() -> new FileFormatException(file, "there is no tensor '" + name + "'; it has "
                            + names(entries)));
            Dtype dtype = switch (e.info().dtype()) {
                case "F32" -> Dtype.F32;
                case "F16" -> Dtype.F16;
                case "BF16" -> Dtype.BF16;
                case "F64" -> Dtype.F64;
                default -> throw new FileFormatException(file, "the tensor '" + name + "' is " + e.info().dtype()
                        + ", not vectors: F32, F16, BF16 and F64 tensors are read");
            };
            return TensorData.read(ch, file, "the tensor '" + name + "'", e.begin(), e.info().shape(), dtype,
                    progress);
        });
    }

    /** The first dozen tensor names, for a message. */
    private static String names(List<Entry> entries) {
        String first = entries.stream().limit(12).map(x -> x.info().name()).collect(Collectors.joining(", "));
        return entries.isEmpty() ? "none" : entries.size() <= 12 ? first
                : first + " and " + (entries.size() - 12) + " more";
    }

    /** {@link #read(Path, String, Progress)} without progress. */
    public static INDArray read(Path file, String name) {
        return read(file, name, Progress.NONE);
    }

    /** Parses and checks the header. */
    static List<Entry> entries(FileChannel ch, Path file) throws IOException {
        long size = ch.size();
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        FileReads.readFully(ch, len, 0, file, "the 8-byte header length");
        long n = len.flip().getLong();
        if (n < 2 || n > size - 8) {
            throw new FileFormatException(file, "the header length " + Long.toUnsignedString(n)
                    + " does not fit in the file of " + size + " bytes: it is not a safetensors file, or truncated");
        }
        if (n > MAX_HEADER) {
            throw new FileFormatException(file, "the header claims " + n + " bytes, more than the "
                    + MAX_HEADER + " safetensors allows");
        }
        ByteBuffer hb = ByteBuffer.allocate((int) n);
        FileReads.readFully(ch, hb, 8, file, "the header");
        JsonNode root = parse(hb.flip(), file);
        long dataStart = 8 + n;
        long dataSize = size - dataStart;
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals(METADATA)) {
                checkMetadata(f.getValue(), file);
                continue;
            }
            entries.add(entry(f.getKey(), f.getValue(), dataStart, dataSize, file));
        }
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long at = dataStart;
        for (Entry e : entries) {
            if (e.begin() < at) {
                throw new FileFormatException(file, "the tensor '" + e.info().name() + "' overlaps the one before it"
                        + " (data_offsets " + (e.begin() - dataStart) + " < " + (at - dataStart) + ")");
            }
            if (e.begin() > at) {
                throw new FileFormatException(file, "there is a gap of " + (e.begin() - at)
                        + " bytes before the tensor '" + e.info().name() + "': the offsets are corrupt");
            }
            at = e.end();
        }
        if (at != size) {
            throw new FileFormatException(file, "the tensors end at byte " + (at - dataStart) + " of the data but it"
                    + " has " + dataSize + ": the file is truncated or has extra bytes");
        }
        return entries;
    }

    private static JsonNode parse(ByteBuffer bytes, Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new FileFormatException(file, "the header is not UTF-8 text: it is not a safetensors file");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw new FileFormatException(file, "the header is not valid JSON (more follows its first value)");
        } catch (JsonProcessingException e) {
            // the parser's own words, without the library's type names
            String why = e.getOriginalMessage().lines().findFirst().orElse("")
                    .replaceAll("\\s*\\(bound as `[^`]*`\\)", "").replaceAll("`[\\w.$]+`", "the JSON library");
            throw new FileFormatException(file, "the header is not valid JSON (" + why + ")");
        } catch (RuntimeException e) {
            // Jackson's limits (nesting depth, number length) fail with their own unchecked types
            throw new FileFormatException(file, "the header is not usable JSON (it nests too deeply, or holds a"
                    + " number or string too long to read)");
        }
        if (root == null || !root.isObject()) {
            throw new FileFormatException(file, "the header is not a JSON object");
        }
        return root;
    }

    private static void checkMetadata(JsonNode meta, Path file) {
        if (!meta.isObject()) {
            throw new FileFormatException(file, "__metadata__ is not an object of strings");
        }
        for (JsonNode v : meta) {
            if (!v.isTextual()) {
                throw new FileFormatException(file, "__metadata__ holds a value that is not a string");
            }
        }
    }

    private static Entry entry(String name, JsonNode node, long dataStart, long dataSize, Path file) {
        String where = "the tensor '" + name + "'";
        if (!node.isObject()) {
            throw new FileFormatException(file, where + " is not described by an object");
        }
        JsonNode dtypeNode = node.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            throw new FileFormatException(file, where + " has no dtype");
        }
        String dtype = dtypeNode.asText();
        Integer width = WIDTHS.get(dtype);
        if (width == null) {
            throw new FileFormatException(file, where + " has the unknown dtype " + dtype);
        }
        long[] shape = longs(node.get("shape"), 32, where + "'s shape", file);
        long[] offsets = longs(node.get("data_offsets"), 2, where + "'s data_offsets", file);
        if (offsets.length != 2 || offsets[0] > offsets[1]) {
            throw new FileFormatException(file, where + "'s data_offsets " + Arrays.toString(offsets)
                    + " are not [begin, end] with begin <= end");
        }
        if (offsets[1] > dataSize) {
            throw new FileFormatException(file, where + " ends at byte " + offsets[1] + " but the data has "
                    + dataSize + ": the file is truncated or the offsets are out of bounds");
        }
        long count = TensorData.count(shape, file);
        long bytes;
        try {
            bytes = Math.multiplyExact(count, width);
        } catch (ArithmeticException e) {
            bytes = -1;
        }
        if (bytes != offsets[1] - offsets[0]) {
            throw new FileFormatException(file, where + " of shape " + Arrays.toString(shape) + " " + dtype
                    + " needs " + (bytes < 0 ? "more" : String.valueOf(bytes)) + " bytes but its data_offsets span "
                    + (offsets[1] - offsets[0]));
        }
        return new Entry(new TensorInfo(name, dtype, shape, bytes), dataStart + offsets[0], dataStart + offsets[1]);
    }

    private static long[] longs(JsonNode node, int max, String what, Path file) {
        if (node == null || !node.isArray() || node.size() > max) {
            throw new FileFormatException(file, what + " is not a list of at most " + max + " whole numbers");
        }
        long[] out = new long[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
                throw new FileFormatException(file, what + " holds " + v + ", not a whole number 0 or more");
            }
            out[i] = v.asLong();
        }
        return out;
    }

    // ---- writing ----

    /**
     * One tensor to write: float32 vectors or int64 ids.
     *
     * @param owner what holds the memory behind {@code littleEndianData}, kept reachable until it is written
     */
    public record Tensor(String name, String dtype, long[] shape, ByteBuffer littleEndianData, Object owner) {
        /** A float32 tensor of {@code array}'s shape. */
        public static Tensor of(String name, INDArray array) {
            INDArray data = Npy.float32(array);
            return new Tensor(name, "F32", data.shape(), Npy.bytes(data), data);
        }

        /** An int64 {@code [rows, cols]} tensor of ids, PyTorch's dtype for token ids. */
        public static Tensor ids(String name, int[][] ids) {
            ByteBuffer bytes = Npy.idBytes(ids);
            return new Tensor(name, "I64", new long[] {ids.length, ids.length == 0 ? 0 : ids[0].length}, bytes,
                    bytes);
        }
    }

    /**
     * Writes the tensors in the given order, atomically, with {@code "__metadata__": {"format": "pt"}} so that
     * {@code safetensors.torch.load_file} and transformers accept it. The header is padded with spaces to a
     * multiple of 8 bytes, as the reference writer does.
     */
    public static void write(Path file, List<Tensor> tensors) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject(METADATA).put("format", "pt");
        long at = 0;
        for (Tensor t : tensors) {
            ObjectNode e = root.putObject(t.name());
            e.put("dtype", t.dtype());
            ArrayNode shape = e.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            long end = at + t.littleEndianData().remaining();
            e.putArray("data_offsets").add(at).add(end);
            at = end;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        AtomicFiles.write(file, ch -> {
            Npy.writeFully(ch, head.flip());
            for (Tensor t : tensors) {
                Npy.writeFully(ch, t.littleEndianData().duplicate());
                Reference.reachabilityFence(t.owner());
            }
        });
    }
}
