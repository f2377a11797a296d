package org.tokenspace.positions;

/**
 * What a view looks at besides the scheme: the token vector RoPE rotates ({@code [embeddingDim]}, ignored by the
 * other schemes) and the attention head whose bias T5 and ALiBi show (ignored by the others).
 */
public record Probe(float[] token, int head) {
    /** No token, head 0: enough for every scheme but RoPE. */
    public static final Probe NONE = new Probe(null, 0);

    public static Probe token(float[] token) {
        return new Probe(token, 0);
    }

    public static Probe head(int head) {
        return new Probe(null, head);
    }
}
