package org.tokenspace.io;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NumPy's {@code .npy} format (NEP 1). Writes little-endian float32 ({@code <f4}) vectors and int64 ({@code <i8})
 * ids in C order. Reads {@code <f4}, {@code <f8} and {@code <f2} arrays in C order as float32, and {@code <i8} /
 * {@code <i4} id matrices. Anything else, and every damaged file, is refused with a {@link FileFormatException}; the
 * header is parsed as a literal, never evaluated, so object arrays are never unpickled.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy itself refuses headers above 10,000 bytes unless told otherwise; 64 KiB leaves room. */
    private static final int MAX_HEADER = 1 << 16;
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");
    /** Bytes of int64 ids written at a time. */
    private static final int ID_CHUNK = 1 << 20;

    private Npy() {
    }

    /** What a header says: the dtype text, the shape, and where the data starts. */
    record Header(String descr, long[] shape, long dataStart, long dataBytes) {
    }

    // ---- writing ----

    /** Writes {@code array} as float32 {@code .npy}, atomically. */
    public static void write(Path file, INDArray array) {
        AtomicFiles.write(file, ch -> writeTo(ch, array));
    }

    /** Writes {@code array} as float32 {@code .npy} into an open channel. */
    static void writeTo(FileChannel ch, INDArray array) throws IOException {
        INDArray data = float32(array);
        writeFully(ch, ByteBuffer.wrap(header("<f4", data.shape())));
        writeFully(ch, bytes(data));
        Reference.reachabilityFence(data); // the buffer does not keep ND4J from freeing the array
    }

    /**
     * Writes an int matrix {@code [rows, cols]} (token ids, T5 buckets) as int64 {@code .npy}, PyTorch's dtype for
     * indices, atomically.
     */
    public static void writeIds(Path file, int[][] ids) {
        int cols = ids.length == 0 ? 0 : ids[0].length;
        long[] shape = {ids.length, cols};
        AtomicFiles.write(file, ch -> {
            writeFully(ch, ByteBuffer.wrap(header("<i8", shape)));
            // in chunks of whole rows: a 16384 x 16384 bucket matrix is more bytes than one buffer holds
            int rowsPerChunk = Math.max(1, ID_CHUNK / Math.max(1, cols * Long.BYTES));
            ByteBuffer buf = ByteBuffer.allocate(Math.max(1, Math.min(ids.length, rowsPerChunk)) * cols * Long.BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (int r = 0; r < ids.length; r++) {
                if (ids[r].length != cols) {
                    throw new IllegalArgumentException("row " + r + " has " + ids[r].length + " ids, row 0 " + cols);
                }
                for (int id : ids[r]) {
                    buf.putLong(id);
                }
                if (!buf.hasRemaining() || r == ids.length - 1) {
                    writeFully(ch, buf.flip());
                    buf.clear();
                }
            }
        });
    }

    /** {@code array} as a C-order float32 array whose buffer holds exactly its elements. */
    static INDArray float32(INDArray array) {
        return array.dataType() == DataType.FLOAT && array.ordering() == 'c' && !array.isView()
                && array.data().length() == array.length() ? array : array.castTo(DataType.FLOAT).dup('c');
    }

    /**
     * The little-endian bytes of a C-order float32 array from {@link #float32}. The buffer does not keep the array
     * alive: the caller holds {@code data} until the bytes are written.
     */
    static ByteBuffer bytes(INDArray data) {
        ByteBuffer body = data.data().asNio().duplicate().order(ByteOrder.nativeOrder());
        body.position(0).limit(Math.toIntExact(data.length() * Float.BYTES));
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            return body;
        }
        ByteBuffer le = ByteBuffer.allocate(body.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        le.asFloatBuffer().put(body.asFloatBuffer());
        return le;
    }

    /** Ids as little-endian int64, row after row. */
    static ByteBuffer idBytes(int[][] ids) {
        int cols = ids.length == 0 ? 0 : ids[0].length;
        ByteBuffer buf = ByteBuffer.allocate(ids.length * cols * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] row : ids) {
            for (int id : row) {
                buf.putLong(id);
            }
        }
        return buf.flip();
    }

    /** The NEP 1 header for a C-order array: magic, version 1.0, length, dict padded to 64 bytes. */
    static byte[] header(String descr, long[] shape) {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + (shape.length == 0 ? "" : dims.substring(0, dims.length() - 2)) + ")";
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
        int total = MAGIC.length + 4 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String text = dict + " ".repeat(padded - total) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        buf.put(text.getBytes(StandardCharsets.US_ASCII));
        return buf.array();
    }

    static byte[] header(long[] shape) {
        return header("<f4", shape);
    }

    // ---- reading ----

    /** Reads a {@code <f4}, {@code <f8} or {@code <f2} C-order array of any rank, as float32. */
    public static INDArray read(Path file) {
        return read(file, Progress.NONE);
    }

    /** {@link #read(Path)} with progress and cancellation. */
    public static INDArray read(Path file, Progress progress) {
        return FileReads.withChannel(file, ch -> {
            Header h = header(ch, file);
            Dtype dtype = switch (h.descr) {
                case "<f4" -> Dtype.F32;
                case "<f8" -> Dtype.F64;
                case "<f2" -> Dtype.F16;
                default -> throw new FileFormatException(file, "the dtype " + h.descr + " holds no vectors: "
                        + "only float32 (<f4), float64 (<f8) and float16 (<f2) are read");
            };
            return TensorData.read(ch, file, "the array " + Arrays.toString(h.shape), h.dataStart, h.shape, dtype,
                    progress);
        });
    }

    /** Reads a 2-D id matrix saved as int64 ({@code <i8}) or int32 ({@code <i4}). */
    public static int[][] readIds(Path file) {
        return FileReads.withChannel(file, ch -> {
            Header h = header(ch, file);
            int width = switch (h.descr) {
                case "<i8" -> 8;
                case "<i4" -> 4;
                default -> throw new FileFormatException(file, "ids need dtype <i8 or <i4, not " + h.descr);
            };
            if (h.shape.length != 2) {
                throw new FileFormatException(file, "ids need a 2-D shape, not " + Arrays.toString(h.shape));
            }
            if (h.dataBytes == 0) {
                throw new FileFormatException(file, "the id matrix " + Arrays.toString(h.shape) + " is empty");
            }
            if (h.dataBytes > Integer.MAX_VALUE) {
                throw new FileFormatException(file, "the id matrix is too large to read (" + h.dataBytes
                        + " bytes)");
            }
            ByteBuffer data = ch.map(FileChannel.MapMode.READ_ONLY, h.dataStart, h.dataBytes)
                    .order(ByteOrder.LITTLE_ENDIAN);
            int rows = (int) h.shape[0];
            int cols = (int) h.shape[1];
            int[][] ids = new int[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int i = r * cols + c;
                    long v = width == 8 ? data.getLong(i * 8) : data.getInt(i * 4);
                    if (v < 0 || v > Integer.MAX_VALUE) {
                        throw new FileFormatException(file, "the id " + v + " at [" + r + ", " + c
                                + "] is not a token id");
                    }
                    ids[r][c] = (int) v;
                }
            }
            return ids;
        });
    }

    /** The one tensor of an {@code .npy} file as its header describes it. */
    public static TensorInfo inspect(Path file) {
        return FileReads.withChannel(file, ch -> {
            Header h = header(ch, file);
            String name = file.getFileName().toString().replaceFirst("(?i)\\.npy$", "");
            return new TensorInfo(name, h.descr, h.shape, h.dataBytes);
        });
    }

    /** Reads and checks the header: magic, version, dict, dtype, order, and a shape that matches the file size. */
    static Header header(FileChannel ch, Path file) throws IOException {
        long size = ch.size();
        ByteBuffer pre = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        while (pre.hasRemaining() && ch.read(pre, pre.position()) >= 0) {
            // up to 10 bytes: enough for the magic string, the version and the header length
        }
        pre.flip();
        for (int i = 0; i < Math.min(MAGIC.length, pre.limit()); i++) {
            if (pre.get(i) != MAGIC[i]) {
                throw new FileFormatException(file, "not a .npy file (the magic string \\x93NUMPY is missing)");
            }
        }
        if (pre.limit() < 10) {
            throw new FileFormatException(file, "the file ends inside the 10-byte preamble: it is truncated");
        }
        pre.position(MAGIC.length);
        int major = pre.get() & 0xff;
        pre.get();
        long headerLen;
        int headerStart;
        if (major == 1) {
            headerLen = pre.getShort() & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            FileReads.readFully(ch, len, 8, file, "the header length");
            headerLen = len.flip().getInt() & 0xffffffffL;
            headerStart = 12;
        } else {
            throw new FileFormatException(file, "unsupported .npy version " + major + " (1, 2 and 3 are read)");
        }
        if (headerStart + headerLen > size) {
            throw new FileFormatException(file, "the header claims " + headerLen + " bytes but the file has "
                    + size + ": the file is truncated or corrupt");
        }
        if (headerLen > MAX_HEADER) {
            throw new FileFormatException(file, "the header claims " + headerLen + " bytes, more than "
                    + MAX_HEADER + ": the file is corrupt");
        }
        ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
        FileReads.readFully(ch, hb, headerStart, file, "the header");
        String text = new String(hb.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict = PyLiteral.dict(text, file);
        if (!dict.keySet().equals(KEYS)) {
            throw new FileFormatException(file, "broken header: its keys are " + dict.keySet()
                    + " but a .npy header has exactly descr, fortran_order and shape");
        }
        String descr = descr(dict.get("descr"), file);
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new FileFormatException(file, "broken header: fortran_order is not True or False");
        }
        if (fortran) {
            throw new FileFormatException(file, "Fortran-order arrays are not read: save it in C order"
                    + " (np.ascontiguousarray)");
        }
        long[] shape = shape(dict.get("shape"), file);
        long count = TensorData.count(shape, file);
        int width = itemSize(descr, file);
        long dataStart = headerStart + headerLen;
        long expected;
        try {
            expected = Math.multiplyExact(count, width);
        } catch (ArithmeticException e) {
            expected = Long.MAX_VALUE;
        }
        if (size - dataStart != expected) {
            String needs = expected == Long.MAX_VALUE ? "more" : String.valueOf(expected);
            throw new FileFormatException(file, "the shape " + Arrays.toString(shape) + " of " + descr + " needs "
                    + needs + " bytes of data but the file has " + (size - dataStart)
                    + ": the file is truncated or its header is wrong");
        }
        return new Header(descr, shape, dataStart, expected);
    }

    private static String descr(Object value, Path file) {
        if (value instanceof List<?>) {
            throw new FileFormatException(file, "structured arrays (a list of fields as descr) are not read:"
                    + " save a plain float32 array");
        }
        if (!(value instanceof String descr)) {
            throw new FileFormatException(file, "broken header: descr is not a string");
        }
        return descr;
    }

    /** The element width of a plain numeric dtype; big-endian, object and other kinds are refused by name. */
    private static int itemSize(String descr, Path file) {
        if (descr.matches("[<>|=]?O\\d*")) {
            throw new FileFormatException(file, "object arrays (" + descr
                    + ") are not read, since that would mean unpickling: save a float32 array");
        }
        if (descr.startsWith(">")) {
            throw new FileFormatException(file, "big-endian data (" + descr
                    + ") is not read: save it little-endian (arr.astype('<f4'))");
        }
        if (!descr.matches("[<|][fiub][1248]")) {
            throw new FileFormatException(file, "unsupported dtype " + descr
                    + ": save a float32 (<f4) or float64 (<f8) array");
        }
        return descr.charAt(2) - '0';
    }

    private static long[] shape(Object value, Path file) {
        if (!(value instanceof List<?> dims) || dims.size() > 32) {
            throw new FileFormatException(file, "broken header: shape is not a tuple of at most 32 sizes");
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long d) || d < 0) {
                throw new FileFormatException(file, "broken header: the shape " + dims
                        + " is not a tuple of whole numbers 0 or more");
            }
            shape[i] = d;
        }
        return shape;
    }

    static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
