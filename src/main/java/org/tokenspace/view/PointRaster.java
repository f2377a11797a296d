package org.tokenspace.view;

import java.util.Arrays;

/**
 * The rasterizing core of the point view, free of JavaFX: projects every point with a {@link Camera.Frame} and splats
 * it into an ARGB {@code int[]} with a depth buffer, so near points cover far ones. Depth and point index share one
 * {@code long} per pixel ({@code depth bits << 32 | index}: positive floats order as their bits do, so the smaller
 * key is the nearer point, then the lower index): one branch-free {@code min} per pixel. Points are split over the
 * worker threads, each with its own key buffer, merged per pixel: the same picture every time. Depth cues: near points are larger and brighter. Highlighted points are drawn last,
 * larger and bright, on top. After {@link #render} every pixel knows which point it shows ({@link #pick}).
 */
public final class PointRaster {
    private static final int THREADS = Workers.MAX;
    /** An empty pixel's key: larger than any depth's. */
    private static final long EMPTY = Long.MAX_VALUE;

    private final Palette palette = new Palette();
    private float[] xyz = new float[0];    // [n, 3] row-major, as given
    private float[] xs = new float[0];     // [n] in Morton order
    private float[] ys = new float[0];
    private float[] zs = new float[0];
    private int[] order = new int[0];      // Morton position -> point index
    private int[] positionOf = new int[0]; // point index -> Morton position
    private int count;
    private byte[] classes = new byte[0]; // palette class per Morton position
    private int[] highlighted = new int[0];
    private int selected = -1;
    private int pointSize = 2;
    private double extent = 1;

    private int width;
    private int height;
    private int[] argb = new int[0];
    private final int threads;
    private final long[][] keys; // per worker: [height * width] depth bits << 32 | point index

    /** A raster using every core (at most 8). */
    public PointRaster() {
        this(THREADS);
    }

    /** A raster drawing with {@code threads} threads (1 to the number of cores, at most 8). */
    public PointRaster(int threads) {
        this.threads = Math.max(1, Math.min(THREADS, threads));
        this.keys = new long[this.threads][];
        resize(1, 1);
    }

    public int threads() {
        return threads;
    }

    /**
     * The points: {@code xyz} row-major {@code [count, 3]}. Each point's hue follows its third coordinate; the base
     * splat size is 4 pixels up to 2,000 points, 3 up to 20,000, 2 up to 200,000, 1 above. The raster keeps its own copy in Morton (Z-curve) order
     * of the 3-D positions: points drawn one after another lie close on the screen from any angle, so the depth
     * buffer stays in cache.
     */
    public void setPoints(float[] xyz, int count) {
        if (xyz.length < 3L * count) {
            throw new IllegalArgumentException("need " + 3L * count + " coordinates, got " + xyz.length);
        }
        this.xyz = xyz;
        this.count = count;
        this.pointSize = count > 200_000 ? 1 : count > 20_000 ? 2 : count > 2_000 ? 3 : 4; // few points: visible ones
        double[] stats = Spread.of(xyz, count);
        this.extent = stats[6];
        this.order = MortonOrder.of(xyz, count, stats);
        this.positionOf = new int[count];
        this.xs = new float[count];
        this.ys = new float[count];
        this.zs = new float[count];
        this.classes = new byte[count];
        double sz = stats[5];
        double mz = stats[2];
        for (int p = 0; p < count; p++) {
            int i = order[p];
            positionOf[i] = p;
            xs[p] = xyz[3 * i];
            ys[p] = xyz[3 * i + 1];
            zs[p] = xyz[3 * i + 2];
            // ±2 standard deviations of the third coordinate span the hue ramp
            double t = sz > 0 ? (xyz[3 * i + 2] - mz) / (4 * sz) + 0.5 : 0.5;
            classes[p] = (byte) Math.max(0, Math.min(Palette.CLASSES - 1, (int) (t * Palette.CLASSES)));
        }
        this.highlighted = new int[0];
        this.selected = -1;
    }

