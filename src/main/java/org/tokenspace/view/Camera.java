package org.tokenspace.view;

/**
 * The view's own camera: orbit (yaw, pitch) around a center, zoom, pan, and one of three projections. A data point
 * {@code p} goes to {@code q = R (p - center) / radius} (the cloud fits in a unit ball), then to the screen:
 * {@code sx = w/2 + panX + s f q.x}, {@code sy = h/2 + panY - s f q.y} with {@code s = zoom · 0.36 · min(w, h)} and
 * {@code f = EYE / depth} in perspective, 1 otherwise; {@code depth = EYE - q.z} (larger is farther).
 *
 * <p>Mutable, single-threaded: the renderer reads a {@link Frame}, a frozen copy.
 */
public final class Camera {
    /** Distance of the eye from the center, in cloud radii. */
    static final double EYE = 3.2;
    private static final double MAX_PITCH = Math.toRadians(89);

    private ViewMode mode = ViewMode.PERSPECTIVE;
    private double yaw = Math.toRadians(-35);
    private double pitch = Math.toRadians(22);
    private double zoom = 1;
    private double panX;
    private double panY;
    private double cx;
    private double cy;
    private double cz;
    private double radius = 1;

    public ViewMode mode() {
        return mode;
    }

    public void setMode(ViewMode mode) {
        this.mode = mode;
    }

    /** Centers the camera on {@code (x, y, z)} with the cloud's radius, so that the cloud fills the view. */
    public void lookAt(double x, double y, double z, double radius) {
        this.cx = x;
        this.cy = y;
        this.cz = z;
        this.radius = radius > 0 ? radius : 1;
    }

    public double radius() {
        return radius;
    }

    /** Rotates the orbit by screen-pixel drags. */
    public void orbit(double dxPixels, double dyPixels) {
        yaw += dxPixels * 0.01;
        pitch = Math.max(-MAX_PITCH, Math.min(MAX_PITCH, pitch + dyPixels * 0.01));
    }

    public void setAngles(double yawRadians, double pitchRadians) {
        yaw = yawRadians;
        pitch = Math.max(-MAX_PITCH, Math.min(MAX_PITCH, pitchRadians));
    }

    public double yaw() {
        return yaw;
    }

    public double pitch() {
        return pitch;
    }

    /** Multiplies the zoom by {@code factor}, keeping it within 0.05 to 200. */
    public void zoomBy(double factor) {
        zoom = Math.max(0.05, Math.min(200, zoom * factor));
    }

    public double zoom() {
        return zoom;
    }

    public void pan(double dxPixels, double dyPixels) {
        panX += dxPixels;
        panY += dyPixels;
    }

    /** Back to the default angles, zoom and pan. */
    public void reset() {
        yaw = Math.toRadians(-35);
        pitch = Math.toRadians(22);
        zoom = 1;
        panX = 0;
        panY = 0;
    }

    /** The projection for a {@code width x height} viewport, frozen. */
    public Frame frame(int width, int height) {
        boolean flat = mode == ViewMode.FLAT_2D;
        double cyw = Math.cos(flat ? 0 : yaw);
        double syw = Math.sin(flat ? 0 : yaw);
        double cp = Math.cos(flat ? 0 : pitch);
        double sp = Math.sin(flat ? 0 : pitch);
        // R = Rx(pitch) · Ry(yaw), divided by the radius
        double inv = 1 / radius;
        double[] m = {
            cyw * inv, 0, syw * inv,
            sp * syw * inv, cp * inv, -sp * cyw * inv,
            -cp * syw * inv, sp * inv, cp * cyw * inv};
        double[] t = {
            -(m[0] * cx + m[1] * cy + m[2] * cz),
            -(m[3] * cx + m[4] * cy + m[5] * cz),
            -(m[6] * cx + m[7] * cy + m[8] * cz)};
        double scale = zoom * 0.36 * Math.min(width, height);
        return new Frame(width, height, mode, m, t, scale, width / 2.0 + panX, height / 2.0 + panY);
    }

    /** One frozen projection. */
    public static final class Frame {
        public final int width;
        public final int height;
        public final ViewMode mode;
        final float m00, m01, m02, m10, m11, m12, m20, m21, m22;
        final float t0, t1, t2;
        final float scale;
        final float originX;
        final float originY;
        final boolean perspective;
        final boolean flat;

        Frame(int width, int height, ViewMode mode, double[] m, double[] t, double scale, double ox, double oy) {
            this.width = width;
            this.height = height;
            this.mode = mode;
            m00 = (float) m[0];
            m01 = (float) m[1];
            m02 = (float) m[2];
            m10 = (float) m[3];
            m11 = (float) m[4];
            m12 = (float) m[5];
            m20 = (float) m[6];
            m21 = (float) m[7];
            m22 = (float) m[8];
            t0 = (float) t[0];
            t1 = (float) t[1];
            t2 = (float) t[2];
            this.scale = (float) scale;
            originX = (float) ox;
            originY = (float) oy;
            perspective = mode == ViewMode.PERSPECTIVE;
            flat = mode == ViewMode.FLAT_2D;
        }

        /**
         * Projects a data point: {@code out = {screenX, screenY, depth}}; depth is {@code EYE - q.z} (in 2D always
         * EYE). Returns false when the point is behind the eye.
         */
        public boolean project(double x, double y, double z, double[] out) {
            double qx = m00 * x + m01 * y + m02 * z + t0;
            double qy = m10 * x + m11 * y + m12 * z + t1;
            double depth = flat ? EYE : EYE - (m20 * x + m21 * y + m22 * z + t2);
            double f = perspective ? EYE / depth : 1;
            out[0] = originX + scale * f * qx;
            out[1] = originY - scale * f * qy;
            out[2] = depth;
            return depth > 0.05;
        }

        /** Screen pixels per data unit at the center depth. */
        public double pixelsPerUnit() {
            return scale * Math.sqrt(m00 * m00 + m01 * m01 + m02 * m02);
        }
    }
}
