package org.tokenspace.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tokenspace.Golden;
import org.tokenspace.io.TextFiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Gpt2TokenizerTest {
    private final Gpt2Tokenizer bpe = Gpt2Tokenizer.get();

    @Test
    void theVerdictGivesTiktokensIds() {
        JsonNode g = Golden.json("the-verdict.gpt2-ids.json");
        int[] ids = bpe.encode(TextFiles.read(Golden.verdict()));
        assertEquals(5145, ids.length);
        assertArrayEquals(Golden.ints(g.get("ids")), ids);
        assertEquals(TextFiles.read(Golden.verdict()), bpe.decode(ids));
    }

    @Test
    void endOfTextIsAllowedAsTheCourseDoes() {
        int[] ids = bpe.encode("Hello, do you like tea? <|endoftext|> In the sunlit terraces of someunknownPlace.");
        assertArrayEquals(new int[] {15496, 11, 466, 345, 588, 8887, 30, 220, 50256, 554, 262, 4252, 18250, 8812,
                2114, 286, 617, 34680, 27271, 13}, ids);
    }

    @Test
    void tokenTextsAreReadable() {
        assertEquals("·the", bpe.tokenText(262));
        assertEquals("Hello", bpe.tokenText(15496));
        assertEquals("↵", bpe.tokenText(198));
        assertEquals("<|endoftext|>", bpe.tokenText(50256));
        assertTrue(bpe.tokenText(126).startsWith("<0x"), bpe.tokenText(126)); // a lone UTF-8 continuation byte
    }

    @Test
    void outOfRangeIdsAreNamed() {
        TokenSpaceException e = assertThrows(TokenSpaceException.class, () -> bpe.tokenText(50257));
        assertEquals("token id 50257 is not a GPT-2 token: valid ids are 0 to 50256", e.getMessage());
    }

    @Test
    void chunkedEncodingGivesTheSameIdsAndCanBeCancelled() {
        String verdict = TextFiles.read(Golden.verdict());
        String text = verdict + "<|endoftext|> Hello  world,\n\n  indented 123 numbers' and 's contractions 😀 emoji "
                + verdict;
        int[] whole = bpe.encode(text, Integer.MAX_VALUE, f -> { }, () -> false);
        java.util.List<Double> seen = new java.util.ArrayList<>();
        for (int chunk : new int[] {1, 7, 100, 4096}) {
            seen.clear();
            assertArrayEquals(whole, bpe.encode(text, chunk, seen::add, () -> false), "chunks of " + chunk);
        }
        assertEquals(1.0, seen.get(seen.size() - 1));
        assertTrue(seen.size() > 5);
        assertThrows(Pipeline.Cancelled.class, () -> bpe.encode(text, 100, f -> { }, () -> true));
    }

    /** Characters that change how GPT-2 splits text: every class boundary, blanks, apostrophes, specials. */
    private static final String[] PARTS = {"a", "Z", "é", "e\u0301", "7", "42", "½", "Ⅻ", "٣", " ", "  ", "\n", "\n\n",
        "\t", "\u00a0", "\u2003", "\r\n", "'", "'s", "'ll", "'re", "'S", "!", "?!", ",", "-", "😀", "한", "語",
        "<|endoftext|>", "<|", "|>", "_", "\u001c"};

    @Test
    void chunksOfLetterlessAndMixedTextsGiveTheWholeTextsIds() {
        java.util.Random random = new java.util.Random(123);
        int tried = 0;
        for (int t = 0; t < 400; t++) {
            StringBuilder b = new StringBuilder();
            int parts = 1 + random.nextInt(60);
            boolean letterless = t % 2 == 0;
            for (int p = 0; p < parts; p++) {
                String part = PARTS[random.nextInt(PARTS.length)];
                if (letterless && part.codePoints().anyMatch(Character::isLetter)) {
                    part = String.valueOf(random.nextInt(1000));
                }
                b.append(part.repeat(1 + random.nextInt(3)));
            }
            String text = b.toString();
            int[] whole = bpe.encode(text, Integer.MAX_VALUE, f -> { }, () -> false);
            for (int chunk : new int[] {1, 2, 5}) {
                assertArrayEquals(whole, bpe.encode(text, chunk, f -> { }, () -> false),
                        () -> "chunks of " + chunk + " in " + text.codePoints()
                                .mapToObj(c -> String.format("U+%04X", c)).toList());
                tried++;
            }
        }
        assertEquals(1200, tried);
    }

    @Test
    void aLetterlessTextIsCutIntoChunksNearTheChunkSize() {
        String digits = "0123456789 ".repeat(100_000) + "\n".repeat(10) + "3.14159,2.71828;".repeat(50_000);
        int from = 0;
        int chunks = 0;
        while (from < digits.length()) {
            int to = Gpt2Tokenizer.chunkEnd(digits, from, 4096);
            assertTrue(to - from <= 4096 + 16 || to == digits.length(), "a chunk of " + (to - from));
            from = to;
            chunks++;
        }
        assertTrue(chunks > 400, chunks + " chunks");
        String run = "7".repeat(2 * Gpt2Tokenizer.MAX_PIECE + 4096);
        TokenSpaceException e = assertThrows(TokenSpaceException.class, () -> bpe.encode(run, 4096, f -> { }, () -> false));
        assertTrue(e.getMessage().contains("add spaces or line breaks"), e.getMessage());
    }
}
