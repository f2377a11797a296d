package org.tokenspace.view;

/** A point in the view's coordinates (the projected axes: x = PC1, y = PC2, z = PC3). */
public record Vec3(double x, double y, double z) {
    public static final Vec3 ORIGIN = new Vec3(0, 0, 0);

    /** The first three values of {@code v} (a missing third is 0, as in 2-D). */
    public static Vec3 of(float[] v) {
        return new Vec3(v.length > 0 ? v[0] : 0, v.length > 1 ? v[1] : 0, v.length > 2 ? v[2] : 0);
    }

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }
}
