package org.tokenspace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.Golden;
import org.tokenspace.io.Npy;
import org.tokenspace.io.Safetensors;
import org.tokenspace.positions.Reference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PositionsCommandTest {
    @TempDir
    Path dir;

    private CliRun ok(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        return r;
    }

    /** The seed-123 tables PyTorch made: the whole positional table, or one row of the token table. */
    private static INDArray goldenRow(String table, String row) {
        JsonNode t = Golden.json("embedding_seed123_50257x256.json").get("flow_brief").get(table).get("avx2");
        int[] bits = Golden.bits(row == null ? t.get("bits_u32") : t.get("rows").get(row).get("bits_u32"));
        float[] v = new float[bits.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.intBitsToFloat(bits[i]);
        }
        return Nd4j.create(v, new long[] {v.length / 256, 256}, 'c');
    }

    @Test
    void learnedWritesPyTorchsSeededPositionalTable() {
        CliRun r = ok("positions", "--kind", "learned", "--out", dir.toString());
        assertEquals("learned positional table [4, 256] -> " + dir.resolve("position_table.npy"), r.out().strip());
        INDArray table = Npy.read(dir.resolve("position_table.npy"));
        assertArrayEquals(Reference.bits(goldenRow("pos_table", null)), Reference.bits(table));
    }

    @Test
    void learnedAndRopeReadLoadedTables() {
        Path file = dir.resolve("tables.safetensors");
        INDArray wte = org.tokenspace.Fixtures.rand(1, 10, 6);
        INDArray wpe = org.tokenspace.Fixtures.rand(2, 12, 6);
        Safetensors.write(file, List.of(Safetensors.Tensor.of("wte.weight", wte),
                Safetensors.Tensor.of("wpe.weight", wpe)));
        ok("positions", "--kind", "learned", "--tables", file.toString(), "--out", dir.toString());
        assertEquals(wpe, Npy.read(dir.resolve("position_table.npy")));
        CliRun r = ok("positions", "--kind", "rope", "--tables", file.toString(), "--token-id", "9", "--out",
                dir.toString());
        assertTrue(r.out().contains("RoPE over 12 positions, embeddingDim 6"), r.out());
        INDArray rotated = Npy.read(dir.resolve("rotated.npy"));
        assertArrayEquals(new long[] {12, 6}, rotated.shape());
        assertEquals(wte.getRow(9), rotated.getRow(0)); // position 0 is no rotation
    }

    @Test
    void sinusoidalInBothLayoutsMatchesTheReference() {
        ok("positions", "--kind", "sinusoidal", "--context-length", "64", "--embedding-dim", "16", "--out",
                dir.toString());
        Path ref = dir.resolve("ref.npy");
        Reference.cli("sinusoidal", "64", "16", ref.toString());
        Reference.assertClose(Npy.read(ref), Npy.read(dir.resolve("position_table.npy")), 2e-6, "interleaved");
        CliRun r = ok("positions", "--kind", "sinusoidal", "--layout", "concat", "--context-length", "64",
                "--embedding-dim", "16", "--out", dir.toString());
        assertTrue(r.out().startsWith("sinusoidal table [64, 16], concatenated [sin | cos] -> "), r.out());
        Reference.call("pe = R.sinusoidal(64, 16)\n"
                + "np.save(sys.argv[1], np.concatenate([pe[:, 0::2], pe[:, 1::2]], axis=1))", ref.toString());
        Reference.assertClose(Npy.read(ref), Npy.read(dir.resolve("position_table.npy")), 2e-6, "concat");
    }

    @Test
    void ropeRotatesPyTorchsTokenRowInBothPairings() {
        INDArray row = goldenRow("token_table", "40"); // [1, 256], the seed-123 token table's row 40
        Path x = dir.resolve("row.npy");
        Npy.write(x, row);
        for (String pairing : new String[] {"interleaved", "half"}) {
            CliRun r = ok("positions", "--kind", "rope", "--pairing", pairing, "--token-id", "40",
                    "--context-length", "32", "--out", dir.toString());
            assertTrue(r.out().contains("token 40 rotated at positions 0 to 31"), r.out());
            Path ref = dir.resolve("ref-" + pairing + ".npy");
            Reference.call("np.save(sys.argv[2], R.rope(np.tile(np.load(sys.argv[1]), (32, 1)), sys.argv[3]))",
                    x.toString(), ref.toString(), pairing);
            Reference.assertClose(Npy.read(ref), Npy.read(dir.resolve("rotated.npy")), 2e-5, pairing);
        }
    }

    @Test
    void t5BucketsAreTheReferencesExactlyAsInt64() {
        for (boolean causal : new boolean[] {false, true}) {
            CliRun r = causal ? ok("positions", "--kind", "t5", "--causal", "--context-length", "200", "--out",
                    dir.toString()) : ok("positions", "--kind", "t5", "--context-length", "200", "--out",
                    dir.toString());
            assertTrue(r.out().startsWith("T5 buckets [200, 200], " + (causal ? "causal" : "bidirectional")
                    + ", 32 buckets, max distance 128 (buckets 0 to 31 used) -> "), r.out());
            Path ref = dir.resolve("ref.npy");
            if (causal) {
                Reference.cli("t5", "200", "--causal", ref.toString());
            } else {
                Reference.cli("t5", "200", ref.toString());
            }
            Path ours = dir.resolve("buckets.npy");
            assertEquals("<i8", Npy.inspect(ours).dtype());
            assertArrayEquals(Npy.readIds(ref), Npy.readIds(ours));
        }
        ok("positions", "--kind", "t5", "--buckets", "8", "--max-distance", "20", "--context-length", "30",
                "--out", dir.toString());
        Path ref = dir.resolve("ref8.npy");
        Reference.call("np.save(sys.argv[1], R.t5_buckets(30, True, 8, 20))", ref.toString());
        assertArrayEquals(Npy.readIds(ref), Npy.readIds(dir.resolve("buckets.npy")));
    }

    @Test
    void alibiBiasIsTheReferencesBitForBitWithMinusInfinity() {
        CliRun r = ok("positions", "--kind", "alibi", "--heads", "12", "--context-length", "16", "--out",
                dir.toString());
        assertTrue(r.out().startsWith("ALiBi bias [12, 16, 16], slopes 0.5000 to 0.0884 -> "), r.out());
        Path ref = dir.resolve("ref.npy");
        Reference.cli("alibi", "16", "12", ref.toString());
        INDArray ours = Npy.read(dir.resolve("bias.npy"));
        assertArrayEquals(new long[] {12, 16, 16}, ours.shape());
        assertArrayEquals(Reference.bits(Npy.read(ref)), Reference.bits(ours));
        assertEquals(Float.NEGATIVE_INFINITY, ours.getFloat(3, 2, 5));
    }

    @Test
    void helpDescribesEachKindInASentence() {
        CliRun r = CliRun.of("positions", "--help");
        assertEquals(0, r.exitCode());
        String help = r.out().replaceAll("\\s+", " ");
        for (String kind : new String[] {"learned: one trained vector per position",
            "sinusoidal: the original Transformer's fixed sines and cosines",
            "rope: nothing is added to the input; queries and keys are rotated",
            "t5: nothing is added to the input; each key - query distance falls in a bucket",
            "alibi: nothing is added to the input; each head adds -slope * (query - key)"}) {
            assertTrue(help.contains(kind), kind + " in " + r.out());
        }
        assertTrue(help.contains("(default: 32, as T5)") && help.contains("(default: 8)"), r.out());
    }

    @Test
    void badValuesGiveOneLineEach() throws IOException {
        String out = dir.toString();
        String[][] cases = {
            {"--kind", "nope"},
            {"--kind", "rope", "--embedding-dim", "7"},
            {"--kind", "sinusoidal", "--embedding-dim", "5"},
            {"--kind", "sinusoidal", "--embedding-dim", "0"},
            {"--kind", "sinusoidal", "--context-length", "0"},
            {"--kind", "learned", "--context-length", "-3"},
            {"--kind", "alibi", "--heads", "0"},
            {"--kind", "alibi", "--context-length", "0"},
            {"--kind", "t5", "--buckets", "1", "--causal"},
            {"--kind", "t5", "--buckets", "3"},
            {"--kind", "t5", "--max-distance", "8"},
            {"--kind", "t5", "--context-length", "100000"},
            {"--kind", "alibi", "--layout", "concat"},
            {"--kind", "sinusoidal", "--heads", "4"},
            {"--kind", "t5", "--seed", "7"},
            {"--kind", "sinusoidal", "--layout", "diagonal"},
            {"--kind", "rope", "--pairing", "spiral"},
            {"--kind", "rope", "--token-id", "6", "--vocab-size", "6", "--embedding-dim", "4"},
            {"--kind", "rope", "--tables", dir.resolve("missing.safetensors").toString()},
            {"--kind", "learned", "--tables", "t.safetensors", "--context-length", "8"},
            {"--kind", "learned"},
        };
        String[] expected = {
            "'nope' is not a position scheme: use one of learned, sinusoidal, rope, t5, alibi",
            "RoPE needs an even embeddingDim (it works on pairs of dimensions), got 7: use 6 or 8",
            "a sinusoidal table needs an even embeddingDim (it works on pairs of dimensions), got 5: use 4 or 6",
            "embeddingDim must be at least 1, got 0",
            "contextLength must be at least 1, got 0",
            "contextLength must be at least 1, got -3",
            "heads must be at least 1, got 0",
            "contextLength must be at least 1, got 0",
            "numBuckets 1 is too few for causal T5 buckets",
            "numBuckets 3 is too few for bidirectional T5 buckets",
            "maxDistance 8 must be above the 8 exact distances of 32 bidirectional buckets",
            "a 100000 x 100000 bucket matrix needs",
            "--layout applies to --kind sinusoidal only, not to alibi: drop it",
            "--heads applies to --kind alibi only, not to sinusoidal: drop it",
            "--seed applies to --kind learned and rope only, not to t5: drop it",
            "'diagonal' is not a sinusoidal layout: use interleaved or concat",
            "'spiral' is not a RoPE pairing: use interleaved or half",
            "token id 6 is outside the token table: valid ids are 0 to 5",
            "missing.safetensors",
            "--context-length is set by the shapes in --tables: drop --context-length",
            "Missing required option: '--out=DIR'",
        };
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + (i == cases.length - 1 ? 1 : 3)];
            args[0] = "positions";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            if (i != cases.length - 1) {
                args[args.length - 2] = "--out";
                args[args.length - 1] = out;
            }
            CliRun r = CliRun.of(args);
            String what = String.join(" ", args) + " -> " + r.err();
            assertTrue(r.exitCode() != 0, what);
            assertEquals(1, r.err().strip().lines().count(), what);
            assertTrue(r.err().startsWith("tokenspace: "), what);
            assertTrue(r.err().contains(expected[i]), what);
            assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), what);
            assertEquals("", r.out(), what);
        }
    }
}
