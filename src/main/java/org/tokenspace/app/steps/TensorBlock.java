package org.tokenspace.app.steps;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import org.tokenspace.app.widgets.CanvasRegion;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * A {@code (B, T, D)} tensor drawn as an oblique block: samples go down, positions go across, dimensions go back.
 * The chosen slice is filled.
 */
final class TensorBlock extends CanvasRegion {
    private int batch = 1;
    private int time = 1;
    private int dim = 1;
    private BatchView.Slice slice = BatchView.Slice.POSITION;
    private int b;
    private int t;
    private int d;

    TensorBlock() {
        setMinHeight(190);
        setPrefHeight(210);
    }

    void show(int batchSize, int maxLength, int embeddingDim, BatchView.Slice s, int sample, int position, int k) {
        batch = batchSize;
        time = maxLength;
        dim = embeddingDim;
        slice = s;
        b = sample;
        t = position;
        d = k;
        redraw();
    }

    @Override
    protected double minDrawWidth() {
        return 100;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        double depth = Math.min(110, w * 0.2);
        double dx = depth * 0.8;
        double dy = -depth * 0.5;
        double x0 = 60;
        double y0 = 40 + -dy;
        double fw = Math.min(260, w - dx - 200);
        double fh = h - y0 - 30;
        double cw = fw / time;
        double ch = fh / batch;
        Color edge = Color.rgb(60, 60, 70);
        Color face = Color.rgb(226, 230, 240);
        Color fill = Color.rgb(120, 60, 160, 0.75);
        // back faces: top and right
        g.setFill(face.darker());
        g.fillPolygon(new double[] {x0, x0 + dx, x0 + fw + dx, x0 + fw}, new double[] {y0, y0 + dy, y0 + dy, y0}, 4);
        g.setFill(face.deriveColor(0, 1, 0.9, 1));
        g.fillPolygon(new double[] {x0 + fw, x0 + fw + dx, x0 + fw + dx, x0 + fw},
                new double[] {y0, y0 + dy, y0 + fh + dy, y0 + fh}, 4);
        g.setFill(face);
        g.fillRect(x0, y0, fw, fh);
        g.setFill(fill);
        switch (slice) {
            case SAMPLE -> {
                g.fillRect(x0, y0 + b * ch, fw, ch);
                g.fillPolygon(new double[] {x0 + fw, x0 + fw + dx, x0 + fw + dx, x0 + fw},
                        new double[] {y0 + b * ch, y0 + b * ch + dy, y0 + (b + 1) * ch + dy, y0 + (b + 1) * ch}, 4);
            }
            case POSITION -> {
                g.fillRect(x0 + t * cw, y0 + b * ch, cw, ch);
                if (b == 0) {
                    g.fillPolygon(new double[] {x0 + t * cw, x0 + t * cw + dx, x0 + (t + 1) * cw + dx,
                        x0 + (t + 1) * cw}, new double[] {y0, y0 + dy, y0 + dy, y0}, 4);
                }
            }
            case DIMENSION -> {
                double f = (d + 0.5) / dim;
                g.setFill(Color.rgb(120, 60, 160, 0.55));
                g.fillRect(x0 + f * dx, y0 + f * dy, fw, fh);
            }
            default -> throw new IllegalStateException();
        }
        g.setStroke(edge);
        g.setLineWidth(1);
        for (int i = 0; i <= batch; i++) {
            g.strokeLine(x0, y0 + i * ch, x0 + fw, y0 + i * ch);
        }
        for (int j = 0; j <= time; j++) {
            g.strokeLine(x0 + j * cw, y0, x0 + j * cw, y0 + fh);
            g.strokeLine(x0 + j * cw, y0, x0 + j * cw + dx, y0 + dy);
        }
        g.strokeLine(x0 + fw, y0 + fh, x0 + fw + dx, y0 + fh + dy);
        g.strokeLine(x0 + fw + dx, y0 + dy, x0 + fw + dx, y0 + fh + dy);
        g.strokeLine(x0 + dx, y0 + dy, x0 + fw + dx, y0 + dy);
        g.setFill(Color.rgb(30, 30, 36));
        g.setFont(scale.sans(14, true));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("B = " + batch, x0 - 8, y0 + fh / 2);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText("T = " + time, x0 + fw / 2, y0 + fh + 6);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("D = " + dim, x0 + fw + dx + 8, y0 + dy + fh / 2);
    }
}
