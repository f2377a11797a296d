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
}
