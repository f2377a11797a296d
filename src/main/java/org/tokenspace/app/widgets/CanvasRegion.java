package org.tokenspace.app.widgets;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import org.tokenspace.view.FontScale;

/** A region drawn on one canvas that fills it: redrawn on every resize and on {@link #redraw()}. */
public abstract class CanvasRegion extends Region {
    protected final Canvas canvas = new Canvas();
    /** Text and spacing follow the window's zoom. */
    protected final FontScale scale;

    protected CanvasRegion() {
        getChildren().add(canvas);
        scale = new FontScale(getChildren(), this::requestLayout);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    /** Clears the canvas and draws it again (nothing is drawn while it is narrower than {@link #minDrawWidth()}). */
    public final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w >= minDrawWidth() && h > 0) {
            draw(g, w, h);
        }
    }

    protected double minDrawWidth() {
        return 1;
    }

    protected abstract void draw(GraphicsContext g, double w, double h);
}
