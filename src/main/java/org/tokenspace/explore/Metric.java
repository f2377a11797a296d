package org.tokenspace.explore;

import org.tokenspace.model.TokenSpaceException;

import java.util.Locale;

/** How near two vectors are: cosine similarity (higher is nearer) or Euclidean distance (lower is nearer). */
public enum Metric {
    COSINE, EUCLIDEAN;

    /** {@code cosine} or {@code euclidean}, in any case. */
    public static Metric parse(String text) {
        for (Metric m : values()) {
            if (m.name().equalsIgnoreCase(text.strip())) {
                return m;
            }
        }
        throw new TokenSpaceException("metric '" + text + "' is not known: use cosine or euclidean");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
