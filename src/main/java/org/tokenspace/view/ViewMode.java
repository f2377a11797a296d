package org.tokenspace.view;

/** How the point view projects its 3-D coordinates onto the screen. */
public enum ViewMode {
    /** Orbiting camera with perspective: near points larger and brighter. */
    PERSPECTIVE,
    /** Orbiting camera, parallel projection (no foreshortening); depth still shades. */
    ORTHOGRAPHIC,
    /** The first two coordinates as a flat chart: x right, y up; the third is ignored. */
    FLAT_2D
}
