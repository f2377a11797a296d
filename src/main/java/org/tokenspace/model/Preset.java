package org.tokenspace.model;

/**
 * A ready-made starting point: settings, the text (or {@code ids:} list) and the token to look at first.
 *
 * @param settings   the settings
 * @param text       the text, or an {@code ids:} list
 * @param selectedId the id selected first, or -1 for the batch's first token
 */
public record Preset(Settings settings, String text, int selectedId) {
    /**
     * The book's example: {@code torch.manual_seed(123); nn.Embedding(6, 3)}, the ids {@code [2, 3, 5, 1]} (with 0
     * as the last one's target) and the lookup of id 3.
     */
    public static final Preset BOOK = new Preset(Settings.builder().vocabSize(6).embeddingDim(3).batchSize(1).build(),
            "ids: 2, 3, 5, 1, 0", 3);

    /** The course's defaults on {@code text}. */
    public static Preset course(String text) {
        return new Preset(Settings.DEFAULTS, text, -1);
    }
}
