package org.tokenspace.positions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.io.Npy;
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.Settings;
import org.tokenspace.model.Tables;
import org.tokenspace.model.TokenSpaceException;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PositionSchemesTest {
    @TempDir
    Path dir;

    private static Tables book() {
        return Tables.seeded(123, 6, 4, 8, NormalKernel.AVX2); // a small vocabulary, 8 positions of 4
    }

    @Test
    void everyKindIsBuiltFromOneConfigAndSaysWhereItActs() {
        Tables tables = book();
        PositionConfig config = PositionConfig.DEFAULTS.withSizes(8, 4);
        for (PositionKind kind : PositionKind.values()) {
            PositionScheme s = config.withKind(kind).create(() -> tables);
            assertEquals(kind, s.kind());
            assertEquals(8, s.contextLength());
            assertEquals(kind.addsToInput(), s.inputTable().isPresent(), kind.cliName());
            assertEquals(kind, PositionKind.parse(kind.cliName().toUpperCase(java.util.Locale.ROOT)));
            assertTrue(!s.summary().isBlank() && !s.summary().contains("\n"));
            Heatmap h = s.heatmap(new Probe(new float[] {1, 2, 3, 4}, 1));
            assertTrue(h.rows() == 8 && !h.formula(3, 2).isBlank(), kind.cliName());
        }
        assertSame(tables.positionTable(), config.create(() -> tables).inputTable().orElseThrow());
        assertEquals("'nope' is not a position scheme: use one of learned, sinusoidal, rope, t5, alibi",
                assertThrows(TokenSpaceException.class, () -> PositionKind.parse("nope")).getMessage());
    }

    @Test
    void learnedCellsAreTheTablesOwnNumbers() {
        LearnedPositions learned = new LearnedPositions(book().positionTable());
        float v = book().positionTable().getFloat(2, 3);
        assertEquals("positionTable[2, 3] = " + org.tokenspace.model.TorchFormat.fixed(v) + ": learned, no formula"
                + " (row 2 of nn.Embedding(8, 4), added to the token at position 2)", learned.formula(2, 3));
        assertEquals(v, learned.heatmap(Probe.NONE).values()[2][3], 0f);
    }

    @Test
    void aSinusoidalTableFlowsThroughThePipelineAsThePositionalTable() {
        Tables seeded = book();
        SinusoidalPositions sin = new SinusoidalPositions(8, 4, SinusoidalPositions.Layout.INTERLEAVED);
        Settings settings = Settings.DEFAULTS.withTables(6, 4, 8).toBuilder().batchSize(2).maxLength(3).stride(1).build();
        PipelineResult r = new Pipeline().run("ids: 2, 3, 5, 1, 0, 4", settings,
                sin.inputTables(seeded.tokenTable()), () -> false);
        float[][] pe = sin.table().toFloatMatrix();
        float[][] tokens = seeded.tokenTable().toFloatMatrix();
        int[][] ids = r.batch().inputs(); // [2, 3]
        assertArrayEquals(new int[][] {{2, 3, 5}, {3, 5, 1}}, ids);
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(pe[t], r.positionEmbeddings().getRow(t).toFloatVector(), 0f);
            for (int b = 0; b < 2; b++) {
                float[] in = r.inputEmbeddings().get(org.nd4j.linalg.indexing.NDArrayIndex.point(b),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(t)).toFloatVector();
                for (int d = 0; d < 4; d++) {
                    assertEquals(Float.floatToIntBits(tokens[ids[b][t]][d] + pe[t][d]), Float.floatToIntBits(in[d]));
                }
            }
        }
        // a scheme acting inside attention leaves the input as the token vectors
        PipelineResult rope = new Pipeline().run("ids: 2, 3, 5, 1, 0, 4", settings,
                new RotaryPositions(8, 4, RotaryPositions.Pairing.HALF).inputTables(seeded.tokenTable()), () -> false);
        assertEquals(rope.tokenEmbeddings(), rope.inputEmbeddings());
    }

    @Test
    void addedTableScoresAreDotProductsOfTokenPlusPosition() {
        Tables t = book();
        LearnedPositions learned = new LearnedPositions(t.positionTable());
        float[][] q = RotaryPositionsTest.gaussian(3, 4, 8);
        float[][] k = RotaryPositionsTest.gaussian(5, 4, 9);
        double[][] s = learned.scores(q, k, 0);
        float[][] p = t.positionTable().toFloatMatrix();
        double expected = 0;
        for (int d = 0; d < 4; d++) {
            expected += (double) (q[2][d] + p[2][d]) * (k[4][d] + p[4][d]);
        }
        assertEquals(expected, s[2][4], 1e-12);
        assertEquals("queries have 4 dimensions but keys have 3: a dot product needs the same length",
                assertThrows(TokenSpaceException.class, () -> new AlibiPositions(8, 2).scores(q,
                        new float[][] {{1, 2, 3}}, 0)).getMessage());
        assertEquals("a vector of keys has 3 dimensions where 4 are needed (embeddingDim)",
                assertThrows(TokenSpaceException.class, () -> learned.scores(q, new float[][] {{1, 2, 3}}, 0))
                        .getMessage());
    }

    @Test
    void similarityMatchesNumpy() {
        INDArray table = Tables.seeded(7, 3, 32, 50, NormalKernel.AVX2).positionTable(); // [50, 32]
        Path in = dir.resolve("p.npy");
        Path out = dir.resolve("s.npy");
        Npy.write(in, table);
        Reference.call("p = np.load(sys.argv[1]).astype(np.float64)\n"
                + "n = np.linalg.norm(p, axis=1)\n"
                + "d = p @ p.T\n"
                + "np.save(sys.argv[2], np.stack([d, d / np.outer(n, n)]).astype(np.float32))",
                in.toString(), out.toString());
        float[][][] ref = {Npy.read(out).slice(0).toFloatMatrix(), Npy.read(out).slice(1).toFloatMatrix()};
        double[][] dot = PositionSimilarity.matrix(table, PositionSimilarity.Measure.DOT);
        double[][] cos = PositionSimilarity.matrix(table, PositionSimilarity.Measure.COSINE);
        for (int m = 0; m < 50; m++) {
            for (int n = 0; n < 50; n++) {
                assertEquals(ref[0][m][n], (float) dot[m][n], Math.ulp(ref[0][m][n]));
                assertEquals(ref[1][m][n], (float) cos[m][n], Math.ulp(ref[1][m][n]));
            }
        }
        double[] line = PositionSimilarity.byDistance(cos);
        assertEquals(1.0, line[0], 1e-12);
        assertEquals((cos[0][49] + cos[49][0]) / 2, line[49], 1e-15);
        // masked cells are left out of the average
        double[] alibi = PositionSimilarity.byDistance(new double[][] {{0, Double.NEGATIVE_INFINITY}, {-1, 0}});
        assertArrayEquals(new double[] {0, -1}, alibi);
    }
}
