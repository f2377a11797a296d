package org.tokenspace.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.Golden;
import org.tokenspace.io.TextFiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddingLookupTest {

    @Test
    void idThreeSelectsTheBooksRow() {
        INDArray table = Embedding.create(new TorchGenerator(123), "layer", 6, 3, NormalKernel.AVX2);
        INDArray out = Embedding.lookup(table, new int[][] {{3}});
        assertArrayEquals(new long[] {1, 1, 3}, out.shape());
        assertEquals("-0.4015 0.9666 -1.1481", TorchFormat.fixed(out.getDouble(0, 0, 0)) + " "
                + TorchFormat.fixed(out.getDouble(0, 0, 1)) + " " + TorchFormat.fixed(out.getDouble(0, 0, 2)));
        assertArrayEquals(table.getRow(3).toFloatVector(), out.reshape(3).toFloatVector());
    }

    @Test
    void idsOutOfRangeNameTheIdItsPositionAndTheRange() {
        INDArray table = Embedding.create(new TorchGenerator(123), "layer", 6, 3, NormalKernel.AVX2);
        TokenSpaceException e = assertThrows(TokenSpaceException.class,
                () -> Embedding.lookup(table, new int[][] {{2, 3, 5}, {1, 6, 0}}));
        assertEquals("token id 6 at position [1, 1] is outside the table: valid ids are 0 to 5", e.getMessage());
        e = assertThrows(TokenSpaceException.class, () -> Embedding.lookup(table, new int[][] {{-1}}));
        assertEquals("token id -1 at position [0, 0] is outside the table: valid ids are 0 to 5", e.getMessage());
    }

    @Test
    void coursesPositionExampleAddsExactly() {
        INDArray token = Nd4j.createFromArray(new float[] {0.5f, -0.2f, 0.1f}).reshape(1, 1, 3);
        INDArray position = Nd4j.createFromArray(new float[] {0.1f, 0.3f, -0.1f}).reshape(1, 3);
        INDArray sum = Embedding.addPositionsInPlace(token, position);
        assertArrayEquals(new float[] {0.5f + 0.1f, -0.2f + 0.3f, 0.1f + -0.1f}, sum.reshape(3).toFloatVector());
        assertEquals("0.6000 0.1000 0.0000", TorchFormat.fixed(sum.getDouble(0, 0, 0)) + " "
                + TorchFormat.fixed(sum.getDouble(0, 0, 1)) + " " + TorchFormat.fixed(sum.getDouble(0, 0, 2)));
    }

    @Test
    void defaultPipelineGivesTheCoursesShapesAndSums() {
        String text = TextFiles.read(Golden.verdict());
        PipelineResult r = new Pipeline().run(text, Settings.DEFAULTS);
        assertArrayEquals(new long[] {8, 4, 256}, r.tokenEmbeddings().shape());
        assertArrayEquals(new long[] {4, 256}, r.positionEmbeddings().shape());
        assertArrayEquals(new long[] {8, 4, 256}, r.inputEmbeddings().shape());
        assertArrayEquals(new int[] {40, 367, 2885, 1464}, r.batch().inputs()[0]);
        INDArray tokenTable = r.tables().tokenTable();
        INDArray positionTable = r.tables().positionTable();
        for (int b = 0; b < 8; b++) {
            for (int t = 0; t < 4; t++) {
                float[] row = tokenTable.getRow(r.batch().inputs()[b][t]).toFloatVector();
                float[] pos = positionTable.getRow(t).toFloatVector();
                float[] tok = r.tokenEmbeddings().get(org.nd4j.linalg.indexing.NDArrayIndex.point(b),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(t)).toFloatVector();
                float[] in = r.inputEmbeddings().get(org.nd4j.linalg.indexing.NDArrayIndex.point(b),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(t)).toFloatVector();
                assertArrayEquals(row, tok);
                for (int d = 0; d < 256; d++) {
                    assertEquals(Float.floatToRawIntBits(row[d] + pos[d]), Float.floatToRawIntBits(in[d]));
                }
            }
        }
    }

    @Test
    void settingsThatCannotWorkAreNamed() {
        Pipeline p = new Pipeline();
        assertEquals("maxLength 8 is above contextLength 4: the positional table has no row for position 4; "
                        + "raise contextLength or lower maxLength",
                assertThrows(TokenSpaceException.class, () -> p.run("text",
                        Settings.builder().maxLength(8).build())).getMessage());
        assertEquals("the text has 3 tokens, too few for one window: maxLength 4 needs at least 5 tokens; "
                        + "use a longer text or a smaller maxLength",
                assertThrows(TokenSpaceException.class, () -> p.run("Hello world!", Settings.DEFAULTS)).getMessage());
        assertEquals("stride must be at least 1, got 0", assertThrows(TokenSpaceException.class,
                () -> p.run("text", Settings.builder().stride(0).build())).getMessage());
        assertEquals("a 1000000 x 4096 token table needs 16.4 GB of float32 memory, more than this JVM can hold",
                assertThrows(TokenSpaceException.class, () -> Settings.DEFAULTS.withTables(1_000_000, 4096, 4)
                        .validate()).getMessage().replaceAll(" \\(.*", ""));
    }

    @Test
    void idsAboveASmallVocabularyAreNamed() {
        TokenSpaceException e = assertThrows(TokenSpaceException.class, () -> new Pipeline().run(
                "Hello, do you like tea? In the sunlit terraces", Settings.DEFAULTS.withTables(6, 3, 4).toBuilder()
                        .batchSize(1).build()));
        assertEquals("token id 15496 ('Hello') at [0, 0] is outside the token table of vocabSize 6: "
                + "raise vocabSize to 50257", e.getMessage());
    }

    @Test
    void theBooksIdListRunsThroughThePipeline() {
        PipelineResult r = new Pipeline().run("ids: 2, 3, 5, 1, 0", Settings.DEFAULTS.withTables(6, 3, 4)
                .toBuilder().batchSize(1).build());
        assertArrayEquals(new int[] {2, 3, 5, 1}, r.batch().inputs()[0]);
        assertArrayEquals(new int[] {3, 5, 1, 0}, r.batch().targets()[0]);
        assertEquals("-0.4015 0.9666 -1.1481", TorchFormat.fixed(r.tokenEmbeddings().getDouble(0, 1, 0)) + " "
                + TorchFormat.fixed(r.tokenEmbeddings().getDouble(0, 1, 1)) + " "
                + TorchFormat.fixed(r.tokenEmbeddings().getDouble(0, 1, 2)));
        assertEquals("'x' in the id list is not a token id: write whole numbers, e.g. ids: 2, 3, 5, 1, 0",
                assertThrows(TokenSpaceException.class, () -> new Pipeline().run("ids: 2, x", Settings.DEFAULTS))
                        .getMessage());
        assertEquals("token id -3 in the id list is negative: ids start at 0", assertThrows(
                TokenSpaceException.class, () -> new Pipeline().run("ids: -3", Settings.DEFAULTS)).getMessage());
    }

    @Test
    void largeBatchesTakeTheParallelCopyAndTheNativeAddWithTheSameBits() {
        TorchGenerator gen = new TorchGenerator(7);
        INDArray table = Embedding.create(gen, "token table", 50257, 16, NormalKernel.AVX2);
        INDArray positions = Embedding.create(gen, "positional table", 128, 16, NormalKernel.AVX2);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        int[][] ids = new int[300][128]; // 38,400 rows: the parallel copy; 614,400 values: the native add
        for (int[] row : ids) {
            for (int t = 0; t < row.length; t++) {
                row[t] = rnd.nextInt(50257);
            }
        }
        INDArray tokens = Embedding.lookup(table, ids);
        float[] tok = tokens.data().asFloat();
        float[] tab = table.data().asFloat();
        float[] pos = positions.data().asFloat();
        INDArray inputs = Embedding.addPositionsInPlace(tokens.dup(), positions);
        float[] in = inputs.data().asFloat();
        INDArray fused = Embedding.lookupWithPositionsInto(table, positions, ids, org.nd4j.linalg.factory.Nd4j
                .createUninitialized(org.nd4j.linalg.api.buffer.DataType.FLOAT, 300, 128, 16));
        assertArrayEquals(in, fused.data().asFloat());
        for (int b = 0; b < 300; b++) {
            for (int t = 0; t < 128; t++) {
                for (int d = 0; d < 16; d++) {
                    int i = (b * 128 + t) * 16 + d;
                    assertEquals(Float.floatToRawIntBits(tab[ids[b][t] * 16 + d]), Float.floatToRawIntBits(tok[i]));
                    assertEquals(Float.floatToRawIntBits(tok[i] + pos[t * 16 + d]), Float.floatToRawIntBits(in[i]));
                }
            }
        }
    }
}
