package org.tokenspace.app.steps;

import org.tokenspace.i18n.I18n;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import org.tokenspace.app.widgets.CanvasRegion;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Lookup as a matrix product: {@code onehot(id) [1, V] x W [V, D] = W[id] [1, D]}. The one-hot row is drawn with
 * its single 1 at the id's place; the table with the selected row marked; the result as that row.
 */
final class OneHotDiagram extends CanvasRegion {
    private int id;
    private long rows = 1;
    private long dim = 1;

    OneHotDiagram() {
        setMinHeight(150);
        setPrefHeight(170);
    }

    void show(int tokenId, long vocabSize, long embeddingDim) {
        id = tokenId;
        rows = vocabSize;
        dim = embeddingDim;
        requestLayout();
        redraw();
    }

    /** Wide enough for every label side by side. */
    @Override
    protected double computeMinWidth(double height) {
        return blocks().total;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 150 * scale.get();
    }

    @Override
    protected double computePrefHeight(double width) {
        return 170 * scale.get();
    }

    /** The three blocks' widths: each as wide as its labels, the rest shared out. */
    private record Layout(double one, double table, double result, double sign, double total) {
    }

    private Layout blocks() {
        double s = scale.get();
        double one = Math.max(width(oneHotLabel(), 15, true), width(I18n.tr("oneHot.index", id), 13, true));
        double table = Math.max(width(I18n.tr("oneHot.table"), 15, true), width(tableShape(), 13, false));
        double result = Math.max(width("W[" + id + "]", 15, true), width("[1, " + dim + "]", 13, false));
        double sign = 44 * s;
        return new Layout(one, table, result, sign, one + table + result + 2 * sign + 20 * s);
    }

    private String oneHotLabel() {
        return "one_hot(" + id + ")";
    }

    private String tableShape() {
        return "[" + rows + ", " + dim + "]";
    }

    private double width(String text, double size, boolean bold) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(scale.sans(size, bold));
        return t.getLayoutBounds().getWidth();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        double s = scale.get();
        Layout l = blocks();
        double spare = Math.max(0, w - l.total()) / 3; // shared out to the three blocks
        Color ink = Color.rgb(30, 30, 36);
        Color mark = Color.rgb(214, 96, 0);
        double top = 42 * s;
        double boxH = h - top - 34 * s;
        double mid = top + boxH / 2;
        // one-hot row [1, V]
        double x0 = 10 * s;
        double oneW = l.one() + spare;
        g.setStroke(ink);
        g.setLineWidth(1.5);
        g.strokeRect(x0, mid - 9 * s, oneW, 18 * s);
        double at = x0 + oneW * (id + 0.5) / rows;
        g.setFill(mark);
        g.fillRect(at - 2, mid - 9 * s, 4, 18 * s);
        text(g, oneHotLabel(), x0 + oneW / 2, 2 * s, 15, true, ink);
        text(g, "[1, " + rows + "]", x0 + oneW / 2, mid + 12 * s, 13, false, ink);
        g.setFill(mark);
        g.setFont(scale.sans(13, true));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        String index = I18n.tr("oneHot.index", id);
        double indexW = width(index, 13, true);
        g.fillText(index, Math.max(x0, Math.min(at - 6 * s, x0 + oneW - indexW)), mid - 11 * s);
        text(g, "×", x0 + oneW + l.sign() / 2, mid - 14 * s, 24, true, ink);
        // table W [V, D]
        double tx = x0 + oneW + l.sign();
        double tw = l.table() + spare;
        g.setFill(Color.rgb(235, 238, 245));
        g.fillRect(tx, top, tw, boxH);
        g.strokeRect(tx, top, tw, boxH);
        double ry = Math.max(top + 4, Math.min(top + boxH - 4, top + boxH * (id + 0.5) / rows));
        g.setFill(mark);
        g.fillRect(tx, ry - 3, tw, 6);
        text(g, I18n.tr("oneHot.table"), tx + tw / 2, 2 * s, 15, true, ink);
        text(g, tableShape(), tx + tw / 2, top + boxH + 2 * s, 13, false, ink);
        text(g, "=", tx + tw + l.sign() / 2, mid - 14 * s, 24, true, ink);
        // result row [1, D]
        double rx = tx + tw + l.sign();
        double rw = Math.min(l.result() + spare, w - rx - 10 * s);
        g.setFill(mark);
        g.fillRect(rx, mid - 9 * s, rw, 18 * s);
        text(g, "W[" + id + "]", rx + rw / 2, 2 * s, 15, true, ink);
        text(g, "[1, " + dim + "]", rx + rw / 2, mid + 12 * s, 13, false, ink);
    }

    /** {@code text} centred on {@code x}, its top at {@code y}. */
    private void text(GraphicsContext g, String text, double x, double y, double size, boolean bold, Color c) {
        g.setFill(c);
        g.setFont(scale.sans(size, bold));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, x, y);
    }
}
