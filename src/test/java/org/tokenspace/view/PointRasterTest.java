package org.tokenspace.view;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The rasterizing core without JavaFX. */
class PointRasterTest {
    private static Camera.Frame flat(PointRaster r, Camera c) {
        c.setMode(ViewMode.FLAT_2D);
        c.lookAt(0, 0, 0, 1);
        return c.frame(r.width(), r.height());
    }

    @Test
    void flatModePutsXRightAndYUp() {
        PointRaster r = new PointRaster();
        r.resize(200, 100);
        Camera c = new Camera();
        Camera.Frame f = flat(r, c);
        double[] s = new double[3];
        f.project(1, 0, 5, s);
        assertEquals(100 + 0.36 * 100, s[0], 1e-4, "x right, z ignored");
        assertEquals(50, s[1], 1e-4);
        f.project(0, 1, -5, s);
        assertEquals(100, s[0], 1e-4);
        assertEquals(50 - 0.36 * 100, s[1], 1e-4, "y up");
    }

    @Test
    void aPointCoversItsPixelsAndCanBePicked() {
        PointRaster r = new PointRaster();
        r.setPoints(new float[] {0, 0, 0, 1, 0, 0}, 2);
        r.resize(200, 100);
        Camera c = new Camera();
        r.render(flat(r, c));
        int[] px = r.pixels();
        assertNotEquals(Palette.BACKGROUND, px[50 * 200 + 100], "point 0 at the center");
        assertEquals(0, r.pick(100, 50, 3));
        assertEquals(1, r.pick(100 + 36, 51, 3));
        assertEquals(-1, r.pick(20, 20, 3));
    }

    @Test
    void nearPointsCoverFarOnes() {
        PointRaster r = new PointRaster();
        // same x and y, z toward the eye (+z) is nearer with no rotation
        r.setPoints(new float[] {0, 0, -0.5f, 0, 0, 0.5f}, 2);
        r.resize(200, 200);
        Camera c = new Camera();
        c.setMode(ViewMode.ORTHOGRAPHIC);
        c.setAngles(0, 0);
        c.lookAt(0, 0, 0, 1);
        r.render(c.frame(200, 200));
        assertEquals(1, r.pick(100, 100, 0));
    }

    @Test
    void highlightedAndSelectedPointsAreDrawnOnTop() {
        PointRaster r = new PointRaster();
        r.setPoints(new float[] {0, 0, 0, 0.01f, 0, 0, -0.5f, 0.5f, 0}, 3);
        r.resize(200, 100);
        Camera c = new Camera();
        r.setHighlighted(new int[] {0});
        r.setSelected(2);
        r.render(flat(r, c));
        double[] s = new double[3];
        Camera.Frame f = c.frame(200, 100);
        f.project(0, 0, 0, s);
        assertEquals(Palette.HIGHLIGHT, r.pixels()[(int) s[1] * 200 + (int) s[0]]);
        f.project(-0.5, 0.5, 0, s);
        assertEquals(Palette.SELECTED, r.pixels()[(int) s[1] * 200 + (int) s[0]]);
    }

    @Test
    void aLargeCloudDrawsTheSamePictureEveryTime() {
        int n = 300_000;
        float[] xyz = new float[3 * n];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        PointRaster r = new PointRaster();
        r.setPoints(xyz, n);
        r.resize(320, 240);
        Camera c = new Camera();
        c.lookAt(0, 0, 0, 1);
        r.render(c.frame(320, 240));
        int[] first = r.pixels().clone();
        r.render(c.frame(320, 240));
        assertArrayEquals(first, r.pixels());
    }
}
