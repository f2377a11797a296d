package org.tokenspace.view;

import javafx.scene.paint.Color;

/** A line linking two points over the cloud (e.g. a token and its neighbour). */
public record Segment(Vec3 a, Vec3 b, Color color) {
}
