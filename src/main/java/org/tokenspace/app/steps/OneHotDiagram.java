package org.tokenspace.app.steps;

import org.tokenspace.i18n.I18n;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import org.tokenspace.app.widgets.CanvasRegion;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
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
        redraw();
    }

    @Override
    protected double minDrawWidth() {
        return 200;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        Color ink = Color.rgb(30, 30, 36);
        Color mark = Color.rgb(214, 96, 0);
        double unit = (w - 120) / 5.2;
        double top = 40;
        double boxH = h - top - 34;
        // one-hot row [1, V]
        double x0 = 10;
        double oneW = unit * 1.9;
        g.setStroke(ink);
        g.setLineWidth(1.5);
        g.strokeRect(x0, top + boxH / 2 - 9, oneW, 18);
        double at = x0 + oneW * (id + 0.5) / rows;
        g.setFill(mark);
        g.fillRect(at - 2, top + boxH / 2 - 9, 4, 18);
        text(g, "one_hot(" + id + ")", x0 + oneW / 2, top - 24, 15, true, ink);
        text(g, "[1, " + rows + "]", x0 + oneW / 2, top + boxH / 2 + 14, 13, false, ink);
        g.setFill(mark);
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 13));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(I18n.tr("oneHot.index", id), Math.max(x0, Math.min(at - 6, x0 + oneW - 150)), top + boxH / 2 - 12);
        text(g, "×", x0 + oneW + 22, top + boxH / 2 - 10, 24, true, ink);
        // table W [V, D]
        double tx = x0 + oneW + 44;
        double tw = unit * 1.1;
        g.setFill(Color.rgb(235, 238, 245));
        g.fillRect(tx, top, tw, boxH);
        g.strokeRect(tx, top, tw, boxH);
        double ry = Math.max(top + 4, Math.min(top + boxH - 4, top + boxH * (id + 0.5) / rows));
        g.setFill(mark);
        g.fillRect(tx, ry - 3, tw, 6);
        text(g, I18n.tr("oneHot.table"), tx + tw / 2, top - 24, 15, true, ink);
        text(g, "[" + rows + ", " + dim + "]", tx + tw / 2, top + boxH + 16, 13, false, ink);
        text(g, "=", tx + tw + 22, top + boxH / 2 - 12, 24, true, ink);
        // result row [1, D]
        double rx = tx + tw + 44;
        double rw = Math.min(unit * 1.6, w - rx - 10);
        g.setFill(mark);
        g.fillRect(rx, top + boxH / 2 - 9, rw, 18);
        text(g, "W[" + id + "]", rx + rw / 2, top - 24, 15, true, ink);
        text(g, "[1, " + dim + "]", rx + rw / 2, top + boxH / 2 + 14, 13, false, ink);
    }

    private static void text(GraphicsContext g, String s, double x, double y, double size, boolean bold, Color c) {
        g.setFill(c);
        g.setFont(Font.font("DejaVu Sans", bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(s, x, y + size);
    }
}
