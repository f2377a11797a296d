package org.tokenspace.app;

/** The walkthrough's stages, in order. */
public enum Step {
    TOKENIZE("1  Tokenize", "text → GPT-2 BPE ids → sliding windows of maxLength every stride"),
    LOOKUP("2  Lookup", "an id selects its row of the token table"),
    POSITION("3  Position", "the positional table's row is added to the token vector"),
    BATCH("4  Batch", "windows stack into a batch of ids, then a tensor of vectors"),
    PROJECTION("5  Projection", "the batch's vectors before and after adding positions, in fixed PCA axes");

    private final String title;
    private final String summary;

    Step(String title, String summary) {
        this.title = title;
        this.summary = summary;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public Step next() {
        return values()[Math.min(ordinal() + 1, values().length - 1)];
    }

    public Step previous() {
        return values()[Math.max(ordinal() - 1, 0)];
    }

    /** The stage of that {@link #cliName()}, ignoring case and surrounding spaces. */
    public static java.util.Optional<Step> find(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT);
        return java.util.Arrays.stream(values()).filter(s -> s.cliName().equals(n)).findFirst();
    }

    /** The name used on the command line ({@code snapshot --view lookup}). */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
