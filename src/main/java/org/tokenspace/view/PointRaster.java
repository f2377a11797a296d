package org.tokenspace.view;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The rasterizing core of the point view, free of JavaFX: projects every point with a {@link Camera.Frame} and splats
 * it into an ARGB {@code int[]} with a depth buffer, so near points cover far ones. Points are split over the
 * worker threads, each with its own depth and index buffers, merged per pixel (nearest wins, lower thread on ties:
 * the same picture every time). Depth cues: near points are larger and brighter. Highlighted points are drawn last,
 * larger and bright, on top. After {@link #render} every pixel knows which point it shows ({@link #pick}).
 */
public final class PointRaster {
    private static final int THREADS = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, THREADS - 1), r -> {
        Thread t = new Thread(r, "point-raster");
        t.setDaemon(true);
        return t;
    });

    private final Palette palette = new Palette();
    private float[] xyz = new float[0]; // [n, 3] row-major
    private int count;
    private byte[] classes = new byte[0]; // palette class per point
    private int[] highlighted = new int[0];
    private int selected = -1;
    private int pointSize = 2;
    private double extent = 1;

    private int width;
    private int height;
    private int[] argb = new int[0];
    private final int[][] index = new int[THREADS][];
    private final float[][] depth = new float[THREADS][];

    public PointRaster() {
        resize(1, 1);
    }

    /**
     * The points: {@code xyz} row-major {@code [count, 3]}. Each point's hue follows its third coordinate; the base
     * splat size is 2 pixels up to 200,000 points, 1 above.
     */
    public void setPoints(float[] xyz, int count) {
        if (xyz.length < 3L * count) {
            throw new IllegalArgumentException("need " + 3L * count + " coordinates, got " + xyz.length);
        }
        this.xyz = xyz;
        this.count = count;
        this.pointSize = count > 200_000 ? 1 : 2;
        this.classes = new byte[count];
        double[] stats = Spread.of(xyz, count);
        double sz = stats[5];
        double mz = stats[2];
        for (int i = 0; i < count; i++) {
            // ±2 standard deviations of the third coordinate span the hue ramp
            double t = sz > 0 ? (xyz[3 * i + 2] - mz) / (4 * sz) + 0.5 : 0.5;
            classes[i] = (byte) Math.max(0, Math.min(Palette.CLASSES - 1, (int) (t * Palette.CLASSES)));
        }
        this.extent = stats[6];
        this.highlighted = new int[0];
        this.selected = -1;
    }

    public int count() {
        return count;
    }

    /** The cloud's extent (3 standard deviations of its widest coordinate), the radius the grid covers. */
    public double extent() {
        return extent;
    }

    /** Points drawn bright and on top (e.g. search matches). */
    public void setHighlighted(int[] indices) {
        highlighted = indices.clone();
    }

    /** The selected point, drawn brightest; -1 for none. */
    public void setSelected(int index) {
        selected = index;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Resizes the buffers (contents undefined until the next {@link #render}). */
    public void resize(int w, int h) {
        if (w == width && h == height) {
            return;
        }
        width = Math.max(1, w);
        height = Math.max(1, h);
        argb = new int[width * height];
        for (int t = 0; t < THREADS; t++) {
            index[t] = new int[width * height];
            depth[t] = new float[width * height];
        }
    }

    /** The picture: opaque ARGB, row-major {@code [height, width]}; the same array across renders until a resize. */
    public int[] pixels() {
        return argb;
    }

    /** Draws one frame. */
    public void render(Camera.Frame f) {
        if (f.width != width || f.height != height) {
            throw new IllegalArgumentException("frame " + f.width + "x" + f.height + " on a " + width + "x" + height
                    + " raster");
        }
        int parts = count < 20_000 ? 1 : THREADS;
        parallel(parts, t -> {
            Arrays.fill(index[t], -1);
            Arrays.fill(depth[t], Float.POSITIVE_INFINITY);
            splat(f, t, (int) ((long) count * t / parts), (int) ((long) count * (t + 1) / parts));
        });
        Arrays.fill(argb, Palette.BACKGROUND);
        Grid.draw(argb, f, extent);
        parallel(THREADS, t -> shade(f, parts, height * t / THREADS, height * (t + 1) / THREADS));
        for (int i : highlighted) {
            overdraw(f, i, pointSize + 2, Palette.HIGHLIGHT);
        }
        if (selected >= 0 && selected < count) {
            overdraw(f, selected, pointSize + 3, Palette.SELECTED);
        }
    }

    /** Splats points {@code [from, to)} into worker {@code t}'s depth and index buffers. */
    private void splat(Camera.Frame f, int t, int from, int to) {
        final int[] idx = index[t];
        final float[] dep = depth[t];
        final int w = width;
        final int h = height;
        final float[] p = xyz;
        final boolean persp = f.perspective;
        final boolean flat = f.flat;
        final float eye = (float) Camera.EYE;
        final float near = eye - 0.35f;
        final float far = eye + 0.35f;
        final int base = pointSize;
        for (int i = from; i < to; i++) {
            float x = p[3 * i];
            float y = p[3 * i + 1];
            float z = p[3 * i + 2];
            float qx = f.m00 * x + f.m01 * y + f.m02 * z + f.t0;
            float qy = f.m10 * x + f.m11 * y + f.m12 * z + f.t1;
            float d = flat ? eye : eye - (f.m20 * x + f.m21 * y + f.m22 * z + f.t2);
            if (d <= 0.05f) {
                continue;
            }
            float k = persp ? f.scale * eye / d : f.scale;
            int size = flat ? base : d < near ? base + 1 : d > far && base > 1 ? base - 1 : base;
            float half = size * 0.5f;
            int x0 = (int) (f.originX + k * qx - half + 65536f) - 65536;
            int y0 = (int) (f.originY - k * qy - half + 65536f) - 65536;
            int x1 = Math.min(w, x0 + size);
            int y1 = Math.min(h, y0 + size);
            if (x0 < 0) {
                x0 = 0;
            }
            if (y0 < 0) {
                y0 = 0;
            }
            for (int yy = y0; yy < y1; yy++) {
                int row = yy * w;
                for (int xx = x0; xx < x1; xx++) {
                    int at = row + xx;
                    if (d < dep[at]) {
                        dep[at] = d;
                        idx[at] = i;
                    }
                }
            }
        }
    }

    /** Merges the workers' buffers into worker 0's for rows {@code [y0, y1)} and colors those rows. */
    private void shade(Camera.Frame f, int parts, int y0, int y1) {
        final int[] idx0 = index[0];
        final float[] dep0 = depth[0];
        final int[] lut = palette.shades();
        final byte[] cls = classes;
        final float nearest = (float) Camera.EYE - 1;
        final float levelsPerUnit = Palette.LEVELS / 2f;
        final int flatLevel = 2;
        for (int at = y0 * width, end = y1 * width; at < end; at++) {
            for (int t = 1; t < parts; t++) {
                if (depth[t][at] < dep0[at]) {
                    dep0[at] = depth[t][at];
                    idx0[at] = index[t][at];
                }
            }
            int i = idx0[at];
            if (i >= 0) {
                int level = f.flat ? flatLevel : (int) ((dep0[at] - nearest) * levelsPerUnit);
                level = level < 0 ? 0 : level >= Palette.LEVELS ? Palette.LEVELS - 1 : level;
                argb[at] = lut[cls[i] * Palette.LEVELS + level];
            }
        }
    }

    /** Draws point {@code i} as a {@code size x size} square in {@code color}, on top of everything. */
    private void overdraw(Camera.Frame f, int i, int size, int color) {
        double[] s = new double[3];
        if (i < 0 || i >= count || !f.project(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], s)) {
            return;
        }
        int x0 = (int) Math.floor(s[0] - size / 2.0);
        int y0 = (int) Math.floor(s[1] - size / 2.0);
        for (int y = Math.max(0, y0); y < Math.min(height, y0 + size); y++) {
            for (int x = Math.max(0, x0); x < Math.min(width, x0 + size); x++) {
                argb[y * width + x] = color;
                index[0][y * width + x] = i;
                depth[0][y * width + x] = 0;
            }
        }
    }

    /** The point drawn nearest to pixel {@code (x, y)} within {@code radius} pixels, or -1. */
    public int pick(double x, double y, int radius) {
        int cx = (int) Math.floor(x);
        int cy = (int) Math.floor(y);
        int best = -1;
        long bestDist = Long.MAX_VALUE;
        for (int yy = Math.max(0, cy - radius); yy <= Math.min(height - 1, cy + radius); yy++) {
            for (int xx = Math.max(0, cx - radius); xx <= Math.min(width - 1, cx + radius); xx++) {
                int i = index[0][yy * width + xx];
                long dist = (long) (xx - cx) * (xx - cx) + (long) (yy - cy) * (yy - cy);
                if (i >= 0 && dist <= (long) radius * radius && dist < bestDist) {
                    best = i;
                    bestDist = dist;
                }
            }
        }
        return best;
    }

    /** Runs {@code task(0 .. parts-1)}, part 0 on the calling thread. */
    private static void parallel(int parts, java.util.function.IntConsumer task) {
        if (parts == 1) {
            task.accept(0);
            return;
        }
        Future<?>[] futures = new Future<?>[parts - 1];
        for (int t = 1; t < parts; t++) {
            int part = t;
            futures[t - 1] = POOL.submit(() -> task.accept(part));
        }
        task.accept(0);
        for (Future<?> fu : futures) {
            try {
                fu.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("rendering interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("rendering failed", e.getCause());
            }
        }
    }
}
