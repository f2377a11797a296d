package org.tokenspace.model;

/**
 * One batch of the loader: {@code inputs} and {@code targets} of shape {@code [batchSize, maxLength]}, and the index
 * of the window each row came from.
 */
public record Batch(int[][] inputs, int[][] targets, int[] windows) {
    public int batchSize() {
        return inputs.length;
    }

    public int maxLength() {
        return inputs.length == 0 ? 0 : inputs[0].length;
    }
}
