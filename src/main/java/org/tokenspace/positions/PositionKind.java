package org.tokenspace.positions;

import org.tokenspace.model.TokenSpaceException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The five position schemes, with the name the command line takes and one sentence that says what each does. */
public enum PositionKind {
    LEARNED("learned", "one trained vector per position (GPT-2's wpe), added to the token vectors: the seeded or"
            + " loaded positional table", true),
    SINUSOIDAL("sinusoidal", "the original Transformer's fixed table of sines and cosines at geometric frequencies,"
            + " added to the token vectors", true),
    ROPE("rope", "rotary embeddings: nothing is added to the input; queries and keys are rotated pair by pair by"
            + " position times frequency, so their dot product depends only on the distance", false),
    T5("t5", "T5's relative buckets: nothing is added to the input; each key - query distance falls in a bucket"
            + " whose learned bias is added to the attention score", false),
    ALIBI("alibi", "ALiBi: nothing is added to the input; each head adds -slope * distance to the causal"
            + " attention scores", false);

    private final String cliName;
    private final String sentence;
    private final boolean addsToInput;

    PositionKind(String cliName, String sentence, boolean addsToInput) {
        this.cliName = cliName;
        this.sentence = sentence;
        this.addsToInput = addsToInput;
    }

    /** The lower-case name the command line takes: {@code learned}, {@code sinusoidal}, {@code rope}, ... */
    public String cliName() {
        return cliName;
    }

    /** What the scheme does, in one sentence without the final full stop. */
    public String sentence() {
        return sentence;
    }

    /** True for the schemes that add a table to the token vectors, false for those acting inside attention. */
    public boolean addsToInput() {
        return addsToInput;
    }

    /** The kind named {@code text} (any case). */
    public static PositionKind parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.cliName.equals(t)).findFirst().orElseThrow(() ->
                new TokenSpaceException("'" + text + "' is not a position scheme: use one of " + names()));
    }

    /** {@code learned, sinusoidal, rope, t5, alibi}. */
    public static String names() {
        return Arrays.stream(values()).map(PositionKind::cliName).collect(Collectors.joining(", "));
    }
}
