package org.tokenspace.view;

import javafx.scene.paint.Color;

/** A bright marked point drawn over the cloud, with an optional label (null for none). */
public record Marker(Vec3 at, Color color, String label) {
}
