package org.tokenspace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.explore.Metric;
import org.tokenspace.explore.Neighbour;
import org.tokenspace.explore.Vectors;
import org.tokenspace.io.Npy;
import org.tokenspace.model.Gpt2Tokenizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExploreCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Brute force in double over the seeded table, sorted by score then id. */
    private static List<Neighbour> reference(Vectors t, int id, int k, Metric metric) {
        List<Neighbour> all = new ArrayList<>();
        int dim = t.dim();
        for (int r = 0; r < t.rows(); r++) {
            if (r == id) {
                continue;
            }
            double dot = 0, qq = 0, xx = 0, sq = 0;
            for (int d = 0; d < dim; d++) {
                double q = t.data()[id * dim + d];
                double x = t.data()[r * dim + d];
                dot += q * x;
                qq += q * q;
                xx += x * x;
                sq += (q - x) * (q - x);
            }
            all.add(new Neighbour(r, metric == Metric.COSINE ? dot / Math.sqrt(qq * xx) : Math.sqrt(sq)));
        }
        Comparator<Neighbour> c = Comparator.comparingDouble(Neighbour::score);
        all.sort((metric == Metric.COSINE ? c.reversed() : c).thenComparingInt(Neighbour::id));
        return all.subList(0, k);
    }

    @Test
    void neighboursOfTheSeededTokenTableAreTheBruteForceOnesWithTheirTokens() throws Exception {
        Vectors table = Vectors.of(org.tokenspace.Fixtures.courseTables().tokenTable());
        for (Metric metric : Metric.values()) {
            CliRun r = CliRun.of("neighbours", "--id", "464", "--k", "7", "--metric", metric.label());
            assertEquals(0, r.exitCode(), r.err());
            JsonNode list = JSON.readTree(r.out());
            List<Neighbour> ref = reference(table, 464, 7, metric);
            assertEquals(7, list.size());
            for (int i = 0; i < 7; i++) {
                JsonNode n = list.get(i);
                assertEquals(ref.get(i).id(), n.get("id").asInt(), metric + " rank " + i);
                assertEquals(ref.get(i).score(), n.get("score").asDouble(), 1e-12);
                assertEquals(Gpt2Tokenizer.get().tokenText(ref.get(i).id()), n.get("token").asText());
            }
        }
    }

    @Test
    void neighboursAndAnalogyReadATableFileAndItsLabels() throws Exception {
        // a .npy table: rows king, man, woman, queen, and noise; projector TSV labels beside a .tsv copy
        float[] data = {
            3, 3, 0, 0.1f,   // 0 king = royal + male
            0, 1, 0, 0,      // 1 man
            0, 0, 2, 0,      // 2 woman
            3, 0, 3, 0.1f,   // 3 queen = royal + female
            -1, 0.5f, 0.2f, 2, // 4
            0.3f, -2, 0.1f, -1 // 5
        };
        Npy.write(dir.resolve("t.npy"), Nd4j.create(data, new long[] {6, 4}, 'c'));
        CliRun r = CliRun.of("analogy", "--a", "0", "--b", "1", "--c", "2", "--k", "2", "--tables",
                dir.resolve("t.npy").toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode list = JSON.readTree(r.out());
        assertEquals(3, list.get(0).get("id").asInt());
        // a table without metadata names rows by their GPT-2 token texts, as every view does
        assertEquals(Gpt2Tokenizer.get().tokenText(3), list.get(0).get("token").asText());
        StringBuilder tsv = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            for (int d = 0; d < 4; d++) {
                tsv.append(d == 0 ? "" : "\t").append(data[i * 4 + d]);
            }
            tsv.append('\n');
        }
        Files.writeString(dir.resolve("v.tsv"), tsv);
        Files.writeString(dir.resolve("v_metadata.tsv"), "king\nman\nwoman\nqueen\napple\npear\n");
        r = CliRun.of("analogy", "--a", "king", "--b", "man", "--c", "woman", "--k", "1", "--tables",
                dir.resolve("v.tsv").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("queen", JSON.readTree(r.out()).get(0).get("token").asText());
        r = CliRun.of("neighbours", "--id", "0", "--k", "1", "--metric", "euclidean", "--tables",
                dir.resolve("v.tsv").toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode n = JSON.readTree(r.out()).get(0);
        assertEquals(1, n.get("id").asInt()); // |king - man|^2 = 9 + 4 + 0.1^2
        assertEquals("man", n.get("token").asText());
        assertEquals(Math.sqrt(13 + (double) 0.1f * 0.1f), n.get("score").asDouble(), 1e-12);
    }

    @Test
    void neighboursReadTheTokenTensorOfASafetensorsFile() throws Exception {
        float[] wte = {0, 0, 1, 0, 0.9f, 0.1f, -1, 0}; // [4, 2]: row 2 points almost as row 1
        float[] other = {5, 5, 5, 5};
        org.tokenspace.io.Safetensors.write(dir.resolve("m.safetensors"), List.of(
                org.tokenspace.io.Safetensors.Tensor.of("h.other", Nd4j.create(other, new long[] {2, 2}, 'c')),
                org.tokenspace.io.Safetensors.Tensor.of("emb", Nd4j.create(wte, new long[] {4, 2}, 'c'))));
        CliRun r = CliRun.of("neighbours", "--id", "1", "--k", "3", "--tables", dir.resolve("m.safetensors").toString(),
                "--token-tensor", "emb");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode list = JSON.readTree(r.out());
        assertEquals(List.of(2, 0, 3), List.of(list.get(0).get("id").asInt(), list.get(1).get("id").asInt(),
                list.get(2).get("id").asInt())); // row 0 is all zeros: similarity 0, above row 3's -1
        double x = 0.9f;
        double y = 0.1f;
        assertEquals(x / Math.sqrt(x * x + y * y), list.get(0).get("score").asDouble(), 1e-12);
    }

    @Test
    void analogyTakesGpt2TokensAndSaysWhenAStringIsNotOneToken() throws Exception {
        CliRun r = CliRun.of("analogy", "--a", " king", "--b", " man", "--c", " woman", "--k", "3");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode list = JSON.readTree(r.out());
        assertEquals(3, list.size());
        int king = Gpt2Tokenizer.get().encode(" king")[0];
        for (JsonNode n : list) {
            assertTrue(n.get("id").asInt() != king);
        }
        // the same query by ids gives the same answer
        int man = Gpt2Tokenizer.get().encode(" man")[0];
        int woman = Gpt2Tokenizer.get().encode(" woman")[0];
        CliRun byId = CliRun.of("analogy", "--a", String.valueOf(king), "--b", String.valueOf(man), "--c",
                String.valueOf(woman), "--k", "3");
        assertEquals(r.out(), byId.out());
        CliRun bad = CliRun.of("analogy", "--a", " kingdoms and", "--b", " man", "--c", " woman");
        assertEquals(1, bad.exitCode());
        assertEquals("tokenspace: --a ' kingdoms and' is 2 GPT-2 tokens [41901, 290], not one: give a single token"
                + " (e.g. ' king', with its space) or its id", bad.err().strip());
    }

    @Test
    void badNeighbourValuesAreOneLine() {
        assertOneLine("tokenspace: row 50257 is outside the table: valid rows are 0 to 50256",
                CliRun.of("neighbours", "--id", "50257"), 1);
        assertOneLine("tokenspace: k must be at least 1, got 0", CliRun.of("neighbours", "--id", "1", "--k", "0"), 1);
        assertOneLine("tokenspace: Invalid value for option '--metric': metric 'dot' is not known: use cosine or"
                + " euclidean (see 'tokenspace neighbours --help')", CliRun.of("neighbours", "--id", "1",
                "--metric", "dot"), 2);
        assertOneLine("tokenspace: row " + Gpt2Tokenizer.get().encode("apple")[0] + " is outside the table: valid"
                + " rows are 0 to 1", analogyOnTinyTable("apple"), 1);
    }

    private CliRun analogyOnTinyTable(String a) {
        Npy.write(dir.resolve("t.npy"), Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}, 'c'));
        return CliRun.of("analogy", "--a", a, "--b", "0", "--c", "1", "--tables", dir.resolve("t.npy").toString());
    }

    static void assertOneLine(String expected, CliRun r, int exit) {
        assertEquals(exit, r.exitCode(), r.err());
        assertEquals(expected, r.err().strip());
        assertEquals(1, r.err().strip().lines().count());
    }
}
