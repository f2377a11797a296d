package org.tokenspace.view;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class TokenSearchTest {
    private static final String[] LABELS = {"·models", "model", "·the", "·model", "Model", "the"};
    private static final CloudData DATA = new CloudData(new float[3 * LABELS.length], LABELS.length, i -> LABELS[i],
            null, new String[] {"x", "y", "z"});

    @Test
    void aSpaceMatchesTheVisibleSpaceAndTheExactTokenComesFirst() {
        assertArrayEquals(new int[] {3, 0}, TokenSearch.find(DATA, " model"));
    }

    @Test
    void caseIsIgnoredAndWholeLabelsRankFirst() {
        assertArrayEquals(new int[] {1, 4, 3, 0}, TokenSearch.find(DATA, "MODEL"));
    }

    @Test
    void aBlankQueryMatchesNothing() {
        assertArrayEquals(new int[0], TokenSearch.find(DATA, "  "));
    }
}
