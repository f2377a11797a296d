package org.tokenspace.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Search over point labels, ignoring case, a space matching a visible space ({@code ·}) as labels show it: every
 * label containing the query matches; the matches are ordered best
 * first (the label equal to the query, then equal after trimming spaces, then shorter labels, then lower index).
 */
final class TokenSearch {
    /** At most this many matches are highlighted; the rest are counted. */
    static final int MAX_MATCHES = 5000;

    private TokenSearch() {
    }

    /** The matching point indices, best first; empty for a blank query. */
    static int[] find(CloudData data, String query) {
        if (query == null || query.isBlank()) {
            return new int[0];
        }
        String q = normal(query);
        String trimmed = q.strip();
        String[] labels = data.lowerLabels();
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i < labels.length && hits.size() < MAX_MATCHES; i++) {
            if (labels[i].contains(q)) {
                hits.add(i);
            }
        }
        hits.sort(Comparator.comparingInt((Integer i) -> rank(labels[i], q, trimmed))
                .thenComparingInt(i -> labels[i].length()).thenComparingInt(i -> i));
        return hits.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Lower case, visible spaces ({@code ·}) as spaces. */
    static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replace('\u00b7', ' ');
    }

    private static int rank(String label, String q, String trimmed) {
        if (label.equals(q)) {
            return 0;
        }
        return label.strip().equals(trimmed) ? 1 : 2;
    }
}
