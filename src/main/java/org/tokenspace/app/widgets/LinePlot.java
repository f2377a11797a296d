package org.tokenspace.app.widgets;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * One series against 0, 1, 2, ... (e.g. a score against the distance between two positions), with its title, the
 * x axis's name, a zero line when the values cross zero, and the ends of the y range. NaN values are gaps.
 */
public final class LinePlot extends CanvasRegion {
    private static final Color LINE = Color.rgb(30, 60, 170);
    private String title = "";
    private String xAxis = "";
    private double[] values = new double[0];

    public LinePlot() {
        setMinSize(180, 140);
        setPrefSize(360, 200);
        getStyleClass().add("line-plot");
    }

    public void setSeries(String title, String xAxis, double[] values) {
        this.title = title;
        this.xAxis = xAxis;
        this.values = values;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        double s = scale.get();
        double top = title(g, title, w - 8) + 8 * s;
        double left = 64 * s;
        double right = 10 * s;
        double bottom = 24 * s;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return;
        }
        if (hi - lo < 1e-9) {
            hi = lo + 1;
        }
        double pw = w - left - right;
        double ph = h - top - bottom;
        int n = values.length;
        double low = lo;
        double span = hi - lo;
        java.util.function.IntToDoubleFunction x = i -> left + pw * (n == 1 ? 0.5 : (double) i / (n - 1));
        java.util.function.DoubleUnaryOperator y = v -> top + ph * (1 - (v - low) / span);
        g.setStroke(Color.rgb(170, 170, 180));
        g.setLineWidth(1);
        g.strokeLine(left, top, left, top + ph);
        g.strokeLine(left, top + ph, left + pw, top + ph);
        if (lo < 0 && hi > 0) {
            g.setLineDashes(3 * s, 3 * s);
            g.strokeLine(left, y.applyAsDouble(0), left + pw, y.applyAsDouble(0));
            g.setLineDashes((double[]) null);
        }
        g.setFont(scale.mono(11));
        g.setFill(Color.rgb(70, 70, 80));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(Numbers.short4((float) hi), left - 6, top);
        g.fillText(Numbers.short4((float) lo), left - 6, top + ph);
        g.setTextBaseline(VPos.TOP);
        g.fillText(xAxis + " → " + (n - 1), left + pw, top + ph + 4);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("0", left, top + ph + 4);
        g.setStroke(LINE);
        g.setLineWidth(2 * s);
        g.beginPath();
        boolean pen = false;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                pen = false;
                continue;
            }
            if (pen) {
                g.lineTo(x.applyAsDouble(i), y.applyAsDouble(values[i]));
            } else {
                g.moveTo(x.applyAsDouble(i), y.applyAsDouble(values[i]));
                pen = true;
            }
        }
        g.stroke();
    }
}
