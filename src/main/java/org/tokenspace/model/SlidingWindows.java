package org.tokenspace.model;

import java.util.Arrays;

/**
 * The course's {@code GPTDatasetV1}: windows of {@code maxLength} ids every {@code stride} ids, each with its target,
 * the same window shifted by one token.
 * <pre>for i in range(0, len(ids) - maxLength, stride): input = ids[i:i+maxLength]; target = ids[i+1:i+maxLength+1]</pre>
 */
public final class SlidingWindows {
    private final int[] ids;
    private final int maxLength;
    private final int stride;
    private final int count;

    public SlidingWindows(int[] ids, int maxLength, int stride) {
        Sizes.requirePositive("maxLength", maxLength);
        Sizes.requirePositive("stride", stride);
        this.ids = ids;
        this.maxLength = maxLength;
        this.stride = stride;
        int span = ids.length - maxLength; // range(0, span, stride)
        this.count = span <= 0 ? 0 : (span - 1) / stride + 1;
    }

    /** How many windows the text gives. */
    public int size() {
        return count;
    }

    public int maxLength() {
        return maxLength;
    }

    public int stride() {
        return stride;
    }

    /** Where window {@code k} starts in the id sequence. */
    public int start(int k) {
        return Math.multiplyExact(Math.toIntExact(k), stride);
    }

    /** {@code ids[start : start + maxLength]}. */
    public int[] input(int k) {
        int s = start(checkIndex(k));
        return Arrays.copyOfRange(ids, s, s + maxLength);
    }

    /** {@code ids[start + 1 : start + maxLength + 1]}. */
    public int[] target(int k) {
        int s = start(checkIndex(k));
        return Arrays.copyOfRange(ids, s + 1, s + maxLength + 1);
    }

    private int checkIndex(int k) {
        if (k < 0 || k >= count) {
            throw new TokenSpaceException("window " + k + " does not exist: there are " + count + " windows");
        }
        return k;
    }
}
