package org.tokenspace.io;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.model.MemoryBudget;
import org.tokenspace.model.TokenSpaceException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format (NEP 1): writes little-endian float32 ({@code <f4}) in C order; reads {@code <f4} and
 * {@code <f8} arrays in C order. Anything else is refused with a {@link FileFormatException}.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int MAX_HEADER = 1 << 16;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** Writes {@code array} as float32 {@code .npy}, atomically. */
    public static void write(Path file, INDArray array) {
        INDArray data = array.dataType() == DataType.FLOAT && array.ordering() == 'c' && !array.isView()
                ? array : array.castTo(DataType.FLOAT).dup('c');
        byte[] header = header(data.shape());
        AtomicFiles.write(file, ch -> {
            writeFully(ch, ByteBuffer.wrap(header));
            long bytes = data.length() * Float.BYTES;
            ByteBuffer body = data.data().asNio().duplicate().order(ByteOrder.LITTLE_ENDIAN);
            body.position(0).limit(Math.toIntExact(bytes));
            writeFully(ch, body);
        });
    }

    /** The NEP 1 header for a float32 C-order array: magic, version 1.0, length, dict padded to 64 bytes. */
    static byte[] header(long[] shape) {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + (shape.length == 0 ? "" : dims.substring(0, dims.length() - 2)) + ")";
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shapeText + ", }";
        int total = MAGIC.length + 4 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String text = dict + " ".repeat(padded - total) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        buf.put(text.getBytes(StandardCharsets.US_ASCII));
        return buf.array();
    }

    /** Reads a {@code <f4} or {@code <f8} C-order array of any rank, as float32. */
    public static INDArray read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer pre = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, pre, file, "the 10-byte preamble");
            pre.flip();
            byte[] magic = new byte[6];
            pre.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new FileFormatException(file, "not a .npy file (the magic string \\x93NUMPY is missing)");
            }
            int major = pre.get() & 0xff;
            pre.get();
            long headerLen;
            int headerStart;
            if (major == 1) {
                headerLen = pre.getShort() & 0xffff;
                headerStart = 10;
            } else if (major == 2 || major == 3) {
                ByteBuffer more = ByteBuffer.allocate(2);
                readFully(ch, more, file, "the header length");
                more.flip();
                headerLen = (pre.getShort() & 0xffffL) | ((more.getShort() & 0xffffL) << 16);
                headerStart = 12;
            } else {
                throw new FileFormatException(file, "unsupported .npy version " + major + " (1, 2 and 3 are read)");
            }
            if (headerLen > MAX_HEADER || headerStart + headerLen > size) {
                throw new FileFormatException(file, "the header claims " + headerLen
                        + " bytes but the file has " + size + ": the file is truncated or corrupt");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
            readFully(ch, hb, file, "the header");
            String header = new String(hb.array(), StandardCharsets.ISO_8859_1);
            String descr = find(DESCR, header, file, "descr");
            int width = switch (descr) {
                case "<f4" -> 4;
                case "<f8" -> 8;
                case ">f4", ">f8" -> throw new FileFormatException(file,
                        "big-endian data (" + descr + ") is not supported: save it little-endian (<f4)");
                case "|O", "O" -> throw new FileFormatException(file,
                        "object arrays are not read (they would need unpickling): save a float32 array");
                default -> throw new FileFormatException(file, "unsupported dtype " + descr
                        + ": only float32 (<f4) and float64 (<f8) are read");
            };
            if ("True".equals(find(FORTRAN, header, file, "fortran_order"))) {
                throw new FileFormatException(file, "Fortran-order arrays are not supported: save it in C order");
            }
            long[] shape = parseShape(find(SHAPE, header, file, "shape"), file);
            long count = 1;
            for (long d : shape) {
                count = Math.multiplyExact(count, d);
            }
            long dataStart = headerStart + headerLen;
            if (size - dataStart != count * width) {
                throw new FileFormatException(file, "the shape " + Arrays.toString(shape) + " needs "
                        + count * width + " bytes of data but the file has " + (size - dataStart)
                        + ": the file is truncated or its header is wrong");
            }
            MemoryBudget.requireFloats("the array in " + file.getFileName(), count);
            ByteBuffer data = ch.map(FileChannel.MapMode.READ_ONLY, dataStart, count * width)
                    .order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[(int) count];
            if (width == 4) {
                data.asFloatBuffer().get(values);
            } else {
                java.nio.DoubleBuffer d = data.asDoubleBuffer();
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) d.get(i);
                }
            }
            return Nd4j.create(values, shape, 'c');
        } catch (NoSuchFileException e) {
            throw new TokenSpaceException("cannot read " + file + ": the file does not exist");
        } catch (ArithmeticException e) {
            throw new FileFormatException(file, "the shape in the header is too large");
        } catch (IOException e) {
            throw new TokenSpaceException("cannot read " + file + ": " + AtomicFiles.describe(e));
        }
    }

    private static String find(Pattern p, String header, Path file, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new FileFormatException(file, "the header has no valid '" + key + "' entry");
        }
        return m.group(1);
    }

    private static long[] parseShape(String text, Path file) {
        String[] parts = text.split(",");
        long[] dims = new long[parts.length];
        int n = 0;
        for (String p : parts) {
            String s = p.trim();
            if (s.isEmpty()) {
                continue;
            }
            try {
                dims[n] = Long.parseLong(s.endsWith("L") ? s.substring(0, s.length() - 1) : s);
            } catch (NumberFormatException e) {
                throw new FileFormatException(file, "the shape (" + text + ") is not a tuple of whole numbers");
            }
            if (dims[n] < 0) {
                throw new FileFormatException(file, "the shape (" + text + ") has a negative size");
            }
            n++;
        }
        return Arrays.copyOf(dims, n);
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, Path file, String what) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                throw new FileFormatException(file, "the file ends inside " + what + ": it is truncated");
            }
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

}
