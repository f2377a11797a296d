package org.tokenspace.code;

/**
 * A stage's PyTorch script and what it prints, character for character.
 *
 * @param script the Python source; it needs only {@code torch}
 * @param output what running it prints, as TokenSpace computes it from its own tensors
 */
public record Transcript(String script, String output) {
}
