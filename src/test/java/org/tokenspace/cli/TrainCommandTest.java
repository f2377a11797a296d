package org.tokenspace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.Golden;
import org.tokenspace.io.Npy;
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.Tables;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tokenspace train}: the files it writes, and every bad value ending in one line. */
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheLossesAndEveryTensorAsPyTorchNamesThem() throws Exception {
        CliRun r = CliRun.of("train", "--file", Golden.verdict().toString(), "--shuffle", "--steps", "3", "--out",
                dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("3 steps (1 epoch of 160 batches), loss 11.0474 -> 10.8486"), r.out());
        var golden = Golden.json("train_seed123_course.json").path("losses");
        String[] losses = Files.readString(dir.resolve("losses.json")).trim().replaceAll("[\\[\\]]", "").split(", ");
        assertEquals(3, losses.length);
        for (int i = 0; i < 3; i++) {
            assertEquals(golden.get(i).asDouble(), Double.parseDouble(losses[i]), 1e-5 * golden.get(i).asDouble());
        }
        assertArrayEquals(new long[] {50257, 256}, Npy.read(dir.resolve("out_head.npy")).shape());
        assertArrayEquals(new long[] {4, 256}, Npy.read(dir.resolve("position_table.npy")).shape());
        assertArrayEquals(new long[] {256}, Npy.read(dir.resolve("final_norm_scale.npy")).shape());
        assertArrayEquals(new long[] {256}, Npy.read(dir.resolve("final_norm_shift.npy")).shape());
    }

    @Test
    void zeroStepsWriteTheSeededTablesBitForBit() throws Exception {
        Path text = dir.resolve("ids.txt");
        Files.writeString(text, "ids: 2, 3, 5, 1, 0");
        CliRun r = CliRun.of("train", "--file", text.toString(), "--vocab-size", "6", "--embedding-dim", "3",
                "--batch-size", "1", "--steps", "0", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        Tables seeded = Tables.seeded(123, 6, 3, 4, NormalKernel.AVX2);
        INDArray token = Npy.read(dir.resolve("token_table.npy"));
        assertArrayEquals(seeded.tokenTable().data().asFloat(), token.data().asFloat(), 0f);
        assertEquals("[]", Files.readString(dir.resolve("losses.json")).trim());
    }

    @Test
    void aDivergingRunStopsAtItsStepAndKeepsTheLastFiniteState() throws Exception {
        Path text = dir.resolve("ids.txt");
        Files.writeString(text, "ids: 2, 3, 5, 1, 0, 4, 2, 3, 1");
        CliRun r = CliRun.of("train", "--file", text.toString(), "--vocab-size", "6", "--embedding-dim", "3",
                "--batch-size", "1", "--optimizer", "sgd", "--lr", "1e38", "--steps", "5", "--out",
                dir.resolve("out").toString());
        assertEquals(Cli.USER_ERROR, r.exitCode());
        assertEquals("tokenspace: training diverged at step 2: the loss became NaN; the state after step 1 is kept: "
                + "lower the learning rate (now 1.0E38) and go on, or reset", r.err().trim());
        for (float v : Npy.read(dir.resolve("out").resolve("out_head.npy")).data().asFloat()) {
            assertTrue(Float.isFinite(v), "the written state is finite");
        }
        assertEquals(1, Files.readString(dir.resolve("out").resolve("losses.json")).split(",").length);
    }

    @Test
    void badValuesEndInOneLineThatNamesTheFix() throws Exception {
        String file = Golden.verdict().toString();
        String[][] cases = {
            {"--lr", "0"}, {"--lr", "nan"}, {"--lr", "inf"}, {"--lr", "-1"}, {"--steps", "-1"},
            {"--optimizer", "adam"}, {"--weight-decay", "-0.5"}, {"--lr", "fast"}};
        String[] expected = {
            "learning rate 0.0 cannot train: use a finite number above 0",
            "learning rate NaN cannot train", "learning rate Infinity cannot train", "learning rate -1.0 cannot train",
            "--steps -1 is negative: give 0 or more", "unknown optimizer 'adam': use adamw or sgd",
            "weight decay -0.5 cannot train: use a finite number of 0 or more", "'fast' is not a number"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = {"train", "--file", file, "--out", dir.toString(), "--steps", "1", cases[i][0], cases[i][1]};
            if (cases[i][0].equals("--steps")) {
                args = new String[] {"train", "--file", file, "--out", dir.toString(), "--steps=" + cases[i][1]};
            }
            CliRun r = CliRun.of(args);
            assertTrue(r.exitCode() != 0, String.join(" ", args));
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
        }
        Path shortText = dir.resolve("short.txt");
        Files.writeString(shortText, "Too short.");
        CliRun r = CliRun.of("train", "--file", shortText.toString(), "--steps", "1", "--out", dir.toString());
        assertEquals("tokenspace: the text has 3 tokens, too few for one window of maxLength 4: use a longer text or "
                + "a smaller maxLength", r.err().trim());
    }
}
