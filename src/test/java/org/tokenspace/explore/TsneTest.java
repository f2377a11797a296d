package org.tokenspace.explore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenspace.io.Progress;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.TokenSpaceException;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TsneTest {
    /** 6 Gaussian clusters of 100 points in 50 dimensions, centres far apart relative to the spread. */
    static final Clusters DATA = Clusters.gaussian(6, 100, 50, 1.0, 0.25, 42);

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void keepsNeighboursAndSeparatesKnownClusters(int components) {
        Tsne t = Tsne.prepare(DATA.vectors(), TsneSettings.DEFAULTS.withComponents(components), Progress.NONE);
        Vectors y = new Vectors(t.run(Progress.NONE), DATA.vectors().rows(), components);
        double trust = Trustworthiness.of(DATA.vectors(), y, 10);
        double separated = DATA.separation(y, 10);
        System.out.printf("t-SNE %dD: trustworthiness %.4f, separation %.4f%n", components, trust, separated);
        assertTrue(trust > 0.95, "trustworthiness " + trust);
        assertTrue(separated > 0.98, "separation " + separated);
    }

    @Test
    void theSameSettingsGiveTheSameCoordinates() {
        TsneSettings s = TsneSettings.DEFAULTS.withIterations(300).withRandomInit(7);
        float[] a = Tsne.prepare(DATA.vectors(), s, Progress.NONE).run(Progress.NONE);
        float[] b = Tsne.prepare(DATA.vectors(), s, Progress.NONE).run(Progress.NONE);
        assertArrayEquals(a, b);
        float[] other = Tsne.prepare(DATA.vectors(), s.withRandomInit(8), Progress.NONE).run(Progress.NONE);
        assertFalse(java.util.Arrays.equals(a, other), "another seed starts elsewhere");
    }

    @Test
    void stepsRunInPiecesAndStopAtTheEnd() {
        Tsne t = Tsne.prepare(DATA.vectors(), TsneSettings.DEFAULTS.withIterations(260), Progress.NONE);
        float[] start = t.coordinates();
        assertEquals(10, t.step(10));
        assertEquals(10, t.iteration());
        assertFalse(java.util.Arrays.equals(start, t.coordinates()));
        assertEquals(250, t.step(1000));
        assertTrue(t.done());
        assertEquals(0, t.step(5));
        // the same run in one go gives the same coordinates as in pieces
        Tsne whole = Tsne.prepare(DATA.vectors(), TsneSettings.DEFAULTS.withIterations(260), Progress.NONE);
        whole.step(260);
        assertArrayEquals(whole.coordinates(), t.coordinates());
    }

    @Test
    void aRunReportsProgressAndCanBeCancelled() {
        Tsne t = Tsne.prepare(DATA.vectors(), TsneSettings.DEFAULTS.withIterations(400), Progress.NONE);
        AtomicInteger reports = new AtomicInteger();
        assertThrows(Pipeline.Cancelled.class, () -> t.run(new Progress(f -> reports.incrementAndGet(),
                () -> reports.get() >= 3)));
        assertTrue(t.iteration() < 400, "stopped early at " + t.iteration());
    }

    @Test
    void badSettingsAreOneLine() {
        Vectors x = DATA.vectors();
        assertEquals("the perplexity must be above 0 and below the number of rows (600), got 600.0",
                assertThrows(TokenSpaceException.class, () -> Tsne.prepare(x,
                        TsneSettings.DEFAULTS.withPerplexity(600), Progress.NONE)).getMessage());
        assertEquals("t-SNE maps to 2 or 3 components, got 4", assertThrows(TokenSpaceException.class,
                () -> Tsne.prepare(x, TsneSettings.DEFAULTS.withComponents(4), Progress.NONE)).getMessage());
        assertEquals("t-SNE needs at least 250 iterations (the early exaggeration phase), got 100",
                assertThrows(TokenSpaceException.class, () -> Tsne.prepare(x,
                        TsneSettings.DEFAULTS.withIterations(100), Progress.NONE)).getMessage());
    }

    @Test
    void identicalRowsStillGiveFiniteCoordinates() {
        Vectors same = new Vectors(new float[40 * 5], 40, 5); // an untrained table of zeros
        float[] t = Tsne.prepare(same, TsneSettings.DEFAULTS.withPerplexity(5).withIterations(260), Progress.NONE)
                .run(Progress.NONE);
        float[] u = Umap.prepare(same, UmapSettings.DEFAULTS.withEpochs(20), Progress.NONE).run(Progress.NONE);
        for (float[] y : new float[][] {t, u}) {
            for (float v : y) {
                assertTrue(Float.isFinite(v), java.util.Arrays.toString(y));
            }
        }
    }
}
