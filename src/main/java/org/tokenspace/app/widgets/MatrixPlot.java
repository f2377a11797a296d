package org.tokenspace.app.widgets;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import java.util.function.BiFunction;

/**
 * A matrix as a heatmap on the diverging scale (blue, white, red; {@code -Infinity}, a masked score, in grey), with
 * its title, axis names and colour legend; hovering a cell shows what {@code tooltip} says of it (its exact value
 * and formula). Rows run down, columns across.
 */
public final class MatrixPlot extends CanvasRegion {
    private static final int MASKED = 0xffc8c8cc;
    private String title = "";
    private String rowAxis = "";
    private String columnAxis = "";
    private double[][] values = new double[0][0];
    private BiFunction<Integer, Integer, String> tooltip = (r, c) -> "";
    private double limit = 1;
    private final Tooltip tip = new Tooltip();
    /** Where the cells were last drawn: x, y, width, height. */
    private double[] area = new double[4];

    public MatrixPlot() {
        setMinWidth(180);
        setMinHeight(USE_PREF_SIZE); // its height follows its width: the stage scrolls rather than squeezing it
        setPrefWidth(360);
        getStyleClass().add("matrix-plot");
        tip.setShowDelay(Duration.millis(80));
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        Tooltip.install(this, tip);
        setOnMouseMoved(e -> {
            int[] cell = cellAt(e.getX(), e.getY());
            tip.setText(cell == null ? title : tooltip.apply(cell[0], cell[1]));
        });
    }

    /**
     * Shows {@code values} (rows x columns; rows may differ from columns). The colour scale ends at the largest
     * finite magnitude, so a bias's sign and a similarity's range read at a glance.
     */
    public void setMatrix(String title, String rowAxis, String columnAxis, double[][] values,
                          BiFunction<Integer, Integer, String> tooltip) {
        this.title = title;
        this.rowAxis = rowAxis;
        this.columnAxis = columnAxis;
        this.values = values;
        this.tooltip = tooltip;
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        limit = max == 0 ? 1 : max;
        requestLayout();
        redraw();
    }

    /** The same from single-precision values. */
    public void setMatrix(String title, String rowAxis, String columnAxis, float[][] values,
                          BiFunction<Integer, Integer, String> tooltip) {
        double[][] d = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            d[r] = new double[values[r].length];
            for (int c = 0; c < d[r].length; c++) {
                d[r][c] = values[r][c];
            }
        }
        setMatrix(title, rowAxis, columnAxis, d, tooltip);
    }

    /** The cell {@code [row, column]} under {@code (x, y)}, or null. */
    int[] cellAt(double x, double y) {
        if (values.length == 0 || x < area[0] || y < area[1] || x >= area[0] + area[2] || y >= area[1] + area[3]) {
            return null;
        }
        int r = (int) ((y - area[1]) / area[3] * values.length);
        int c = (int) ((x - area[0]) / area[2] * values[0].length);
        return new int[] {Math.min(r, values.length - 1), Math.min(c, values[0].length - 1)};
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        double s = scale.get();
        double top = title(g, title, w - 8) + 22 * s;
        double left = 34 * s;
        double bottom = 30 * s; // the colour legend
        if (values.length == 0 || values[0].length == 0) {
            return;
        }
        int rows = values.length;
        int cols = values[0].length;
        double side = Math.max(20, Math.min(w - left - 8, h - top - bottom));
        // square cells when the matrix is square; otherwise fill the width
        double pw = rows == cols ? side : w - left - 8;
        double ph = rows == cols ? side : Math.min(h - top - bottom, cellsHeight(pw, rows, cols, s));
        area = new double[] {left, top, pw, ph};
        int iw = (int) Math.max(1, Math.round(pw));
        int ih = (int) Math.max(1, Math.round(ph));
        WritableImage img = new WritableImage(iw, ih);
        PixelWriter px = img.getPixelWriter();
        for (int y = 0; y < ih; y++) {
            double[] row = values[Math.min(rows - 1, (int) ((long) y * rows / ih))];
            for (int x = 0; x < iw; x++) {
                double v = row[Math.min(cols - 1, (int) ((long) x * cols / iw))];
                px.setArgb(x, y, Double.isFinite(v) ? TokenColors.divergingArgb(v, limit) : MASKED);
            }
        }
        g.drawImage(img, left, top, pw, ph);
        g.setStroke(Color.rgb(120, 120, 130));
        g.setLineWidth(1);
        g.strokeRect(left, top, pw, ph);
        g.setFill(Color.rgb(60, 60, 70));
        g.setFont(scale.sans(12, false));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(columnAxis + " →   0 … " + (cols - 1), left, top - 3 * s);
        g.save();
        g.translate(left - 4 * s, top);
        g.rotate(90); // reads downward as the rows run, the glyphs left of the cells
        g.setTextBaseline(VPos.TOP);
        g.fillText(rowAxis + " →   0 … " + (rows - 1), 0, 0);
        g.restore();
        legend(g, left, top + ph + 16 * s, s);
    }

    /** A table's height for its width: rows in proportion, at least 80 and at most 360 pixels (at zoom 1). */
    private static double cellsHeight(double width, int rows, int cols, double s) {
        return Math.max(80 * s, Math.min(360 * s, width * rows / Math.max(1, cols)));
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        double s = scale.get();
        double w = width > 0 ? width : getPrefWidth();
        double cells = values.length == 0 ? 200 * s : values.length == values[0].length
                ? Math.min(w - 42 * s, 300 * s) : cellsHeight(w - 42 * s, values.length, values[0].length, s);
        return 44 * s + 22 * s + cells + 30 * s; // title, axis name, cells, legend
    }

    /** {@code -limit [blue … red] +limit} under the cells; grey marks a masked score. */
    private void legend(GraphicsContext g, double left, double y, double s) {
        double lw = 90 * s;
        String high = Numbers.short4((float) limit);
        g.setFont(scale.mono(11));
        javafx.scene.text.Text m = new javafx.scene.text.Text("-" + high);
        m.setFont(g.getFont());
        double x0 = left + m.getLayoutBounds().getWidth() + 4;
        for (int i = 0; i < lw; i++) {
            g.setFill(TokenColors.diverging((2.0 * i / lw - 1) * limit, limit));
            g.fillRect(x0 + i, y - 5 * s, 1.5, 10 * s);
        }
        g.setFill(Color.rgb(60, 60, 70));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("-" + high, x0 - 4, y);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("+" + high, x0 + lw + 4, y);
    }
}
