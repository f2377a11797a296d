package org.tokenspace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code show} and {@code code} without Python: the book's printouts, and every bad value as one line. */
class ShowCodeCommandTest {
    @TempDir
    Path dir;

    @Test
    void theBookLooksUpId3() {
        CliRun r = CliRun.of("show", "--stage", "lookup", "--book");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("""
                token_embedding_layer(torch.tensor([3])):
                tensor([[-0.4015,  0.9666, -1.1481]], grad_fn=<EmbeddingBackward0>)
                """), r.out());
        assertTrue(r.out().startsWith("""
                token_embedding_layer.weight:
                Parameter containing:
                tensor([[ 0.3374, -0.1778, -0.1690],
                """), r.out());
    }

    @Test
    void theBatchStagePrintsTheShapesOfTheCourse() {
        CliRun r = CliRun.of("show", "--stage", "batch");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("""
                token_embeddings.shape: torch.Size([8, 4, 256])
                pos_embeddings.shape: torch.Size([4, 256])
                input_embeddings.shape: torch.Size([8, 4, 256])
                """), r.out());
    }

    @Test
    void aTextTooLongForAScriptIsStillShown() {
        String manyIds = "ids: " + IntStream.range(0, 100_001).mapToObj(i -> "1").collect(Collectors.joining(" "));
        CliRun r = CliRun.of("show", "--stage", "tokenize", "--text", manyIds, "--vocab-size", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("token_ids: 100001\ntensor([1, 1, 1,  ..., 1, 1, 1])\n"), r.out());
    }

    @Test
    void everyBadValueIsOneLine() {
        String manyIds = "ids: " + IntStream.range(0, 100_001).mapToObj(i -> "1").collect(Collectors.joining(" "));
        String[][] cases = {
            {"unknown stage 'cloud': use tokenize, lookup, position, batch, projection, schemes, train or explore",
                "show", "--stage", "cloud"},
            {"--steps -1 is negative: give 0 or more", "show", "--stage", "train", "--steps", "-1"},
            {"learning rate 0.0 cannot train", "code", "--stage", "train", "--lr", "0"},
            {"'bogus' is not a position scheme: use one of learned, sinusoidal, rope, t5, alibi", "show", "--stage",
                "position", "--position-kind", "bogus"},
            {"--schemes takes one or two schemes", "show", "--stage", "schemes", "--schemes", "learned,rope,t5"},
            {"--head 8 is not a head: use 0 to 7", "code", "--stage", "schemes", "--head", "8"},
            {"--compare manhattan is not known: use cosine or dot", "show", "--stage", "schemes", "--compare",
                "manhattan"},
            {"--scheme-length 0 is outside 1 to 512", "show", "--stage", "schemes", "--scheme-length", "0"},
            {"metric 'manhattan' is not known: use cosine or euclidean", "show", "--stage", "explore", "--metric",
                "manhattan"},
            {"--rows words is not known: use text or table", "show", "--stage", "explore", "--rows", "words"},
            {"--k 0 is too small: use 1 or more", "code", "--stage", "explore", "--k", "0"},
            {"--analogy takes three ids A,B,C (A - B + C), e.g. 5822,582,2415; got 2", "code", "--stage", "explore",
                "--analogy", "1,2"},
            {"--analogy: 6 is not a row of the table: use 0 to 5", "show", "--stage", "explore", "--book",
                "--analogy", "1,2,6"},
            {"Missing required option: '--stage=STAGE'", "code"},
            {"token id 6 is outside the token table: valid ids are 0 to 5", "show", "--stage", "lookup", "--book",
                "--id", "6"},
            {"token id -1 is outside the token table: valid ids are 0 to 50256", "code", "--stage", "position",
                "--id", "-1"},
            {"--book brings its own ids: drop --file and --text, or drop --book", "code", "--stage", "lookup",
                "--book", "--text", "hello there you"},
            {"the text is given twice: use --file or --text, not both", "show", "--stage", "tokenize", "--file",
                "a.txt", "--text", "b"},
            {"--book seeds its own 6 x 3 tables: drop --tables, or drop --book", "code", "--stage", "batch", "--book",
                "--tables", "gpt2.safetensors"},
            {"batch 99 does not exist", "show", "--stage", "batch", "--book",
                "--batch-index", "99"},
            {"'x' in the id list is not a token id: write whole numbers, e.g. ids: 2, 3, 5, 1, 0", "show", "--stage",
                "tokenize", "--text", "ids: 1, x"},
            {"maxLength 5 is above contextLength 4: the positional table has no row for position 4; raise "
                + "contextLength or lower maxLength", "code", "--stage", "position", "--max-length", "5"},
            {"the text has 100,001 tokens, more than the 100,000 a script holds written out: use a shorter text",
                "code", "--stage", "tokenize", "--text", manyIds, "--vocab-size", "2"},
            {"cannot read " + dir.resolve("missing.txt") + ": the file does not exist", "show", "--stage", "lookup",
                "--file", dir.resolve("missing.txt").toString()},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            CliRun r = CliRun.of(args);
            String what = String.join(" ", args).substring(0, Math.min(80, String.join(" ", args).length()));
            assertTrue(r.exitCode() != 0, what);
            assertEquals("", r.out(), what);
            assertEquals(1, r.err().lines().count(), what + ": " + r.err());
            assertTrue(r.err().startsWith("tokenspace: ") && r.err().contains(c[0]), what + ": " + r.err());
        }
    }
}
