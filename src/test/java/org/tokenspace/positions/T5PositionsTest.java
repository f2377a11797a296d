package org.tokenspace.positions;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.Python;
import org.tokenspace.io.Npy;
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.TokenSpaceException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class T5PositionsTest {
    /** bidirectional, numBuckets, maxDistance: T5's defaults, and others that change every part of the formula. */
    private static final List<Object[]> CONFIGS = List.of(
            new Object[] {true, 32, 128}, new Object[] {false, 32, 128}, new Object[] {true, 64, 256},
            new Object[] {false, 2, 2}, new Object[] {true, 4, 3}, new Object[] {false, 7, 50},
            new Object[] {true, 33, 20}, new Object[] {false, 16, 1000}, new Object[] {true, 128, 128});

    @TempDir
    Path dir;

    private static T5Positions seeded(int contextLength, boolean bidirectional, int numBuckets, int maxDistance) {
        return T5Positions.seeded(contextLength, bidirectional, numBuckets, maxDistance, 4, 123, NormalKernel.AVX2);
    }

    @Test
    void bucketsMatchTheReferenceCommandLineExactly() {
        int c = 300; // distances up to 299: exact, logarithmic, and past maxDistance 128
        for (boolean causal : new boolean[] {false, true}) {
            Path ref = dir.resolve("t5.npy");
            if (causal) {
                Reference.cli("t5", String.valueOf(c), "--causal", ref.toString());
            } else {
                Reference.cli("t5", String.valueOf(c), ref.toString());
            }
            assertEquals("<i8", Npy.inspect(ref).dtype());
            assertArrayEquals(Npy.readIds(ref), seeded(c, !causal, 32, 128).buckets(), "causal " + causal);
        }
    }

    @Test
    void bucketsMatchTheReferenceFunctionForOtherBucketCountsAndDistances() {
        int c = 200;
        StringBuilder configs = new StringBuilder("[");
        for (Object[] cfg : CONFIGS) {
            configs.append("(").append((boolean) cfg[0] ? "True" : "False").append(", ").append(cfg[1]).append(", ")
                    .append(cfg[2]).append("), ");
        }
        Reference.call("for i, (bi, nb, md) in enumerate(" + configs + "]):\n"
                + "    np.save('%s/%d.npy' % (sys.argv[1], i), R.t5_buckets(int(sys.argv[2]), bi, nb, md))",
                dir.toString(), String.valueOf(c));
        for (int i = 0; i < CONFIGS.size(); i++) {
            Object[] cfg = CONFIGS.get(i);
            T5Positions t5 = seeded(c, (boolean) cfg[0], (int) cfg[1], (int) cfg[2]);
            assertArrayEquals(Npy.readIds(dir.resolve(i + ".npy")), t5.buckets(), java.util.Arrays.toString(cfg));
        }
    }

    /**
     * Hugging Face's {@code T5Attention._relative_position_bucket} (transformers 4.x, Apache-2.0), which takes the
     * logarithm in float32: over these sizes it gives the same buckets as the double-precision reference.
     */
    @Test
    void bucketsMatchHuggingFacesFloat32PyTorchVersion() throws IOException {
        String python = Python.withTorch();
        Assumptions.assumeTrue(python != null, "skipped: no python3 with torch on this machine"
                + " (apt-get install python3-torch)");
        int c = 1500;
        Python.Result r = Python.run(python, String.join("\n",
                "import sys, math, torch, numpy as np",
                "def bucket(relative_position, bidirectional=True, num_buckets=32, max_distance=128):",
                "    relative_buckets = 0",
                "    if bidirectional:",
                "        num_buckets //= 2",
                "        relative_buckets += (relative_position > 0).to(torch.long) * num_buckets",
                "        relative_position = torch.abs(relative_position)",
                "    else:",
                "        relative_position = -torch.min(relative_position, torch.zeros_like(relative_position))",
                "    max_exact = num_buckets // 2",
                "    is_small = relative_position < max_exact",
                "    relative_position_if_large = max_exact + (",
                "        torch.log(relative_position.float() / max_exact)",
                "        / math.log(max_distance / max_exact)",
                "        * (num_buckets - max_exact)",
                "    ).to(torch.long)",
                "    relative_position_if_large = torch.min(",
                "        relative_position_if_large, torch.full_like(relative_position_if_large, num_buckets - 1))",
                "    relative_buckets += torch.where(is_small, relative_position, relative_position_if_large)",
                "    return relative_buckets",
                "C = int(sys.argv[2])",
                "ctx = torch.arange(C, dtype=torch.long)[:, None]",
                "mem = torch.arange(C, dtype=torch.long)[None, :]",
                "for i, (bi, nb, md) in enumerate([(True, 32, 128), (False, 32, 128), (True, 64, 256),"
                        + " (False, 16, 1000)]):",
                "    np.save('%s/hf%d.npy' % (sys.argv[1], i), bucket(mem - ctx, bi, nb, md).numpy())"),
                dir.toString(), String.valueOf(c));
        assertEquals(0, r.exit(), r.output());
        int[][] configs = {{1, 32, 128}, {0, 32, 128}, {1, 64, 256}, {0, 16, 1000}};
        for (int i = 0; i < configs.length; i++) {
            T5Positions t5 = seeded(c, configs[i][0] == 1, configs[i][1], configs[i][2]);
            assertArrayEquals(Npy.readIds(dir.resolve("hf" + i + ".npy")), t5.buckets(), "config " + i);
        }
    }

    @Test
    void seededBiasIsPyTorchsEmbeddingOfBucketsByHeads() throws IOException {
        String python = Python.withTorch();
        Assumptions.assumeTrue(python != null, "skipped: no python3 with torch on this machine"
                + " (apt-get install python3-torch)");
        Path ref = dir.resolve("bias.npy");
        Python.Result r = Python.run(python, "import sys, torch, numpy as np\ntorch.manual_seed(123)\n"
                + "np.save(sys.argv[1], torch.nn.Embedding(32, 12).weight.detach().numpy())", ref.toString());
        assertEquals(0, r.exit(), r.output());
        T5Positions t5 = T5Positions.seeded(16, true, 32, 128, 12, 123, NormalKernel.AVX2);
        assertArrayEquals(Reference.bits(Npy.read(ref)), Reference.bits(t5.biasTable()));
    }

    @Test
    void biasFollowsTheBucketAndTheFormulaSaysHow() {
        T5Positions t5 = seeded(40, true, 32, 128);
        float[][] table = t5.biasTable().toFloatMatrix(); // [32, 4]
        float[][] head1 = t5.biasMatrix(1);
        for (int q = 0; q < 40; q++) {
            for (int k = 0; k < 40; k++) {
                assertEquals(table[t5.bucket(q, k)][1], head1[q][k], 0f);
            }
        }
        // key 20 after query 2: upper half (16) + 8 exact + floor(ln(18/8) / ln(128/8) * 8) = 16 + 8 + 2
        assertEquals(26, t5.bucket(2, 20));
        assertEquals(26 - 16, t5.bucket(20, 2));
        assertEquals(3, t5.bucket(5, 2));
        assertEquals("bucket(key − query = 20 − 2 = +18) = 16 + min(8 + ⌊ln(18/8) / ln(128/8) · 8⌋, 15)"
                + " = 16 + min(8 + ⌊2.3399⌋, 15) = 26; bias = relative_attention_bias[26, head 1] = "
                + org.tokenspace.model.TorchFormat.fixed(table[26][1]), t5.formula(2, 20, 1));
        assertEquals("bucket(key − query = 2 − 5 = -3) = 0 + 3 (distance 3 < 8: a bucket of its own) = 3; bias ="
                + " relative_attention_bias[3, head 0] = " + org.tokenspace.model.TorchFormat.fixed(table[3][0]),
                t5.formula(5, 2, 0));
        T5Positions causal = seeded(40, false, 32, 128);
        assertEquals(0, causal.bucket(3, 9));
        assertTrue(causal.formula(3, 9, 0).contains("(causal: a key after the query counts as distance 0)"),
                causal.formula(3, 9, 0));
        int[] byDistance = t5.bucketByRelativePosition();
        assertEquals(79, byDistance.length);
        assertEquals(26, byDistance[18 + 39]);
        assertEquals(10, byDistance[-18 + 39]);
        float[] line = t5.biasByRelativePosition(2);
        assertEquals(t5.bias(10, 3, 2), line[3 - 10 + 39], 0f);
        Heatmap h = t5.heatmap(Probe.head(1));
        assertArrayEquals(head1, h.values());
        assertEquals(t5.formula(4, 30, 1), h.formula(4, 30));
    }

    @Test
    void scoresAddTheBiasAndCausalBucketsMaskTheFuture() {
        float[][] q = RotaryPositionsTest.gaussian(6, 5, 1);
        float[][] k = RotaryPositionsTest.gaussian(6, 5, 2);
        T5Positions t5 = seeded(8, true, 32, 128);
        double[][] s = t5.scores(q, k, 3);
        assertEquals(PositionScheme.dot(q[1], k[4]) + t5.bias(1, 4, 3), s[1][4], 0);
        double[][] c = seeded(8, false, 32, 128).scores(q, k, 3);
        assertEquals(Double.NEGATIVE_INFINITY, c[1][4]);
        assertTrue(Double.isFinite(c[4][1]));
        assertTrue(t5.inputTable().isEmpty());
    }

    @Test
    void badSizesAreNamed() {
        assertEquals("numBuckets 3 is too few for bidirectional T5 buckets: each direction gets half, and half of"
                + " those are exact distances, so at least 4 are needed; use 4 or more (T5 uses 32)",
                assertThrows(TokenSpaceException.class, () -> seeded(8, true, 3, 128)).getMessage());
        assertEquals("numBuckets 1 is too few for causal T5 buckets: half of those are exact distances, so at least"
                + " 2 are needed; use 2 or more (T5 uses 32)",
                assertThrows(TokenSpaceException.class, () -> seeded(8, false, 1, 128)).getMessage());
        assertEquals("maxDistance 8 must be above the 8 exact distances of 32 bidirectional buckets (the log buckets"
                + " span 8 to maxDistance): use 9 or more (T5 uses 128)",
                assertThrows(TokenSpaceException.class, () -> seeded(8, true, 32, 8)).getMessage());
        assertEquals("heads must be at least 1, got 0", assertThrows(TokenSpaceException.class,
                () -> T5Positions.seeded(8, true, 32, 128, 0, 1, NormalKernel.AVX2)).getMessage());
        assertEquals("contextLength must be at least 1, got 0", assertThrows(TokenSpaceException.class,
                () -> seeded(0, true, 32, 128)).getMessage());
        assertEquals("head 4 does not exist: heads are 0 to 3", assertThrows(TokenSpaceException.class,
                () -> seeded(8, true, 32, 128).biasMatrix(4)).getMessage());
        assertEquals("key 8 is outside the context: positions are 0 to 7", assertThrows(TokenSpaceException.class,
                () -> seeded(8, true, 32, 128).formula(0, 8, 0)).getMessage());
    }
}
