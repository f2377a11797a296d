package org.tokenspace.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.Golden;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Seeded tables against {@code embedding_seed123_6x3.json} and {@code embedding_small_shapes.json}, bit for bit. */
class EmbeddingGoldenTest {

    static String key(NormalKernel kernel) {
        return kernel == NormalKernel.AVX2 ? "avx2" : "default";
    }

    static int[] bitsOf(INDArray table) {
        float[] v = table.data().asFloat();
        int[] bits = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            bits[i] = Float.floatToRawIntBits(v[i]);
        }
        return bits;
    }

    @ParameterizedTest
    @EnumSource(NormalKernel.class)
    void booksEmbedding6x3IsBitExact(NormalKernel kernel) {
        JsonNode g = Golden.json("embedding_seed123_6x3.json");
        TorchGenerator gen = new TorchGenerator(123);
        INDArray table = Embedding.create(gen, "layer", 6, 3, kernel);
        assertArrayEquals(Golden.bits(g.get(key(kernel)).get("bits_u32")), bitsOf(table));
        assertEquals(g.get("mt_words_consumed").asLong(), gen.wordsDrawn());
    }

    @Test
    void booksPrintoutIsReproduced() {
        JsonNode g = Golden.json("embedding_seed123_6x3.json");
        INDArray table = Embedding.create(new TorchGenerator(123), "layer", 6, 3, NormalKernel.AVX2);
        String printed = TorchFormat.parameter(table);
        assertEquals("""
                Parameter containing:
                tensor([[ 0.3374, -0.1778, -0.1690],
                        [ 0.9178,  1.5810,  1.3010],
                        [ 1.2753, -0.2010, -0.1606],
                        [-0.4015,  0.9666, -1.1481],
                        [-1.1589,  0.3255, -0.6315],
                        [-2.8400, -0.7849, -1.4096]], requires_grad=True)""", printed);
        JsonNode book = g.get("book_printed_4dp");
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(book.get(r).get(c).asDouble(), Double.parseDouble(TorchFormat.fixed(table.getDouble(r, c))));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NormalKernel.class)
    void everySingleShapeIsBitExact(NormalKernel kernel) {
        for (JsonNode c : Golden.json("embedding_small_shapes.json").get("single")) {
            long rows = c.get("shape").get(0).asLong();
            long cols = c.get("shape").get(1).asLong();
            TorchGenerator gen = new TorchGenerator(c.get("seed").asLong());
            INDArray table = Embedding.create(gen, "layer", rows, cols, kernel);
            assertArrayEquals(Golden.bits(c.get(key(kernel)).get("bits_u32")), bitsOf(table), c.get("call").asText());
            assertEquals(c.get("mt_words_consumed").asLong(), gen.wordsDrawn(), c.get("call").asText());
        }
    }

    @ParameterizedTest
    @EnumSource(NormalKernel.class)
    void sequencesContinueTheStreamAndTheCachedSample(NormalKernel kernel) {
        for (JsonNode s : Golden.json("embedding_small_shapes.json").get("sequences")) {
            TorchGenerator gen = new TorchGenerator(s.get("seed").asLong());
            for (JsonNode layer : s.get("layers")) {
                long before = gen.wordsDrawn();
                INDArray table = Embedding.create(gen, "layer", layer.get("shape").get(0).asLong(),
                        layer.get("shape").get(1).asLong(), kernel);
                String what = s.get("calls").asText() + " " + layer.get("shape");
                assertArrayEquals(Golden.bits(layer.get(key(kernel)).get("bits_u32")), bitsOf(table), what);
                assertEquals(layer.get("mt_words_consumed").asLong(), gen.wordsDrawn() - before, what);
            }
        }
    }

    @Test
    void scalarPathValuesAreTheSameForBothKernels() {
        INDArray a = Embedding.create(new TorchGenerator(0), "layer", 3, 3, NormalKernel.AVX2);
        INDArray b = Embedding.create(new TorchGenerator(0), "layer", 3, 3, NormalKernel.GENERIC);
        assertArrayEquals(bitsOf(a), bitsOf(b));
        assertEquals(Arrays.toString(new long[] {3, 3}), Arrays.toString(a.shape()));
    }
}
