package org.tokenspace.app.widgets;

import org.tokenspace.i18n.I18n;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * A vector as bars around a zero line, with a title. Up to 16 values are written on their bars (4 decimals); every
 * bar shows its exact value on hover. Plots that share {@link #setLimit} have the same scale.
 */
public final class BarPlot extends CanvasRegion {
    private static final double PAD = 12;
    private static final double TITLE = 26;

    private final Tooltip tip = new Tooltip();
    private float[] values = new float[0];
    private String title = "";
    private Color color = Color.rgb(60, 90, 160);
    private double limit = 1;

    public BarPlot() {
        getStyleClass().add("bar-plot");
        tip.setShowDelay(Duration.millis(80));
        Tooltip.install(canvas, tip);
        canvas.setOnMouseMoved(e -> {
            int i = indexAt(e.getX());
            tip.setText(i < 0 ? title : I18n.tr("bars.tip", title, i, Numbers.exact(values[i])));
        });
        setMinSize(160, 110);
        setPrefSize(600, 170);
    }

    public void setValues(String plotTitle, float[] v, Color barColor) {
        title = plotTitle;
        values = v.clone();
        color = barColor;
        redraw();
    }

    /** The largest magnitude the axis shows. */
    public void setLimit(double l) {
        limit = l > 0 ? l : 1;
        redraw();
    }

    public static double limitOf(float[]... vectors) {
        double m = 0;
        for (float[] v : vectors) {
            for (float x : v) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m == 0 ? 1 : m * 1.1;
    }

    public float[] values() {
        return values.clone();
    }

    public String title() {
        return title;
    }

    private int indexAt(double x) {
        double pad = PAD * scale.get();
        double w = (getWidth() - 2 * pad) / Math.max(1, values.length);
        int i = (int) ((x - pad) / w);
        return values.length == 0 || i < 0 || i >= values.length ? -1 : i;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        g.setFill(Color.rgb(40, 40, 48));
        double s = scale.get();
        double pad = PAD * s;
        g.setFont(scale.sans(15, true));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, pad, 4);
        double top = TITLE * s;
        double plotH = h - top - pad;
        double zero = top + plotH / 2;
        g.setStroke(Color.rgb(150, 150, 160));
        g.setLineWidth(1);
        g.strokeLine(pad, zero, w - pad, zero);
        if (values.length > 16) { // a scale: the axis limits, since the bars carry no numbers
            g.setFill(Color.rgb(110, 110, 120));
            g.setFont(scale.mono(12));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            g.fillText("+" + Numbers.short4((float) limit), w - pad, top - 14 * s);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText("-" + Numbers.short4((float) limit), w - pad, h - 2);
        }
        int n = values.length;
        if (n == 0) {
            return;
        }
        double bw = (w - 2 * pad) / n;
        boolean labels = n <= 16;
        g.setFont(scale.mono(labels && bw > 70 * s ? 15 : 12));
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < n; i++) {
            double v = values[i];
            double bh = Math.abs(v) / limit * (plotH / 2 - (labels ? 18 * s : 0));
            double x = pad + i * bw + (bw > 4 ? bw * 0.12 : 0);
            double bwDraw = bw > 4 ? bw * 0.76 : Math.max(1, bw);
            g.setFill(v >= 0 ? color : color.deriveColor(0, 1, 0.8, 0.85));
            g.fillRect(x, v >= 0 ? zero - bh : zero, bwDraw, bh);
            if (labels) {
                g.setFill(Color.rgb(30, 30, 36));
                g.setTextBaseline(v >= 0 ? VPos.BOTTOM : VPos.TOP);
                g.fillText(Numbers.short4(values[i]), x + bwDraw / 2, v >= 0 ? zero - bh - 2 : zero + bh + 2);
            }
        }
    }
}
