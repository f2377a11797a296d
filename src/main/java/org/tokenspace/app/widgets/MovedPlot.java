package org.tokenspace.app.widgets;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.tokenspace.i18n.I18n;

/**
 * How far the rows moved, as two histograms on one axis: the rows the text uses (they get gradients through the
 * input side) and all the others (weight decay only). The x axis is the distance relative to the row's start length.
 */
public final class MovedPlot extends CanvasRegion {
    private static final int BINS = 40;
    private static final Color TEXT = Color.rgb(230, 120, 20);
    private static final Color OTHER = Color.rgb(110, 120, 150);
    private float[] moved = new float[0];
    private boolean[] inText = new boolean[0];

    public MovedPlot() {
        setMinSize(240, 130);
        setPrefSize(520, 170);
    }

    /** {@code moved[r]} for every row; {@code textIds} the rows the text uses. */
    public void setMoved(float[] values, int[] textIds) {
        moved = values;
        inText = new boolean[values.length];
        for (int id : textIds) {
            if (id < inText.length) {
                inText[id] = true;
            }
        }
        redraw();
    }

    /** The median of the rows the text uses, and of the others: {@code [text, others]}. */
    public static float[] medians(float[] moved, boolean[] inText) {
        int t = 0;
        for (boolean b : inText) {
            t += b ? 1 : 0;
        }
        float[] a = new float[t];
        float[] o = new float[moved.length - t];
        int ai = 0;
        int oi = 0;
        for (int r = 0; r < moved.length; r++) {
            if (inText[r]) {
                a[ai++] = moved[r];
            } else {
                o[oi++] = moved[r];
            }
        }
        java.util.Arrays.sort(a);
        java.util.Arrays.sort(o);
        return new float[] {a.length == 0 ? 0 : a[a.length / 2], o.length == 0 ? 0 : o[o.length / 2]};
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        double s = scale.get();
        double head = title(g, I18n.tr("train.movedTitle"), w - 8);
        if (moved.length == 0) {
            return;
        }
        float top = 0;
        for (float m : moved) {
            top = Math.max(top, m);
        }
        top = Math.max(top, 1e-6f);
        int[] text = new int[BINS];
        int[] other = new int[BINS];
        for (int r = 0; r < moved.length; r++) {
            int b = Math.min(BINS - 1, (int) (moved[r] / top * BINS));
            (inText[r] ? text : other)[b]++;
        }
        float[] med = medians(moved, inText);
        double left = 12 * s;
        double plotTop = head + 24 * s;
        double bottom = 22 * s;
        double pw = w - 2 * left;
        double ph = h - plotTop - bottom;
        double bw = pw / BINS;
        int maxText = 1;
        int maxOther = 1;
        for (int b = 0; b < BINS; b++) {
            maxText = Math.max(maxText, text[b]);
            maxOther = Math.max(maxOther, other[b]);
        }
        for (int b = 0; b < BINS; b++) { // each group scaled to its own largest bin: both shapes visible
            double ho = ph * other[b] / maxOther;
            g.setFill(OTHER.deriveColor(0, 1, 1, 0.45));
            g.fillRect(left + b * bw, plotTop + ph - ho, bw - 1, ho);
            double ht = ph * text[b] / maxText;
            g.setFill(TEXT.deriveColor(0, 1, 1, 0.75));
            g.fillRect(left + b * bw + bw * 0.2, plotTop + ph - ht, bw * 0.6, ht);
        }
        g.setFont(scale.sans(12, false));
        g.setFill(TEXT.darker());
        g.setTextBaseline(VPos.TOP);
        g.fillText(I18n.tr("train.movedText", String.format(java.util.Locale.ROOT, "%.1f%%", 100 * med[0])), left,
                head);
        g.setFill(OTHER.darker());
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(I18n.tr("train.movedOthers", String.format(java.util.Locale.ROOT, "%.2f%%", 100 * med[1])),
                w - left, head);
        g.setFill(Color.rgb(70, 70, 80));
        g.setFont(scale.mono(11));
        g.setTextBaseline(VPos.TOP);
        g.fillText(String.format(java.util.Locale.ROOT, "%.1f%%", 100 * top), w - left, plotTop + ph + 4);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("0%", left, plotTop + ph + 4);
    }
}
