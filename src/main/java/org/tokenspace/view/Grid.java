package org.tokenspace.view;

/**
 * Grid lines for the background: in 3-D a floor under the cloud (the x-z plane at {@code y = -extent}), in 2-D the
 * x-y plane covering the viewport. Steps are "nice" numbers (1, 2 or 5 times a power of ten).
 */
final class Grid {
    private Grid() {
    }

    /** The nice step nearest above {@code span / lines}. */
    static double niceStep(double span, int lines) {
        double raw = span / Math.max(1, lines);
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    /** The visible data range {@code {xMin, xMax, yMin, yMax}} of a flat frame. */
    static double[] visibleRange(Camera.Frame f) {
        double ux = f.scale * f.m00;
        double uy = f.scale * f.m11;
        double x0 = (0 - f.originX) / ux - f.t0 / f.m00;
        double x1 = (f.width - f.originX) / ux - f.t0 / f.m00;
        double y0 = (f.originY - f.height) / uy - f.t1 / f.m11;
        double y1 = f.originY / uy - f.t1 / f.m11;
        return new double[] {x0, x1, y0, y1};
    }

    /** Draws the grid into {@code pixels} ({@code width x height}), already cleared to the background. */
    static void draw(int[] pixels, Camera.Frame f, double extent) {
        double[] a = new double[3];
        double[] b = new double[3];
        if (f.flat) {
            double[] r = visibleRange(f);
            double step = niceStep(Math.max(r[1] - r[0], r[3] - r[2]), 10);
            for (double x = Math.ceil(r[0] / step) * step; x <= r[1]; x += step) {
                f.project(x, r[2], 0, a);
                f.project(x, r[3], 0, b);
                line(pixels, f, a, b, isMajor(x, step) ? Palette.GRID_MAJOR : Palette.GRID);
            }
            for (double y = Math.ceil(r[2] / step) * step; y <= r[3]; y += step) {
                f.project(r[0], y, 0, a);
                f.project(r[1], y, 0, b);
                line(pixels, f, a, b, isMajor(y, step) ? Palette.GRID_MAJOR : Palette.GRID);
            }
            return;
        }
        double step = niceStep(extent, 4);
        double lim = Math.ceil(extent / step) * step;
        double floor = -lim;
        for (double v = -lim; v <= lim + step / 2; v += step) {
            int color = isMajor(v, step) ? Palette.GRID_MAJOR : Palette.GRID;
            if (f.project(v, floor, -lim, a) & f.project(v, floor, lim, b)) {
                line(pixels, f, a, b, color);
            }
            if (f.project(-lim, floor, v, a) & f.project(lim, floor, v, b)) {
                line(pixels, f, a, b, color);
            }
        }
    }

    private static boolean isMajor(double v, double step) {
        return Math.abs(v) < step / 2;
    }

    /** A one-pixel line (DDA), clipped to the viewport. */
    static void line(int[] pixels, Camera.Frame f, double[] a, double[] b, int color) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        int steps = (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)));
        if (steps > 20000) {
            steps = 20000;
        }
        for (int i = 0; i <= steps; i++) {
            double t = steps == 0 ? 0 : (double) i / steps;
            int x = (int) Math.floor(a[0] + dx * t);
            int y = (int) Math.floor(a[1] + dy * t);
            if (x >= 0 && y >= 0 && x < f.width && y < f.height) {
                pixels[y * f.width + x] = color;
            }
        }
    }
}
