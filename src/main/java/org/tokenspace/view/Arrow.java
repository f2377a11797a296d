package org.tokenspace.view;

import javafx.scene.paint.Color;

/** An arrow drawn over the cloud from one point to another, with an optional label at its middle (null for none). */
public record Arrow(Vec3 from, Vec3 to, Color color, String label) {
}
