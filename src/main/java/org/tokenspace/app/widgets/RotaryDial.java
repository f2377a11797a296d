package org.tokenspace.app.widgets;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.tokenspace.positions.RotaryPositions;

/**
 * RoPE made visible: for a few pairs of dimensions (fast to slow frequencies), the selected token's 2-D pair drawn as
 * an arrow at positions 0 to 7, turning by {@code θ_i} per position; the length never changes, only the angle.
 */
public final class RotaryDial extends CanvasRegion {
    private static final int POSITIONS = 8;
    private String title = "";
    private RotaryPositions rope;
    private float[] token;
    private int[] pairs = new int[0];
    private java.util.function.IntFunction<String> pairLabel = i -> "";

    public RotaryDial() {
        setMinSize(240, 160);
        setPrefSize(560, 250);
        getStyleClass().add("rotary-dial");
    }

    /** Draws {@code token}'s pairs {@code pairs} under {@code rope}; {@code pairLabel} names pair i. */
    public void setToken(String title, RotaryPositions rope, float[] token, int[] pairs,
                         java.util.function.IntFunction<String> pairLabel) {
        this.title = title;
        this.rope = rope;
        this.token = token;
        this.pairs = pairs;
        this.pairLabel = pairLabel;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        if (rope == null) {
            return;
        }
        double s = scale.get();
        double top = title(g, title, w - 8) + 4 * s;
        double cell = Math.min((w - 8) / pairs.length, h - top - 34 * s);
        double radius = Math.max(10, cell / 2 - 10 * s);
        for (int k = 0; k < pairs.length; k++) {
            int i = pairs[k];
            double cx = 4 + cell * k + cell / 2;
            double cy = top + cell / 2;
            double[] start = rope.turn(token, i, 0);
            double length = Math.hypot(start[0], start[1]);
            g.setStroke(Color.rgb(200, 200, 208));
            g.setLineWidth(1);
            g.strokeOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
            for (int p = POSITIONS - 1; p >= 0; p--) {
                double[] v = rope.turn(token, i, p);
                double scaleR = length == 0 ? 0 : radius / length;
                double ex = cx + v[0] * scaleR;
                double ey = cy - v[1] * scaleR;
                Color c = Color.hsb(220 - 200.0 * p / (POSITIONS - 1), 0.8, 0.75);
                g.setStroke(c);
                g.setLineWidth((p == 0 ? 2.6 : 1.6) * s);
                g.strokeLine(cx, cy, ex, ey);
                g.setFill(c);
                g.setFont(scale.mono(10));
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(String.valueOf(p), cx + (ex - cx) * 1.16, cy + (ey - cy) * 1.16);
            }
            g.setFill(Color.rgb(50, 50, 60));
            g.setFont(scale.sans(11, false));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(pairLabel.apply(i), cx, cy + radius + 8 * s);
            g.fillText(String.format(java.util.Locale.ROOT, "θ = %.4g", rope.theta(i)), cx, cy + radius + 22 * s);
        }
    }
}
