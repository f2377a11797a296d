package org.tokenspace.train;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.Golden;
import org.tokenspace.Python;
import org.tokenspace.io.Npy;
import org.tokenspace.model.Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * More configurations than the golden files hold, against PyTorch itself ({@code train_reference.py --out-npy}):
 * every loss within 1e-5 relative, every element of every tensor within 1e-4. Skipped without python3-torch.
 */
class TrainAgainstTorchTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "adamw, keep the short last batch, no shuffle;  7;  64; 3; 4; 4; false; true;  adamw; 0.004; 0.1; 30",
        "sgd with weight decay, shuffled;              42;  32; 2; 8; 8; true;  false; sgd;   0.5;   0.01; 25",
        "adamw, another seed, stride 2;                 5;  16; 4; 4; 2; true;  false; adamw; 0.01;  0.0; 40"})
    void trainsAsPyTorchDoes(String name, long seed, int dim, int batch, int maxLength, int stride, boolean shuffle,
                             boolean keepLast, String optimizer, double lr, double wd, int steps) throws Exception {
        String python = Python.withTorch();
        Assumptions.assumeTrue(python != null, "python3-torch is not installed: training is checked against the "
                + "golden files only");
        int[] ids = Golden.ints(Golden.json("the-verdict.gpt2-ids.json").path("ids"));
        ids = java.util.Arrays.copyOf(ids, 600); // a few epochs of a short text
        Path tools = Golden.shared().resolve("golden").resolve("tools").resolve("train_reference.py");
        StringBuilder list = new StringBuilder();
        for (int id : ids) {
            list.append(list.length() == 0 ? "" : ",").append(id);
        }
        List<String> args = new ArrayList<>(List.of(tools.toString(), "--text-ids", list.toString(), "--seed",
                Long.toString(seed), "--embedding-dim", Integer.toString(dim), "--context-length",
                Integer.toString(maxLength), "--batch-size", Integer.toString(batch), "--max-length",
                Integer.toString(maxLength), "--stride", Integer.toString(stride), "--optimizer", optimizer, "--lr",
                Double.toString(lr), "--weight-decay", Double.toString(wd), "--steps", Integer.toString(steps),
                "--out-npy", dir.toString()));
        if (shuffle) {
            args.add("--shuffle");
        }
        if (keepLast) {
            args.add("--keep-last");
        }
        Python.Result r = Python.runFile(python, args);
        assertEquals(0, r.exit(), r.output());
        List<Double> torchLosses = r.output().lines().filter(l -> l.startsWith("step "))
                .map(l -> Double.parseDouble(l.substring(l.indexOf("loss ") + 5))).toList();
        Settings s = Settings.builder().seed(seed).embeddingDim(dim).contextLength(maxLength).batchSize(batch)
                .maxLength(maxLength).stride(stride).shuffle(shuffle).dropLast(!keepLast).build();
        try (Trainer t = new Trainer(ids, s, new Optimizer(Optimizer.Kind.parse(optimizer), lr, wd), null)) {
            for (int i = 0; i < steps; i++) {
                float loss = t.step();
                assertEquals(torchLosses.get(i), loss, 1e-5 * torchLosses.get(i) + 1e-6, name + " step " + (i + 1));
            }
            for (Map.Entry<String, INDArray> e : t.tensors().entrySet()) {
                float[] ours = e.getValue().data().asFloat();
                float[] theirs = Npy.read(dir.resolve(e.getKey() + ".npy")).data().asFloat();
                assertEquals(theirs.length, ours.length, e.getKey());
                for (int i = 0; i < ours.length; i++) {
                    assertEquals(theirs[i], ours[i], 1e-4, name + " " + e.getKey() + "[" + i + "]");
                }
            }
        }
    }
}
