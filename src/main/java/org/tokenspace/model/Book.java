package org.tokenspace.model;

/**
 * The book's example in chapter 2: {@code torch.manual_seed(123); embedding_layer = torch.nn.Embedding(6, 3)},
 * the ids {@code torch.tensor([2, 3, 5, 1])}, and the lookup of id 3,
 * {@code tensor([[-0.4015,  0.9666, -1.1481]], grad_fn=<EmbeddingBackward0>)}.
 */
public final class Book {
    /** The ids {@code [2, 3, 5, 1]}, and 0 as the last target. */
    public static final String TEXT = "ids: 2, 3, 5, 1, 0";
    /** Seed 123, a 6 x 3 token table, a 4 x 3 positional table, one window of the four ids. */
    public static final Settings SETTINGS = new Settings(123, 6, 3, 4, 1, 4, 4, false, true, 0, 0,
            Settings.DEFAULTS.kernel());
    /** The id the book looks up: {@code embedding_layer(torch.tensor([3]))}. */
    public static final int ID = 3;

    private Book() {
    }
}