    /**
     * New positions for the same points (e.g. a table being trained): the drawing order of the last
     * {@link #setPoints} is kept (it only keeps neighbouring splats close in memory), so no sort is needed.
     */
    public void movePoints(float[] xyz) {
        if (xyz.length < 3L * count || order == null) {
            throw new IllegalArgumentException("need " + 3L * count + " coordinates, got " + xyz.length);
        }
        this.xyz = xyz;
        double[] stats = Spread.of(xyz, count);
        this.extent = stats[6];
        double sz = stats[5];
        double mz = stats[2];
        for (int p = 0; p < count; p++) {
            int i = order[p];
            xs[p] = xyz[3 * i];
            ys[p] = xyz[3 * i + 1];
            zs[p] = xyz[3 * i + 2];
            double t = sz > 0 ? (xyz[3 * i + 2] - mz) / (4 * sz) + 0.5 : 0.5;
            classes[p] = (byte) Math.max(0, Math.min(Palette.CLASSES - 1, (int) (t * Palette.CLASSES)));
        }
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
        for (int t = 0; t < threads; t++) {
            keys[t] = new long[width * height];
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
        int parts = count < 20_000 ? 1 : threads;
        Workers.run(parts, t -> {
            Arrays.fill(keys[t], EMPTY);
            splat(f, t, (int) ((long) count * t / parts), (int) ((long) count * (t + 1) / parts));
        });
        Arrays.fill(argb, Palette.BACKGROUND);
        Grid.draw(argb, f, extent);
        Workers.run(threads, t -> shade(f, parts, height * t / threads, height * (t + 1) / threads));
        for (int i : highlighted) {
            overdraw(f, i, pointSize + 2, Palette.HIGHLIGHT);
        }
        if (selected >= 0 && selected < count) {
            overdraw(f, selected, pointSize + 3, Palette.SELECTED);
        }
    }

    /** Points projected a chunk at a time: straight-line float loops over arrays, which the JIT vectorizes. */
    private static final int CHUNK = 2048;

    /**
     * Splats points at Morton positions {@code [from, to)} into worker {@code t}'s key buffer: per chunk, one pass
     * projects (screen x, screen y, depth), a second writes the keys.
     */
    private void splat(Camera.Frame f, int t, int from, int to) {
        final long[] key = keys[t];
        final int w = width;
        final int h = height;
        final float eye = (float) Camera.EYE;
        final float near = eye - 0.35f;
        final float far = eye + 0.35f;
        final int base = pointSize;
        final boolean flat = f.flat;
        final boolean sized = !flat;
        final float m00 = f.m00, m01 = f.m01, m02 = f.m02, m10 = f.m10, m11 = f.m11, m12 = f.m12;
        final float m20 = f.m20, m21 = f.m21, m22 = f.m22, t0 = f.t0, t1 = f.t1, t2 = flat ? 0 : f.t2;
        final float zw = flat ? 0 : 1;
        final float scale = f.scale;
        final float scaleEye = f.perspective ? f.scale * eye : 0;
        final float ox = f.originX + 65536f; // + 65536: truncation rounds down for points a little off-screen
        final float oy = f.originY + 65536f;
        final float[] sx = new float[CHUNK];
        final float[] sy = new float[CHUNK];
        final float[] sd = new float[CHUNK];
        final float[] cx = new float[CHUNK];
        final float[] cy = new float[CHUNK];
        final float[] cz = new float[CHUNK];
        for (int c0 = from; c0 < to; c0 += CHUNK) {
            final int n = Math.min(CHUNK, to - c0);
            // copies at index 0, so that each loop reads and writes the same index: the JIT then vectorizes it
            System.arraycopy(xs, c0, cx, 0, n);
            System.arraycopy(ys, c0, cy, 0, n);
            System.arraycopy(zs, c0, cz, 0, n);
            if (f.perspective) {
                for (int j = 0; j < n; j++) {
                    float x = cx[j];
                    float y = cy[j];
                    float z = cz[j];
                    float d = eye - (m20 * x + m21 * y + m22 * z + t2);
                    float k = scaleEye / d;
                    sx[j] = ox + k * (m00 * x + m01 * y + m02 * z + t0);
                    sy[j] = oy - k * (m10 * x + m11 * y + m12 * z + t1);
                    sd[j] = d;
                }
            } else {
                for (int j = 0; j < n; j++) {
                    float x = cx[j];
                    float y = cy[j];
                    float z = cz[j];
                    sd[j] = eye - zw * (m20 * x + m21 * y + m22 * z + t2);
                    sx[j] = ox + scale * (m00 * x + m01 * y + m02 * z + t0);
                    sy[j] = oy - scale * (m10 * x + m11 * y + m12 * z + t1);
                }
            }
            for (int j = 0; j < n; j++) {
                float d = sd[j];
                if (d <= 0.05f) {
                    continue;
                }
                int size = sized ? (d < near ? base + 1 : d > far && base > 1 ? base - 1 : base) : base;
                float half = size * 0.5f;
                long k0 = ((long) Float.floatToRawIntBits(d) << 32) | (c0 + j);
                int x0 = (int) (sx[j] - half) - 65536;
                int y0 = (int) (sy[j] - half) - 65536;
                if (x0 >= 0 && y0 >= 0 && x0 + size <= w && y0 + size <= h) {
                    int at = y0 * w + x0;
                    if (size == 1) {
                        key[at] = Math.min(k0, key[at]);
                        continue;
                    }
                    if (size == 2) {
                        key[at] = Math.min(k0, key[at]);
                        key[at + 1] = Math.min(k0, key[at + 1]);
                        key[at + w] = Math.min(k0, key[at + w]);
                        key[at + w + 1] = Math.min(k0, key[at + w + 1]);
                        continue;
                    }
                }
                int x1 = Math.min(w, x0 + size);
                int y1 = Math.min(h, y0 + size);
                for (int yy = Math.max(0, y0); yy < y1; yy++) {
                    int row = yy * w;
                    for (int xx = Math.max(0, x0); xx < x1; xx++) {
                        key[row + xx] = Math.min(k0, key[row + xx]);
                    }
                }
            }
        }
    }

    /** Merges the workers' buffers into worker 0's for rows {@code [y0, y1)} and colors those rows. */
    private void shade(Camera.Frame f, int parts, int y0, int y1) {
        final long[] key0 = keys[0];
        final int[] lut = palette.shades();
        final byte[] cls = classes;
        final float nearest = (float) Camera.EYE - 1;
        final float levelsPerUnit = Palette.LEVELS / 2f;
        final int flatLevel = 2;
        for (int at = y0 * width, end = y1 * width; at < end; at++) {
            long k = key0[at];
            for (int t = 1; t < parts; t++) {
                if (keys[t][at] < k) {
                    k = keys[t][at];
                }
            }
            key0[at] = k;
            if (k != EMPTY) {
                int i = (int) k;
                float d = Float.intBitsToFloat((int) (k >>> 32));
                int level = f.flat ? flatLevel : (int) ((d - nearest) * levelsPerUnit);
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
                keys[0][y * width + x] = positionOf[i]; // depth 0: in front of everything
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
                long k = keys[0][yy * width + xx];
                int i = k == EMPTY ? -1 : order[(int) k];
                long dist = (long) (xx - cx) * (xx - cx) + (long) (yy - cy) * (yy - cy);
                if (i >= 0 && dist <= (long) radius * radius && dist < bestDist) {
                    best = i;
                    bestDist = dist;
                }
            }
        }
        return best;
    }
}
