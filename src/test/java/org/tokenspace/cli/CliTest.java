package org.tokenspace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.Golden;
import org.tokenspace.io.Npy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void initPrintsTheBooksLayerAndWritesItsExactBits() throws Exception {
        CliRun r = CliRun.of("init", "--seed", "123", "--layer", "6x3", "--out", dir.toString(), "--print");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Parameter containing:\ntensor([[ 0.3374, -0.1778, -0.1690],\n"), r.out());
        assertTrue(r.out().contains("        [-0.4015,  0.9666, -1.1481],\n"), r.out());
        byte[] npy = Files.readAllBytes(dir.resolve("layer0.npy"));
        int headerEnd = 10 + (npy[8] & 0xff | (npy[9] & 0xff) << 8);
        assertEquals(0, headerEnd % 64);
        assertTrue(new String(npy, 10, headerEnd - 10).startsWith(
                "{'descr': '<f4', 'fortran_order': False, 'shape': (6, 3), }"));
        ByteBuffer data = ByteBuffer.wrap(npy, headerEnd, npy.length - headerEnd).order(ByteOrder.LITTLE_ENDIAN);
        int[] bits = new int[18];
        for (int i = 0; i < 18; i++) {
            bits[i] = data.getInt();
        }
        assertArrayEquals(Golden.bits(Golden.json("embedding_seed123_6x3.json").get("avx2").get("bits_u32")), bits);
    }

    @Test
    void consecutiveLayersShareOneStreamLikeConsecutiveEmbeddingCalls() {
        JsonNode seq = Golden.json("embedding_small_shapes.json").get("sequences").get(1); // (5,3), (6,3), (1,3)
        CliRun r = CliRun.of("init", "--seed", "123", "--layer", "5x3", "--layer", "6x3", "--layer", "1x3",
                "--kernel", "generic", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (int i = 0; i < 3; i++) {
            INDArray layer = Npy.read(dir.resolve("layer" + i + ".npy"));
            float[] v = layer.data().asFloat();
            int[] bits = new int[v.length];
            for (int k = 0; k < v.length; k++) {
                bits[k] = Float.floatToRawIntBits(v[k]);
            }
            assertArrayEquals(Golden.bits(seq.get("layers").get(i).get("default").get("bits_u32")), bits, "layer " + i);
        }
    }

    @Test
    void tokenizeGivesTiktokensIds() throws Exception {
        CliRun r = CliRun.of("tokenize", "--file", Golden.verdict().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(Golden.ints(Golden.json("the-verdict.gpt2-ids.json").get("ids")),
                Golden.ints(JSON.readTree(r.out())));
    }

    @Test
    void batchesInOrderAndShuffled() throws Exception {
        CliRun r = CliRun.of("batches", "--file", Golden.verdict().toString(), "--batch-size", "8",
                "--max-length", "4", "--stride", "4");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode out = JSON.readTree(r.out());
        JsonNode g = Golden.json("the-verdict.dataloader.json");
        assertEquals(1286, out.get("windows").asInt());
        assertEquals(160, out.get("batches").size());
        assertEquals(g.get("first_batch").get("inputs"), out.get("batches").get(0).get("inputs"));
        assertEquals(g.get("second_batch").get("targets"), out.get("batches").get(1).get("targets"));

        JsonNode shuffled = Golden.json("the-verdict.dataloader-shuffle.json").get("cases").get(0)
                .get("epochs_first_two_batches");
        for (int epoch = 0; epoch < 2; epoch++) {
            CliRun s = CliRun.of("batches", "--file", Golden.verdict().toString(), "--batch-size", "8",
                    "--max-length", "4", "--stride", "4", "--shuffle", "--seed", "123", "--epoch", "" + epoch);
            JsonNode batches = JSON.readTree(s.out()).get("batches");
            assertEquals(shuffled.get(epoch).get(0).get("inputs"), batches.get(0).get("inputs"));
            assertEquals(shuffled.get(epoch).get(1).get("targets"), batches.get(1).get("targets"));
        }
        CliRun keep = CliRun.of("batches", "--file", Golden.verdict().toString(), "--batch-size", "8",
                "--max-length", "4", "--stride", "4", "--keep-last");
        JsonNode batches = JSON.readTree(keep.out()).get("batches");
        assertEquals(161, batches.size());
        assertEquals(6, batches.get(160).get("inputs").size());
    }

    @Test
    void embedWritesTheThreeTensorsOfTheBatch() {
        CliRun r = CliRun.of("embed", "--file", Golden.verdict().toString(), "--batch-index", "1",
                "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        INDArray tok = Npy.read(dir.resolve("token_embeddings.npy"));
        INDArray pos = Npy.read(dir.resolve("position_embeddings.npy"));
        INDArray in = Npy.read(dir.resolve("input_embeddings.npy"));
        assertArrayEquals(new long[] {8, 4, 256}, tok.shape());
        assertArrayEquals(new long[] {4, 256}, pos.shape());
        assertArrayEquals(new long[] {8, 4, 256}, in.shape());
        assertEquals(in, tok.add(pos.reshape(1, 4, 256).broadcast(8, 4, 256)));
        assertTrue(r.out().contains("[8, 4, 256]"), r.out());
    }

    @Test
    void badArgumentsGiveOneLineAndANonZeroExit() throws Exception {
        Path shortText = Files.writeString(dir.resolve("short.txt"), "Hello world");
        Path binary = Files.write(dir.resolve("blob.bin"), new byte[] {1, 2, 0, 3});
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xe9});
        String verdict = Golden.verdict().toString();
        String out = dir.toString();
        String[][] cases = {
            {"init", "--seed", "1", "--layer", "0x3", "--out", out},
            {"init", "--seed", "1", "--layer", "-5x3", "--out", out},
            {"init", "--seed", "1", "--layer", "6by3", "--out", out},
            {"init", "--seed", "1", "--layer", "1000000x4096", "--out", out},
            {"init", "--seed", "18446744073709551616", "--layer", "6x3", "--out", out},
            {"init", "--seed", "abc", "--layer", "6x3", "--out", out},
            {"init", "--seed", "1", "--layer", "6x3", "--kernel", "sse", "--out", out},
            {"tokenize", "--file", dir.resolve("missing.txt").toString()},
            {"tokenize", "--file", binary.toString()},
            {"tokenize", "--file", latin1.toString()},
            {"tokenize", "--file", out},
            {"batches", "--file", shortText.toString(), "--batch-size", "8", "--max-length", "4", "--stride", "4"},
            {"batches", "--file", verdict, "--batch-size", "0", "--max-length", "4", "--stride", "4"},
            {"batches", "--file", verdict, "--batch-size", "8", "--max-length", "4", "--stride", "0"},
            {"embed", "--file", verdict, "--max-length", "8", "--out", out},
            {"embed", "--file", verdict, "--vocab-size", "100", "--out", out},
            {"embed", "--file", verdict, "--batch-index", "500", "--out", out},
            {"embed", "--file", shortText.toString(), "--out", out},
            {"frobnicate"},
        };
        String[] expected = {
            "layer 0x3 needs at least 1 row and 1 column",
            "layer -5x3 needs at least 1 row and 1 column",
            "layer '6by3' is not ROWSxDIM, e.g. 50257x256",
            "a 1000000 x 4096 layer 0 needs 16.4 GB of float32 memory",
            "seed 18446744073709551616 is outside 64 bits",
            "seed 'abc' is not a whole number",
            "unknown kernel 'sse': use avx2 or generic",
            "missing.txt: the file does not exist",
            "is not a text file (it holds binary data, a zero byte at offset 2)",
            "is not valid UTF-8 text: save it as UTF-8 and open it again",
            "it is a folder, not a text file",
            "is too short for one window: maxLength 4 needs at least 5 tokens",
            "batchSize must be at least 1, got 0",
            "stride must be at least 1, got 0",
            "maxLength 8 is above contextLength 4",
            "token id 367 ('·H') at [0, 1] is outside the token table of vocabSize 100: raise vocabSize to 50257",
            "batch 500 does not exist: the loader has 160 batches (0 to 159)",
            "the text has 2 tokens, too few for one window",
            "Unmatched argument at index 0: 'frobnicate'",
        };
        for (int i = 0; i < cases.length; i++) {
            CliRun r = CliRun.of(cases[i]);
            String what = String.join(" ", cases[i]) + " -> " + r.err();
            assertTrue(r.exitCode() != 0, what);
            assertEquals(1, r.err().strip().lines().count(), what);
            assertTrue(r.err().startsWith("tokenspace: "), what);
            assertTrue(r.err().contains(expected[i]), what);
            assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), what);
        }
    }
}
