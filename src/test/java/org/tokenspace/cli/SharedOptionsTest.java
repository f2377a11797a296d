package org.tokenspace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenspace.Golden;
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.Tables;
import org.tokenspace.projection.VocabularyCloud;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The option groups commands share: the same option means the same thing, with the same default and limits. */
class SharedOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void batchesTakesTheCourseDefaultsAndGivesTheBatchesEmbedLooksUp() throws Exception {
        String verdict = Golden.verdict().toString();
        CliRun defaults = CliRun.of("batches", "--file", verdict);
        CliRun explicit = CliRun.of("batches", "--file", verdict, "--batch-size", "8", "--max-length", "4",
                "--stride", "4", "--seed", "123");
        assertEquals(0, defaults.exitCode(), defaults.err());
        assertEquals(explicit.out(), defaults.out());

        // one loader for both commands: embed's batch 3 of a shuffled epoch 1 is batches' fourth of that epoch
        String[] loader = {"--file", verdict, "--batch-size", "2", "--max-length", "3", "--stride", "2", "--shuffle",
            "--seed", "9", "--epoch", "1"};
        JsonNode batches = JSON.readTree(CliRun.of(concat(new String[] {"batches"}, loader)).out()).get("batches");
        Path out = dir.resolve("embed");
        CliRun embed = CliRun.of(concat(new String[] {"embed"}, loader, new String[] {"--batch-index", "3",
            "--context-length", "3", "--vocab-size", "50257", "--embedding-dim", "2", "--out", out.toString()}));
        assertEquals(0, embed.exitCode(), embed.err());
        assertTrue(embed.out().contains("inputs " + batches.get(3).get("inputs").toString().replace(",", ", ")),
                embed.out() + " vs " + batches.get(3).get("inputs"));
    }

    @Test
    void pictureSizesHaveOneSetOfLimits() {
        String png = dir.resolve("x.png").toString();
        String[][] commands = {
            {"cloud", "--out", png},
            {"snapshot", "--view", "lookup", "--out", png},
            {"bench", "render", "--points", "10", "--frames", "1"},
        };
        for (String[] command : commands) {
            for (String[] size : new String[][] {{"--width", "199"}, {"--height", "149"}, {"--scale", "0"},
                {"--scale", "4.5"}, {"--width", "8000", "--height", "8001"}}) {
                CliRun r = CliRun.of(concat(command, size, new String[] {"--vocab-size", "100"}));
                assertEquals(Cli.USER_ERROR, r.exitCode(), command[0] + " " + Arrays.toString(size) + ": " + r.out());
                assertTrue(r.err().startsWith("tokenspace: the picture must be at least 200x150, with a scale above 0"
                        + " and up to 4, and at most 64 megapixels in all; got "), r.err());
            }
        }
    }

    @Test
    void benchPcaFitsTheVocabularyCloudOfTheTableOptions() {
        CliRun r = CliRun.of("bench", "pca", "--vocab-size", "500", "--embedding-dim", "16", "--seed", "5",
                "--kernel", "generic", "--runs", "1", "--warmup", "0");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("# TokenSpace PCA, X [500, 16] float32 from the seed-5 token table"), r.out());
        double[] variances = VocabularyCloud.of(Tables.seeded(5, 500, 16, 4, NormalKernel.GENERIC)).axes()
                .variances();
        assertTrue(r.out().contains("# top-3 explained variance " + Arrays.toString(variances)), r.out());
        CliRun avx2 = CliRun.of("bench", "pca", "--vocab-size", "500", "--embedding-dim", "16", "--seed", "5",
                "--runs", "1", "--warmup", "0");
        assertFalse(avx2.out().contains(Arrays.toString(variances)), "the kernel option was ignored");
    }

    @Test
    void cloudDrawsTheSeededTableOfTheTableOptions() throws Exception {
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        Path c = dir.resolve("c.png");
        String[] small = {"--vocab-size", "400", "--embedding-dim", "8", "--width", "400", "--height", "300"};
        assertEquals(0, CliRun.of(concat(new String[] {"cloud", "--out", a.toString(), "--seed", "7"}, small))
                .exitCode());
        assertEquals(0, CliRun.of(concat(new String[] {"cloud", "--out", b.toString(), "--seed", "7"}, small))
                .exitCode());
        assertEquals(0, CliRun.of(concat(new String[] {"cloud", "--out", c.toString(), "--seed", "8"}, small))
                .exitCode());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)), "the seed option was ignored");
        CliRun mark = CliRun.of(concat(new String[] {"cloud", "--out", c.toString(), "--mark", " model"}, small));
        assertEquals(Cli.USER_ERROR, mark.exitCode());
        assertEquals("tokenspace: token 2746 ('\u00b7model') is outside the token table of vocabSize 400:"
                + " raise --vocab-size or mark another token", mark.err().strip());
    }

    private static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
