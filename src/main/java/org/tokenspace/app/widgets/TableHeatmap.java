package org.tokenspace.app.widgets;

import org.tokenspace.i18n.I18n;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelWriter;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.view.FontScale;

import java.util.function.IntFunction;

/**
 * A table {@code [rows, dim]} as a heatmap that draws only the rows in view, so all 50,257 rows of the token table
 * scroll smoothly. Rows are labelled with their index and text; the selected row is outlined; a click selects a row.
 */
public final class TableHeatmap extends Region {
    private static final double ROW_H = 18;
    private static final double LABEL_W = 132;
    private static final double HEADER = 26;
    private static final double LEGEND_W = 120;
    /** Values sampled to fit the colour scale of a large table. */
    private static final int SCALE_SAMPLE = 65_536;

    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(this, "selectedRow", -1);
    private final Tooltip tip = new Tooltip();
    private INDArray table;
    private IntFunction<String> rowLabel = Integer::toString;
    private String title = "";
    private double limit = 2.5;
    private final FontScale scale;
    private int rowsShown;
    private int[] rowPixels = new int[0];

    public TableHeatmap() {
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.valueProperty().addListener((o, a, b) -> draw());
        getChildren().addAll(canvas, scroll);
        canvas.setOnScroll(e -> scroll.setValue(clamp(scroll.getValue() - Math.signum(e.getDeltaY()) * 3)));
        canvas.setOnMouseClicked(e -> {
            int r = rowAt(e.getY());
            if (r >= 0) {
                selectedRow.set(r);
            }
        });
        tip.setShowDelay(Duration.millis(80));
        Tooltip.install(canvas, tip);
        canvas.setOnMouseMoved(e -> {
            int r = rowAt(e.getY());
            int c = colAt(e.getX());
            tip.setText(r < 0 ? title : c < 0 ? I18n.tr("heatmap.rowTip", r, rowLabel.apply(r))
                    : I18n.tr("heatmap.cellTip", r, rowLabel.apply(r), c,
                    Numbers.exact(table.getFloat((long) r, (long) c))));
        });
        selectedRow.addListener((o, a, b) -> {
            center(b.intValue());
            draw();
        });
        setMinWidth(300);
        getStyleClass().add("table-heatmap");
        scale = new FontScale(getChildren(), this::requestLayout);
    }

    public void setTable(String heading, INDArray t, IntFunction<String> labels) {
        title = heading;
        table = t;
        rowLabel = labels;
        limit = colourLimit(t);
        scroll.setMax(Math.max(0, t.rows() - visibleRows()));
        center(selectedRow.get());
        draw();
    }

    /** Sizes the heatmap to show exactly {@code rows} rows and the title, at any zoom (0: as tall as it is given). */
    public void setRowsShown(int rows) {
        rowsShown = rows;
        requestLayout();
    }

    private double heightFor(long rows) {
        return (HEADER + rows * ROW_H + 4) * scale.get();
    }

    @Override
    protected double computeMinHeight(double width) {
        return rowsShown > 0 ? heightFor(rowsShown) : 200 * scale.get();
    }

    @Override
    protected double computePrefHeight(double width) {
        return rowsShown > 0 ? heightFor(rowsShown) : super.computePrefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return rowsShown > 0 ? heightFor(rowsShown) : super.computeMaxHeight(width);
    }

