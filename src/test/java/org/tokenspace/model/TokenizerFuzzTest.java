package org.tokenspace.model;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Coverage-guided fuzzing of the chunked tokenizer: any text, cut into chunks of any size, gives the ids of the whole
 * text. The inputs lean to what has no letters (digits, blanks, punctuation, apostrophes), where chunks must end only
 * where GPT-2's pre-tokenizer starts a piece. A plain {@code mvn test} replays the committed inputs; to fuzz:
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=TokenizerFuzzTest -Djazzer.hooks=true -Djazzer.max_duration=2m}.
 */
class TokenizerFuzzTest {
    private static final String ALPHABET = "0123456789 \n\t\r'.,!?-_<|>·½٣\u00a0\u2003😀한語aZé";

    @FuzzTest(maxDuration = "2m")
    void chunkedEqualsWhole(FuzzedDataProvider data) {
        int chunk = data.consumeInt(1, 64);
        StringBuilder text = new StringBuilder();
        while (data.remainingBytes() > 0 && text.length() < 4000) {
            if (data.consumeBoolean()) {
                int at = data.consumeInt(0, ALPHABET.length() - 1);
                text.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                        Math.min(at, ALPHABET.codePointCount(0, ALPHABET.length()) - 1))));
            } else {
                text.append(data.consumeString(8));
            }
        }
        String t = text.toString();
        Gpt2Tokenizer bpe = Gpt2Tokenizer.get();
        int[] whole = bpe.encode(t, Integer.MAX_VALUE, f -> { }, () -> false);
        assertArrayEquals(whole, bpe.encode(t, chunk, f -> { }, () -> false), () -> "chunks of " + chunk);
    }
}
