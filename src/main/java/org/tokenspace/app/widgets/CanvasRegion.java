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

    /**
     * A bold title at the top left, wrapped onto more lines where it is wider than {@code maxWidth}; returns the
     * height it took.
     */
    protected double title(GraphicsContext g, String text, double maxWidth) {
        javafx.scene.text.Font font = scale.sans(15, true);
        g.setFont(font);
        g.setFill(javafx.scene.paint.Color.rgb(40, 40, 48));
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(font);
        double lineHeight = font.getSize() * 1.3;
        double y = 4;
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            measure.setText(next);
            if (line.length() > 0 && measure.getLayoutBounds().getWidth() > maxWidth) {
                g.fillText(line.toString(), 4, y);
                y += lineHeight;
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        g.fillText(line.toString(), 4, y);
        return y + lineHeight;
    }
}
