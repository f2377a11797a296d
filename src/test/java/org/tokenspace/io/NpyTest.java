package org.tokenspace.io;

import org.tokenspace.Python;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyTest {
    @TempDir
    Path dir;

    @Test
    void float32RoundTripIsBitIdentical() {
        INDArray a = Bits.awkward(37, 11, 1);
        Path f = dir.resolve("a.npy");
        Npy.write(f, a);
        Bits.assertSameBits(a, Npy.read(f));
        TensorInfo info = Npy.inspect(f);
        assertEquals("a\t<f4\t[37, 11]\t" + 37 * 11 * 4 + " bytes", info.line());
    }

    @Test
    void threeDimensionalAndViewsRoundTrip() {
        INDArray a = Bits.awkward(24, 5, 2).reshape('c', 2, 12, 5);
        INDArray view = a.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 4)); // [12, 3], not contiguous
        Npy.write(dir.resolve("a.npy"), a);
        Npy.write(dir.resolve("v.npy"), view);
        Bits.assertSameBits(a, Npy.read(dir.resolve("a.npy")));
        Bits.assertSameBits(view, Npy.read(dir.resolve("v.npy")));
    }

    @Test
    void idsRoundTripAsInt64() {
        int[][] ids = {{15496, 11, 466}, {50256, 0, 7}};
        Path f = dir.resolve("ids.npy");
        Npy.writeIds(f, ids);
        assertArrayEquals(ids, Npy.readIds(f));
        assertEquals("<i8", Npy.inspect(f).dtype());
    }

    @Test
    void int64MatricesLargerThanOneWriteChunkRoundTrip() throws IOException {
        int[][] buckets = new int[1001][437]; // 3.5 MB: several chunks of whole rows, the last one short
        for (int q = 0; q < buckets.length; q++) {
            for (int k = 0; k < buckets[q].length; k++) {
                buckets[q][k] = q * 437 + k;
            }
        }
        Path f = dir.resolve("buckets.npy");
        Npy.writeIds(f, buckets);
        assertEquals(Npy.header("<i8", new long[] {1001, 437}).length + 1001L * 437 * 8, Files.size(f));
        assertArrayEquals(buckets, Npy.readIds(f));
    }

    @Test
    void numpyLoadsWhatWeWriteBitForBit() throws IOException {
        String python = Python.withNumpy();
        Assumptions.assumeTrue(python != null, "skipped: no python3 with numpy on this machine"
                + " (apt-get install python3-numpy)");
        INDArray a = Bits.awkward(9, 7, 3);
        Npy.write(dir.resolve("a.npy"), a);
        Npy.writeIds(dir.resolve("ids.npy"), new int[][] {{1, 2}, {3, 50256}});
        Python.Result r = Python.run(python, String.join("\n",
                "import sys, numpy as np",
                "a = np.load(sys.argv[1], allow_pickle=False)",
                "i = np.load(sys.argv[2], allow_pickle=False)",
                "print(a.dtype, a.shape, ' '.join(str(x) for x in a.view('<u4').ravel()))",
                "print(i.dtype, i.shape, i.ravel().tolist())"),
                dir.resolve("a.npy").toString(), dir.resolve("ids.npy").toString());
        assertEquals(0, r.exit(), r.output());
        List<String> lines = r.output().lines().toList();
        StringBuilder bits = new StringBuilder("float32 (9, 7)");
        for (int b : Bits.bits(a)) {
            bits.append(' ').append(Integer.toUnsignedString(b));
        }
        assertEquals(bits.toString(), lines.get(0));
        assertEquals("int64 (2, 2) [1, 2, 3, 50256]", lines.get(1));
    }

    @Test
    void readsWhatNumpyWrites() throws IOException {
        String python = Python.withNumpy();
        Assumptions.assumeTrue(python != null, "skipped: no python3 with numpy on this machine");
        Python.Result r = Python.run(python, String.join("\n",
                "import sys, numpy as np",
                "np.save(sys.argv[1] + '/f8.npy', np.array([[0.1, -2.5], [1e300, 3.0]]))",
                "np.save(sys.argv[1] + '/f2.npy', np.array([1.0, 6e-8, -65504], dtype='<f2'))"), dir.toString());
        assertEquals(0, r.exit(), r.output());
        assertArrayEquals(new float[] {0.1f, -2.5f, Float.POSITIVE_INFINITY, 3f},
                Npy.read(dir.resolve("f8.npy")).data().asFloat());
        assertArrayEquals(new float[] {1f, 0x1p-24f, -65504f}, Npy.read(dir.resolve("f2.npy")).data().asFloat());
    }

    @Test
    void infinitiesAndSignedZerosSurviveThreeDimensionsBothWays() throws IOException {
        // an ALiBi bias [H, C, C]: -inf above the diagonal, -0.0 on it
        float[] v = {-0f, Float.NEGATIVE_INFINITY, -0.5f, -0f, 0f, Float.NEGATIVE_INFINITY, -0.25f,
            Float.POSITIVE_INFINITY};
        INDArray a = org.nd4j.linalg.factory.Nd4j.create(v, new long[] {2, 2, 2},
                org.nd4j.linalg.api.buffer.DataType.FLOAT);
        Path f = dir.resolve("bias.npy");
        Npy.write(f, a);
        Bits.assertSameBits(a, Npy.read(f));
        String python = Python.withNumpy();
        Assumptions.assumeTrue(python != null, "skipped: no python3 with numpy on this machine");
        Python.Result r = Python.run(python, String.join("\n",
                "import sys, numpy as np",
                "a = np.load(sys.argv[1], allow_pickle=False)",
                "print(a.dtype, a.shape, [repr(float(x)) for x in a.ravel()])"), f.toString());
        assertEquals(0, r.exit(), r.output());
        assertEquals("float32 (2, 2, 2) ['-0.0', '-inf', '-0.5', '-0.0', '0.0', '-inf', '-0.25', 'inf']",
                r.output().strip());
    }

    // ---- bad files: each a FileFormatException naming the file and the problem ----

    private Path npy(String name, String dict, int dataBytes) throws IOException {
        byte[] d = dict.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + d.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) d.length).put(d);
        Path f = dir.resolve(name);
        Files.write(f, b.array());
        return f;
    }

    private static void refused(Path f, String problem) {
        FileFormatException e = assertThrows(FileFormatException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, "one line: " + e.getMessage());
    }

    @Test
    void refusesDamagedAndUnsupportedFiles() throws IOException {
        String ok = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }\n";
        refused(npy("ok-but-short.npy", ok, 20), "needs 24 bytes of data but the file has 20");
        refused(npy("long.npy", ok, 28), "needs 24 bytes of data but the file has 28");
        refused(npy("shape.npy", ok.replace("(2, 3)", "(2, 3, 5)"), 24), "needs 120 bytes");
        refused(npy("be.npy", ok.replace("<f4", ">f4"), 24), "big-endian");
        refused(npy("fortran.npy", ok.replace("False", "True"), 24), "Fortran-order");
        refused(npy("object.npy", ok.replace("<f4", "|O"), 48), "object arrays");
        refused(npy("c16.npy", ok.replace("<f4", "<c16"), 96), "unsupported dtype <c16");
        refused(npy("u1.npy", ok.replace("<f4", "|u1"), 6), "holds no vectors");
        refused(npy("structured.npy", ok.replace("'<f4'", "[('a', '<f4')]"), 24), "structured");
        refused(npy("unclosed.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3\n", 24),
                "broken header");
        refused(npy("call.npy", ok.replace("(2, 3)", "__import__('os')"), 24), "broken header");
        refused(npy("keys.npy", ok.replace("'fortran_order'", "'order'"), 24), "exactly descr, fortran_order");
        refused(npy("newline.npy", ok.replace("'shape'", "'sha\npe'"), 24), "keys are [descr, fortran_order, sha?pe]");
        refused(npy("negative.npy", ok.replace("(2, 3)", "(-2, 3)"), 24), "broken header");
        refused(npy("overflow.npy", ok.replace("(2, 3)", "(4294967296, 4294967296, 4294967296)"), 24),
                "more elements than any file");
        refused(npy("nested.npy", "{'descr': " + "(".repeat(5000) + "\n", 0), "deeper");
        Path magic = dir.resolve("magic.npy");
        Files.write(magic, "PK\u0003\u0004 not numpy at all".getBytes(StandardCharsets.ISO_8859_1));
        refused(magic, "magic string");
        Path empty = dir.resolve("empty.npy");
        Files.write(empty, new byte[0]);
        refused(empty, "truncated");
    }

    @Test
    void everyTruncationOfAValidFileIsRefused() throws IOException {
        Path whole = dir.resolve("whole.npy");
        Npy.write(whole, Bits.awkward(3, 4, 4));
        byte[] bytes = Files.readAllBytes(whole);
        List<String> messages = new ArrayList<>();
        for (int n = 0; n < bytes.length; n++) {
            Path cut = dir.resolve("cut" + n + ".npy");
            Files.write(cut, Arrays.copyOf(bytes, n));
            messages.add(assertThrows(FileFormatException.class, () -> Npy.read(cut)).getMessage());
            assertThrows(FileFormatException.class, () -> Npy.inspect(cut));
        }
        assertTrue(messages.stream().allMatch(m -> m.contains("truncated")), messages.toString());
    }

    @Test
    void refusesATableTooLargeForMemoryBeforeReadingIt() throws IOException {
        // a sparse file: [60000, 60000] float32 is 14.4 GB on paper and nothing on disk
        byte[] header = Npy.header(new long[] {60000, 60000});
        Path f = dir.resolve("huge.npy");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.write(header);
            raf.setLength(header.length + 60000L * 60000 * 4);
        }
        FileFormatException e = assertThrows(FileFormatException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().contains("14.4 GB"), e.getMessage());
        assertEquals("[60000, 60000]", Arrays.toString(Npy.inspect(f).shape()));
    }
}
