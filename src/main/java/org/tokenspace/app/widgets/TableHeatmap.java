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
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.function.IntFunction;

/**
 * A table {@code [rows, dim]} as a heatmap that draws only the rows in view, so all 50,257 rows of the token table
 * scroll smoothly. Rows are labelled with their index and text; the selected row is outlined; a click selects a row.
 */
public final class TableHeatmap extends Region {
    private static final double ROW_H = 18;
    private static final double LABEL_W = 132;
    private static final double HEADER = 26;

    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(this, "selectedRow", -1);
    private final Tooltip tip = new Tooltip();
    private INDArray table;
    private IntFunction<String> rowLabel = Integer::toString;
    private String title = "";
    private double limit = 2.5;
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
        setMinSize(300, 200);
        getStyleClass().add("table-heatmap");
    }

    public void setTable(String heading, INDArray t, IntFunction<String> labels) {
        title = heading;
        table = t;
        rowLabel = labels;
        scroll.setMax(Math.max(0, t.rows() - visibleRows()));
        center(selectedRow.get());
        draw();
    }

    /** The height that shows {@code rows} rows and the title. */
    public static double heightFor(long rows) {
        return HEADER + rows * ROW_H + 4;
    }

    public IntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    /** The first row in view. */
    public int firstVisibleRow() {
        return (int) scroll.getValue();
    }

    private int visibleRows() {
        return Math.max(1, (int) ((getHeight() - HEADER) / ROW_H));
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
        if (table == null || y < HEADER) {
            return -1;
        }
        long r = firstVisibleRow() + (long) ((y - HEADER) / ROW_H);
        return r < table.rows() ? (int) r : -1;
    }

    private int colAt(double x) {
        double cellW = (canvas.getWidth() - LABEL_W) / table.columns();
        int c = (int) ((x - LABEL_W) / cellW);
        return x < LABEL_W || c >= table.columns() ? -1 : c;
    }

    @Override
    protected void layoutChildren() {
        double sw = scroll.prefWidth(-1);
        scroll.resizeRelocate(getWidth() - sw, HEADER, sw, getHeight() - HEADER);
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
        if (table == null || w <= LABEL_W) {
            return;
        }
        g.setFill(Color.rgb(40, 40, 48));
        g.setFont(Font.font("DejaVu Sans", javafx.scene.text.FontWeight.BOLD, 15));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(title, 4, 4);
        int dim = (int) table.columns();
        int first = firstVisibleRow();
        int n = (int) Math.min(visibleRows(), table.rows() - first);
        int pw = (int) Math.floor(w - LABEL_W);
        if (rowPixels.length < pw) {
            rowPixels = new int[pw];
        }
        PixelWriter px = g.getPixelWriter();
        g.setFont(Font.font("DejaVu Sans Mono", 13));
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < n; i++) {
            int r = first + i;
            float[] row = table.getRow(r).toFloatVector();
            for (int x = 0; x < pw; x++) {
                rowPixels[x] = TokenColors.divergingArgb(row[(int) ((long) x * dim / pw)], limit);
            }
            int y0 = (int) (HEADER + i * ROW_H);
            for (int y = y0; y < y0 + ROW_H - 1 && y < h; y++) {
                px.setPixels((int) LABEL_W, y, pw, 1, PixelFormat.getIntArgbInstance(), rowPixels, 0, pw);
            }
            boolean sel = r == selectedRow.get();
            g.setFill(sel ? Color.rgb(255, 244, 200) : Color.WHITE);
            g.fillRect(0, y0, LABEL_W - 4, ROW_H - 1);
            g.setFill(Color.rgb(30, 30, 36));
            g.fillText(String.format("%6d %s", r, shorten(rowLabel.apply(r))), 4, y0 + ROW_H / 2);
            if (sel) {
                g.setStroke(Color.rgb(20, 20, 20));
                g.setLineWidth(2.5);
                g.strokeRect(1, y0 - 1, w - 2, ROW_H + 1);
            }
        }
    }

    private static String shorten(String s) {
        return s.length() > 11 ? s.substring(0, 10) + "…" : s;
    }
}
