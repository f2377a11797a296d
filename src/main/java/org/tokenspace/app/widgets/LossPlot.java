package org.tokenspace.app.widgets;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.tokenspace.i18n.I18n;

import java.util.Locale;

/**
 * The loss of every step (thin), its moving average (thick), and a mark where each epoch begins. The y axis spans
 * the losses seen; the x axis every step so far.
 */
public final class LossPlot extends CanvasRegion {
    private static final Color RAW = Color.rgb(120, 140, 200, 0.55);
    private static final Color SMOOTH = Color.rgb(30, 60, 170);
    private static final Color EPOCH = Color.rgb(200, 120, 40, 0.7);
    private float[] losses = new float[0];
    private long[] epochStarts = new long[0];

    public LossPlot() {
        setMinSize(240, 150);
        setPrefSize(520, 220);
        getStyleClass().add("loss-plot");
    }

    public void setLosses(float[] values, long[] epochs) {
        losses = values;
        epochStarts = epochs;
        redraw();
    }

    /** The moving average the thick line draws, over {@code window} steps (fewer at the start). */
    public static float[] smoothed(float[] v, int window) {
        float[] out = new float[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[i];
            if (i >= window) {
                sum -= v[i - window];
            }
            out[i] = (float) (sum / Math.min(i + 1, window));
        }
        return out;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        double s = scale.get();
        double left = 58 * s;
        double right = 12 * s;
        double top;
        double bottom = 26 * s;
        top = title(g, I18n.tr("train.lossTitle"), w - 8) + 18 * s; // room for the last loss above the plot
        if (losses.length == 0) {
            g.setFont(scale.sans(13, false));
            g.fillText(I18n.tr("train.noSteps"), left, top + 10 * s);
            return;
        }
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float l : losses) {
            min = Math.min(min, l);
            max = Math.max(max, l);
        }
        if (max - min < 1e-3) {
            max = min + 1e-3f;
        }
        double pw = w - left - right;
        double ph = h - top - bottom;
        int n = losses.length;
        final float lo = min;
        final float span = max - min;
        java.util.function.IntToDoubleFunction x = i -> left + pw * (n == 1 ? 0.5 : (double) i / (n - 1));
        java.util.function.DoubleUnaryOperator y = v -> top + ph * (1 - (v - lo) / span);
        g.setStroke(Color.rgb(170, 170, 180));
        g.setLineWidth(1);
        g.strokeLine(left, top, left, top + ph);
        g.strokeLine(left, top + ph, left + pw, top + ph);
        g.setFont(scale.mono(11));
        g.setFill(Color.rgb(70, 70, 80));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(String.format(Locale.ROOT, "%.3f", max), left - 6, top);
        g.fillText(String.format(Locale.ROOT, "%.3f", min), left - 6, top + ph);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(I18n.tr("train.stepAxis", n), left + pw, top + ph + 4);
        g.setStroke(EPOCH);
        g.setLineDashes(4 * s, 4 * s);
        for (long e : epochStarts) {
            if (e > 0 && e < n) {
                double ex = x.applyAsDouble((int) e);
                g.strokeLine(ex, top, ex, top + ph);
            }
        }
        g.setLineDashes((double[]) null);
        int stride = Math.max(1, n / (int) Math.max(1, pw)); // at most a point a pixel
        g.setStroke(RAW);
        g.setLineWidth(1);
        g.beginPath();
        for (int i = 0; i < n; i += stride) {
            if (i == 0) {
                g.moveTo(x.applyAsDouble(i), y.applyAsDouble(losses[i]));
            } else {
                g.lineTo(x.applyAsDouble(i), y.applyAsDouble(losses[i]));
            }
        }
        g.stroke();
        float[] smooth = smoothed(losses, Math.max(5, n / 50));
        g.setStroke(SMOOTH);
        g.setLineWidth(2.5 * s);
        g.beginPath();
        for (int i = 0; i < n; i += stride) {
            if (i == 0) {
                g.moveTo(x.applyAsDouble(i), y.applyAsDouble(smooth[i]));
            } else {
                g.lineTo(x.applyAsDouble(i), y.applyAsDouble(smooth[i]));
            }
        }
        g.lineTo(x.applyAsDouble(n - 1), y.applyAsDouble(smooth[n - 1]));
        g.stroke();
        g.setFill(SMOOTH);
        g.setFont(scale.mono(12));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(String.format(Locale.ROOT, "%.4f", losses[n - 1]), left + pw, top - 2);
    }
}