    /** The colour scale's end: 2.5 standard deviations of the values (from a sample of a large table), so that a
     *  GPT-2 table (std 0.1) is as colourful as a seeded one (std 1). */
    static double colourLimit(INDArray t) {
        float[] v = t.data().asFloat();
        int step = Math.max(1, v.length / SCALE_SAMPLE);
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int i = 0; i < v.length; i += step) {
            sum += v[i];
            sq += (double) v[i] * v[i];
            n++;
        }
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sq / n - mean * mean));
        return std > 0 ? 2.5 * std : 1;
    }

    /** The value at which the colours are fully saturated (a legend shows it). */
    public double colourLimit() {
        return limit;
    }

    private double rowH() {
        return ROW_H * scale.get();
    }

    private double labelW() {
        return LABEL_W * scale.get();
    }

    private double header() {
        return HEADER * scale.get();
    }

    public IntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    /** The first row in view. */
    public int firstVisibleRow() {
        return (int) scroll.getValue();
    }

    private int visibleRows() {
        return Math.max(1, (int) ((getHeight() - header()) / rowH()));
    }

    /** Scrolls so that {@code row} is in the middle of the view (or as near as the ends allow). */
    private void center(int row) {
        if (table != null && row >= 0) {
            scroll.setValue(clamp(row - visibleRows() / 2));
        }
    }

    private double clamp(double v) {
        return Math.max(0, Math.min(scroll.getMax(), v));
    }

    private int rowAt(double y) {
        if (table == null || y < header()) {
            return -1;
        }
        long r = firstVisibleRow() + (long) ((y - header()) / rowH());
        return r < table.rows() ? (int) r : -1;
    }

    private int colAt(double x) {
        double cellW = (canvas.getWidth() - labelW()) / table.columns();
        int c = (int) ((x - labelW()) / cellW);
        return x < labelW() || c >= table.columns() ? -1 : c;
    }

    @Override
    protected void layoutChildren() {
        double sw = scroll.prefWidth(-1);
        scroll.resizeRelocate(getWidth() - sw, header(), sw, getHeight() - header());
        canvas.setWidth(getWidth() - sw);
        canvas.setHeight(getHeight());
        if (table != null) {
            scroll.setMax(Math.max(0, table.rows() - visibleRows()));
            scroll.setVisibleAmount(visibleRows());
            center(selectedRow.get());
        }
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        double labelW = labelW();
        double rowH = rowH();
        double header = header();
        if (table == null || w <= labelW) {
            return;
        }
        g.setFill(Color.rgb(40, 40, 48));
        g.setFont(scale.sans(15, true));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(title, 4, 4);
        legend(g, w, header);
        int dim = (int) table.columns();
        int first = firstVisibleRow();
        int n = (int) Math.min(visibleRows(), table.rows() - first);
        int pw = (int) Math.floor(w - labelW);
        if (rowPixels.length < pw) {
            rowPixels = new int[pw];
        }
        PixelWriter px = g.getPixelWriter();
        g.setFont(scale.mono(13));
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < n; i++) {
            int r = first + i;
            float[] row = table.getRow(r).toFloatVector();
            for (int x = 0; x < pw; x++) {
                rowPixels[x] = TokenColors.divergingArgb(row[(int) ((long) x * dim / pw)], limit);
            }
            int y0 = (int) (header + i * rowH);
            for (int y = y0; y < y0 + rowH - 1 && y < h; y++) {
                px.setPixels((int) labelW, y, pw, 1, PixelFormat.getIntArgbInstance(), rowPixels, 0, pw);
            }
            boolean sel = r == selectedRow.get();
            g.setFill(sel ? Color.rgb(255, 244, 200) : Color.WHITE);
            g.fillRect(0, y0, labelW - 4, rowH - 1);
            g.setFill(Color.rgb(30, 30, 36));
            g.fillText(String.format("%6d %s", r, shorten(rowLabel.apply(r))), 4, y0 + rowH / 2);
            if (sel) {
                g.setStroke(Color.rgb(20, 20, 20));
                g.setLineWidth(2.5);
                g.strokeRect(1, y0 - 1, w - 2, rowH + 1);
            }
        }
    }

    /** The colour scale, top right: {@code -limit [blue … white … red] +limit}. */
    private void legend(GraphicsContext g, double w, double header) {
        javafx.scene.text.Font font = scale.mono(11);
        String low = "-" + Numbers.short4((float) limit);
        String high = "+" + Numbers.short4((float) limit);
        javafx.scene.text.Text measure = new javafx.scene.text.Text(high);
        measure.setFont(font);
        double tw = measure.getLayoutBounds().getWidth();
        double lw = LEGEND_W * scale.get();
        double x0 = w - lw - tw - 12;
        javafx.scene.text.Text heading = new javafx.scene.text.Text(title);
        heading.setFont(scale.sans(15, true));
        if (x0 - tw - 4 < heading.getLayoutBounds().getWidth() + 16) {
            return; // too narrow: the tooltips still give every value
        }
        double bh = header * 0.3;
        double y = (header - bh) / 2;
        for (int i = 0; i < lw; i++) {
            g.setFill(TokenColors.diverging((2.0 * i / lw - 1) * limit, limit));
            g.fillRect(x0 + i, y, 1.5, bh);
        }
        g.setFill(Color.rgb(60, 60, 70));
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(low, x0 - 4, header / 2);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(high, x0 + lw + 4, header / 2);
    }

    private static String shorten(String s) {
        return s.length() > 11 ? s.substring(0, 10) + "…" : s;
    }
}
