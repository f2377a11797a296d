package org.tokenspace.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetensorsTest {
    @TempDir
    Path dir;

    /** A safetensors file made by hand: 8-byte little-endian header length, JSON header, raw data. */
    static byte[] file(String json, byte[] data) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        return b.putLong(h.length).put(h).put(data).array();
    }

    static byte[] le(short... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short v : values) {
            b.putShort(v);
        }
        return b.array();
    }

    static byte[] le(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    @Test
    void loadsFloat32Float16AndBfloat16Exactly() throws IOException {
        float[] f32 = {1.5f, -0f, Float.MIN_VALUE, 3.4e38f, Float.NEGATIVE_INFINITY, 0.1f};
        // float16: 1, -2, 65504 (max), 2^-24 (smallest subnormal), 1023 * 2^-24 (largest subnormal), 2^-14, -inf, 1/3
        short[] f16 = {0x3c00, (short) 0xc000, 0x7bff, 0x0001, 0x03ff, 0x0400, (short) 0xfc00, 0x3555};
        float[] f16Expected = {1f, -2f, 65504f, 0x1p-24f, 1023 * 0x1p-24f, 0x1p-14f, Float.NEGATIVE_INFINITY,
            0.333251953125f};
        // bfloat16: the top 16 bits of a float32
        short[] bf16 = {0x3f80, 0x4049, (short) 0xbf00, 0x7f7f};
        float[] bf16Expected = {1f, 3.140625f, -0.5f, Float.intBitsToFloat(0x7f7f0000)};
        String json = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"wte.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
                + "\"half\":{\"dtype\":\"F16\",\"shape\":[4,2],\"data_offsets\":[24,40]},"
                + "\"brain\":{\"dtype\":\"BF16\",\"shape\":[2,2],\"data_offsets\":[40,48]}}";
        Path f = write("three.safetensors", file(json, concat(le(f32), le(f16), le(bf16))));

        List<TensorInfo> infos = Safetensors.inspect(f);
        assertEquals(List.of("wte.weight\tF32\t[2, 3]\t24 bytes", "half\tF16\t[4, 2]\t16 bytes",
                "brain\tBF16\t[2, 2]\t8 bytes"), infos.stream().map(TensorInfo::line).toList());
        assertFloats(f32, Safetensors.read(f, "wte.weight"));
        assertFloats(f16Expected, Safetensors.read(f, "half"));
        assertFloats(bf16Expected, Safetensors.read(f, "brain"));
        assertEquals("[4, 2]", Arrays.toString(Safetensors.read(f, "half").shape()));
    }

    private static void assertFloats(float[] expected, INDArray actual) {
        float[] got = actual.data().asFloat();
        int[] e = new int[expected.length];
        int[] g = new int[got.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Float.floatToRawIntBits(expected[i]);
        }
        for (int i = 0; i < g.length; i++) {
            g[i] = Float.floatToRawIntBits(got[i]);
        }
        assertArrayEquals(e, g);
    }

    @Test
    void everyFloat16ValueWidensExactly() {
        for (int h = 0; h < 0x10000; h++) {
            int exp = (h >>> 10) & 0x1f;
            int mant = h & 0x3ff;
            double sign = (h & 0x8000) != 0 ? -1 : 1;
            float got = Dtype.halfToFloat((short) h);
            if (exp == 0x1f) {
                assertTrue(mant == 0 ? Float.isInfinite(got) : Float.isNaN(got), Integer.toHexString(h));
                continue;
            }
            double expected = exp == 0 ? sign * Math.scalb((double) mant, -24)
                    : sign * Math.scalb(1024.0 + mant, exp - 25);
            assertEquals(expected, got, 0.0, Integer.toHexString(h));
            assertEquals(Math.copySign(1.0, sign), Math.copySign(1.0, got), "sign of " + Integer.toHexString(h));
        }
    }

    @Test
    void writerRoundTripsBitIdenticalAndNamesTensorsInOrder() {
        INDArray wte = Bits.awkward(50, 8, 5);
        INDArray wpe = Bits.awkward(4, 8, 6);
        Path f = dir.resolve("tables.safetensors");
        Safetensors.write(f, List.of(Safetensors.Tensor.of("wte.weight", wte), Safetensors.Tensor.of("wpe.weight", wpe),
                Safetensors.Tensor.ids("ids", new int[][] {{1, 2, 3}})));
        Bits.assertSameBits(wte, Safetensors.read(f, "wte.weight"));
        Bits.assertSameBits(wpe, Safetensors.read(f, "wpe.weight"));
        assertEquals(List.of("wte.weight", "wpe.weight", "ids"),
                Safetensors.inspect(f).stream().map(TensorInfo::name).toList());
        FileFormatException e = assertThrows(FileFormatException.class, () -> Safetensors.read(f, "ids"));
        assertTrue(e.getMessage().contains("I64"), e.getMessage());
        e = assertThrows(FileFormatException.class, () -> Safetensors.read(f, "lm_head"));
        assertTrue(e.getMessage().contains("no tensor 'lm_head'; it has wte.weight, wpe.weight, ids"), e.getMessage());
    }

    // ---- bad files ----

    private void refused(String name, byte[] bytes, String problem) throws IOException {
        Path f = write(name, bytes);
        FileFormatException e = assertThrows(FileFormatException.class, () -> Safetensors.inspect(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), name + ": " + e.getMessage());
    }

    private static String tensor(String name, String dtype, String shape, String offsets) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":" + offsets + "}";
    }

    @Test
    void refusesDamagedFiles() throws IOException {
        byte[] eight = new byte[8];
        ByteBuffer big = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).put("{}      ".getBytes(
                StandardCharsets.US_ASCII));
        refused("long-header.safetensors", big.array(), "does not fit in the file");
        refused("negative-header.safetensors", ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).putLong(-1)
                .array(), "does not fit");
        refused("json.safetensors", file("{\"a\": [1,", eight), "not valid JSON");
        refused("not-object.safetensors", file("[1, 2]", new byte[0]), "not a JSON object");
        refused("trailing.safetensors", file("{} {}", new byte[0]), "not valid JSON");
        refused("duplicate.safetensors", file("{" + tensor("a", "F32", "[1]", "[0,4]") + ","
                + tensor("a", "F32", "[1]", "[4,8]") + "}", eight), "not valid JSON");
        refused("latin1.safetensors", concat(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(4).array(),
                new byte[] {'{', (byte) 0xe9, '}', ' '}), "not UTF-8");
        refused("overlap.safetensors", file("{" + tensor("a", "F32", "[2]", "[0,8]") + ","
                + tensor("b", "F32", "[1]", "[4,8]") + "}", eight), "overlaps");
        refused("gap.safetensors", file("{" + tensor("a", "F32", "[1]", "[4,8]") + "}", eight), "gap of 4 bytes");
        refused("out-of-bounds.safetensors", file("{" + tensor("a", "F32", "[4]", "[0,16]") + "}", eight),
                "out of bounds");
        refused("extra.safetensors", file("{" + tensor("a", "F32", "[1]", "[0,4]") + "}", eight), "extra bytes");
        refused("unknown-dtype.safetensors", file("{" + tensor("a", "F128", "[1]", "[0,16]") + "}", new byte[16]),
                "unknown dtype F128");
        refused("size.safetensors", file("{" + tensor("a", "F32", "[3]", "[0,8]") + "}", eight), "needs 12 bytes");
        refused("reversed.safetensors", file("{" + tensor("a", "F32", "[0]", "[8,0]") + "}", eight),
                "begin <= end");
        refused("float-shape.safetensors", file("{" + tensor("a", "F32", "[2.0]", "[0,8]") + "}", eight),
                "not a whole number");
        refused("huge-shape.safetensors", file("{" + tensor("a", "F32", "[4294967296,4294967296,4294967296]",
                "[0,8]") + "}", eight), "more elements");
        refused("metadata.safetensors", file("{\"__metadata__\":{\"format\":1}}", new byte[0]), "__metadata__");
        refused("short.safetensors", new byte[] {1, 2, 3}, "truncated");
    }

    @Test
    void everyTruncationOfAValidFileIsRefused() throws IOException {
        Path whole = dir.resolve("whole.safetensors");
        Safetensors.write(whole, List.of(Safetensors.Tensor.of("t", Bits.awkward(3, 2, 7))));
        byte[] bytes = Files.readAllBytes(whole);
        for (int n = 0; n < bytes.length; n++) {
            Path cut = write("cut" + n + ".safetensors", Arrays.copyOf(bytes, n));
            assertThrows(FileFormatException.class, () -> Safetensors.read(cut, "t"), "cut at " + n);
        }
    }
}
