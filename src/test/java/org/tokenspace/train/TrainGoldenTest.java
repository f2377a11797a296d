package org.tokenspace.train;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.Golden;
import org.tokenspace.model.Settings;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Training against PyTorch 1.13 ({@code ../shared/golden/train_*.json}, made by {@code train_reference.py}): the
 * initial tensors bit for bit, every step's loss within 1e-5 relative, the tensors after the last step within 1e-4.
 */
class TrainGoldenTest {
    static Settings settings(JsonNode config) {
        return Settings.builder().seed(config.path("seed").asLong()).vocabSize(config.path("vocab_size").asInt())
                .embeddingDim(config.path("embedding_dim").asInt())
                .contextLength(config.path("context_length").asInt()).batchSize(config.path("batch_size").asInt())
                .maxLength(config.path("max_length").asInt()).stride(config.path("stride").asInt())
                .shuffle(config.path("shuffle").asBoolean()).dropLast(!config.path("keep_last").asBoolean()).build();
    }

    static Optimizer optimizer(JsonNode config) {
        return new Optimizer(Optimizer.Kind.parse(config.path("optimizer").asText()), config.path("lr").asDouble(),
                config.path("weight_decay").asDouble());
    }

    /** Each tensor's shape, first and last rows (exact or within {@code tolerance}), and sums (relative). */
    static void assertSummaries(JsonNode expected, Map<String, INDArray> tensors, double tolerance, double sumTol,
                                String when) {
        expected.fieldNames().forEachRemaining(name -> {
            JsonNode e = expected.path(name);
            INDArray t = tensors.get(name);
            assertEquals(e.path("shape").toString(), java.util.Arrays.toString(t.shape()).replace(" ", ""),
                    when + " " + name + " shape");
            float[] all = t.data().asFloat();
            int cols = t.rank() == 1 ? all.length : (int) t.size(1);
            for (int i = 0; i < e.path("first_row").size(); i++) {
                float want = (float) e.path("first_row").get(i).asDouble();
                float lastWant = (float) e.path("last_row").get(i).asDouble();
                if (tolerance == 0) {
                    assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(all[i]), when + " " + name
                            + " first_row[" + i + "]: " + want + " vs " + all[i]);
                    assertEquals(Float.floatToIntBits(lastWant), Float.floatToIntBits(all[all.length - cols + i]),
                            when + " " + name + " last_row[" + i + "]");
                } else {
                    assertEquals(want, all[i], tolerance, when + " " + name + " first_row[" + i + "]");
                    assertEquals(lastWant, all[all.length - cols + i], tolerance, when + " " + name + " last_row["
                            + i + "]");
                }
            }
            double sum = 0;
            double sq = 0;
            for (float v : all) {
                sum += v;
                sq += (double) v * v;
            }
            double wantSq = e.path("sum_sq").asDouble();
            assertEquals(wantSq, sq, sumTol * Math.max(1, wantSq), when + " " + name + " sum of squares");
            assertEquals(e.path("sum").asDouble(), sum, sumTol * Math.max(1, wantSq), when + " " + name + " sum");
        });
    }

    private static void check(String file, int[] ids) {
        JsonNode golden = Golden.json(file);
        JsonNode config = golden.path("config");
        try (Trainer t = new Trainer(ids, settings(config), optimizer(config), null)) {
            assertSummaries(golden.path("init"), t.tensors(), 0, 1e-9, "init");
            int steps = config.path("steps").asInt();
            for (int s = 0; s < steps; s++) {
                float loss = t.step();
                double want = golden.path("losses").get(s).asDouble();
                assertEquals(want, loss, 1e-5 * Math.abs(want), file + " loss of step " + (s + 1));
            }
            assertSummaries(golden.path("final"), t.tensors(), 1e-4, 1e-6, "after " + steps + " steps");
        }
    }

    @Test
    void theCoursesSettingsTrainAsPyTorchDoes() {
        check("train_seed123_course.json", Golden.ints(Golden.json("the-verdict.gpt2-ids.json").path("ids")));
    }

    @Test
    void theBooksTableTrainsWithSgdAsPyTorchDoes() {
        check("train_seed123_6x3_sgd.json", Golden.ints(Golden.json("train_seed123_6x3_sgd.json").path("config")
                .path("ids")));
    }
}
