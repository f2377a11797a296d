package org.tokenspace.model;

/** Checks on user-given sizes, each failing with a message that names the size and the fix. */
public final class Sizes {
    private Sizes() {
    }

    public static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new TokenSpaceException(name + " must be at least 1, got " + value);
        }
    }
}
