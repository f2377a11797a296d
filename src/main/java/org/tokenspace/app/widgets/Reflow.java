package org.tokenspace.app.widgets;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tokenspace.view.FontScale;

import java.util.List;

/**
 * Children side by side when there is room, else one above the other: a stage's parts reflow on a projector's
 * 1024-pixel width instead of being cut. Side by side, children that {@link HBox#setHgrow grow} share the spare
 * width; stacked, each takes the whole width and those that {@link VBox#setVgrow grow} share the spare height.
 * The width at which it switches follows the window's zoom.
 */
public final class Reflow extends Pane {
    private final double wideAt;
    private final double gap;
    private final FontScale scale;

    /**
     * @param wideAt the width (at zoom 1) from which the children stand side by side
     * @param gap    the space between two children (at zoom 1)
     */
    public Reflow(double wideAt, double gap, Node... children) {
        this.wideAt = wideAt;
        this.gap = gap;
        getChildren().addAll(children);
        scale = new FontScale(getChildren(), this::requestLayout);
    }

    /** True when the children stand side by side at {@code width}. */
    public boolean isWide(double width) {
        return width >= wideAt * scale.get();
    }

    private List<Node> parts() {
        return getManagedChildren();
    }

    private double gaps() {
        return gap * scale.get() * Math.max(0, parts().size() - 1);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return inset(parts().stream().mapToDouble(n -> n.minWidth(-1)).max().orElse(0), true);
    }

    @Override
    protected double computePrefWidth(double height) {
        return inset(parts().stream().mapToDouble(n -> n.prefWidth(-1)).sum() + gaps(), true);
    }

    @Override
    protected double computeMinHeight(double width) {
        return height(width, true);
    }

    @Override
    protected double computePrefHeight(double width) {
        return height(width, false);
    }

    private double height(double width, boolean min) {
        double w = width < 0 ? prefWidth(-1) : width - getInsets().getLeft() - getInsets().getRight();
        if (isWide(w)) {
            double[] widths = widths(w);
            double h = 0;
            for (int i = 0; i < parts().size(); i++) {
                Node n = parts().get(i);
                h = Math.max(h, min ? n.minHeight(widths[i]) : n.prefHeight(widths[i]));
            }
            return inset(h, false);
        }
        double h = gaps();
        for (Node n : parts()) {
            h += min ? n.minHeight(w) : n.prefHeight(w);
        }
        return inset(h, false);
    }

    private double inset(double v, boolean horizontal) {
        return v + (horizontal ? getInsets().getLeft() + getInsets().getRight()
                : getInsets().getTop() + getInsets().getBottom());
    }

    /** Side by side: pref widths, the spare given to growing children (or taken from all, down to their minimum). */
    private double[] widths(double w) {
        List<Node> parts = parts();
        double[] out = new double[parts.size()];
        double sum = gaps();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(parts.get(i).minWidth(-1), parts.get(i).prefWidth(-1));
            sum += out[i];
        }
        double spare = w - sum;
        if (spare > 0) {
            long growing = parts.stream().filter(n -> HBox.getHgrow(n) == Priority.ALWAYS).count();
            for (int i = 0; i < out.length; i++) {
                if (growing == 0 || HBox.getHgrow(parts.get(i)) == Priority.ALWAYS) {
                    out[i] += spare / (growing == 0 ? out.length : growing);
                }
            }
        } else if (spare < 0) {
            double shrinkable = 0;
            for (int i = 0; i < out.length; i++) {
                shrinkable += out[i] - parts.get(i).minWidth(-1);
            }
            double f = shrinkable <= 0 ? 0 : Math.min(1, -spare / shrinkable);
            for (int i = 0; i < out.length; i++) {
                out[i] -= (out[i] - parts.get(i).minWidth(-1)) * f;
            }
        }
        return out;
    }

    @Override
    protected void layoutChildren() {
        double left = getInsets().getLeft();
        double top = getInsets().getTop();
        double w = getWidth() - left - getInsets().getRight();
        double h = getHeight() - top - getInsets().getBottom();
        double g = gap * scale.get();
        List<Node> parts = parts();
        if (isWide(w)) {
            double[] widths = widths(w);
            double x = left;
            for (int i = 0; i < parts.size(); i++) {
                parts.get(i).resizeRelocate(x, top, widths[i], h);
                x += widths[i] + g;
            }
            return;
        }
        double[] heights = new double[parts.size()];
        double sum = gaps();
        long growing = parts.stream().filter(n -> VBox.getVgrow(n) == Priority.ALWAYS).count();
        for (int i = 0; i < heights.length; i++) {
            heights[i] = parts.get(i).prefHeight(w);
            sum += heights[i];
        }
        double spare = Math.max(0, h - sum);
        double y = top;
        for (int i = 0; i < parts.size(); i++) {
            Node n = parts.get(i);
            double extra = growing > 0 && VBox.getVgrow(n) == Priority.ALWAYS ? spare / growing : 0;
            n.resizeRelocate(left, y, w, heights[i] + extra);
            y += heights[i] + extra + g;
        }
    }
}
