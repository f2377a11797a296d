package org.tokenspace.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.Golden;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The GPT-2-sized 50257 x 256 token table and its positional table, against PyTorch, for both kernels. */
class GptTableGoldenTest {

    static String sha256(INDArray table) throws Exception {
        float[] v = table.data().asFloat();
        ByteBuffer le = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        le.asFloatBuffer().put(v);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(le.array()));
    }

    @ParameterizedTest
    @EnumSource(NormalKernel.class)
    void seed123TablesMatchPyTorch(NormalKernel kernel) throws Exception {
        JsonNode flow = Golden.json("embedding_seed123_50257x256.json").get("flow_brief");
        String k = EmbeddingGoldenTest.key(kernel);
        Tables tables = kernel == NormalKernel.AVX2 ? org.tokenspace.Fixtures.courseTables()
                : Tables.seeded(123, 50257, 256, 4, kernel);
        INDArray tok = tables.tokenTable();
        JsonNode g = flow.get("token_table").get(k);
        assertEquals(g.get("sha256_f32le").asText(), sha256(tok));
        float[] v = tok.data().asFloat();
        double sum = 0;
        double sumsq = 0;
        for (float x : v) {
            sum += x;
            sumsq += (double) x * x;
        }
        assertEquals(g.get("sum_f64").asDouble(), sum, 1e-6);
        assertEquals(g.get("sumsq_f64").asDouble(), sumsq, 1e-3);
        assertEquals(g.get("min").asDouble(), tok.minNumber().doubleValue());
        assertEquals(g.get("max").asDouble(), tok.maxNumber().doubleValue());
        for (Iterator<Map.Entry<String, JsonNode>> it = g.get("rows").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> row = it.next();
            INDArray r = tok.getRow(Long.parseLong(row.getKey()));
            assertArrayEquals(Golden.bits(row.getValue().get("bits_u32")),
                    EmbeddingGoldenTest.bitsOf(r.dup()), "row " + row.getKey());
        }
        JsonNode pos = flow.get("pos_table").get(k);
        assertEquals(pos.get("sha256_f32le").asText(), sha256(tables.positionTable()));
        assertArrayEquals(Golden.bits(pos.get("bits_u32")), EmbeddingGoldenTest.bitsOf(tables.positionTable()));
    }

    @ParameterizedTest
    @EnumSource(NormalKernel.class)
    void ch02NotebookFlowWithTheDataLoaderDrawInBetween(NormalKernel kernel) throws Exception {
        JsonNode nb = Golden.json("embedding_seed123_50257x256.json").get("flow_ch02_notebook");
        String k = EmbeddingGoldenTest.key(kernel);
        TorchGenerator gen = new TorchGenerator(123);
        INDArray e63 = Embedding.create(gen, "layer", 6, 3, kernel);
        assertArrayEquals(Golden.bits(nb.get("emb_6x3").get(k).get("bits_u32")), EmbeddingGoldenTest.bitsOf(e63));
        INDArray tok = Embedding.create(gen, "token table", 50257, 256, kernel);
        assertEquals(nb.get("token_sha256_f32le").get(k).asText(), sha256(tok));
        long baseSeed = gen.nextLong() & Long.MAX_VALUE; // iter(DataLoader): int64 random_() is random64 mod 2^63
        assertEquals(nb.get("dataloader_base_seed").asLong(), baseSeed);
        INDArray pos = Embedding.create(gen, "positional table", 4, 256, kernel);
        assertArrayEquals(Golden.bits(nb.get("pos_table").get(k).get("bits_u32")), EmbeddingGoldenTest.bitsOf(pos));
    }
}
