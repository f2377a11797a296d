package org.tokenspace.view;

import java.util.function.IntFunction;

/** What the view shows: the points {@code [n, 3]}, a label and token id for each, the axis names. Immutable. */
final class CloudData {
    static final CloudData EMPTY = new CloudData(new float[0], 0, i -> "", null, new String[] {"x", "y", "z"});

    final float[] xyz;
    final int count;
    final IntFunction<String> labels;
    final int[] tokenIds; // null: the point index is the id
    final String[] axisNames;
    private String[] lowerLabels;

    CloudData(float[] xyz, int count, IntFunction<String> labels, int[] tokenIds, String[] axisNames) {
        this.xyz = xyz;
        this.count = count;
        this.labels = labels;
        this.tokenIds = tokenIds;
        this.axisNames = axisNames;
    }

    CloudData withAxisNames(String[] names) {
        return new CloudData(xyz, count, labels, tokenIds, names);
    }

    int tokenId(int i) {
        return tokenIds == null ? i : tokenIds[i];
    }

    String label(int i) {
        String s = labels.apply(i);
        return s == null ? "" : s;
    }

    Vec3 point(int i) {
        return new Vec3(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
    }

    /** The short name of axis {@code c}: its name up to the first space ("PC1" of "PC1 · 0.45%"). */
    String shortAxisName(int c) {
        String n = c < axisNames.length ? axisNames[c] : "xyz".substring(c, c + 1);
        int space = n.indexOf(' ');
        return space > 0 ? n.substring(0, space) : n;
    }

    /** Labels as search compares them ({@link TokenSearch#normal}), built once on first use. */
    synchronized String[] lowerLabels() {
        if (lowerLabels == null) {
            lowerLabels = new String[count];
            for (int i = 0; i < count; i++) {
                lowerLabels[i] = TokenSearch.normal(label(i));
            }
        }
        return lowerLabels;
    }
}
