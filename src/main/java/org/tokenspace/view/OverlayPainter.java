package org.tokenspace.view;

import org.tokenspace.i18n.I18n;
import javafx.geometry.Bounds;
import javafx.geometry.BoundingBox;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws what lies over the point raster on a canvas: the axes with their names, overlay segments, arrows and
 * markers, labels of highlighted points, the selection and hover rings. Labels are boxed and placed so that they do
 * not cover one another.
 */
final class OverlayPainter {
    static final Color[] AXIS_COLORS = {Color.web("#ff6b6b"), Color.web("#5fdc8a"), Color.web("#6aaeff")};
    private static final Color LABEL_BOX = Color.web("#0b0d12", 0.82);
    private static final Color TEXT = Color.web("#f2f4f8");
    private static final Color HINT = Color.web("#8a93a6");
    private static final Color TICK = Color.web("#c3cad8");

    private final double baseSize;
    private Font font;
    private Font bold;
    private Font small;
    private final List<Bounds> placed = new ArrayList<>();
    private final double[] a = new double[3];
    private final double[] b = new double[3];

    OverlayPainter(double fontSize) {
        baseSize = fontSize;
        setScale(1);
    }

    /** Text at {@code scale} times the base size (the window's zoom). */
    void setScale(double scale) {
        double size = baseSize * scale;
        font = Font.font(FontScale.SANS, size);
        bold = Font.font(FontScale.SANS, FontWeight.BOLD, size);
        small = Font.font(FontScale.SANS, size * 0.82);
    }

    /** Everything the overlay shows for one frame; {@code avoid}: areas no label may cover (the view's controls). */
    record Scene(CloudData data, double extent, int[] labeled, int matchCount, int selected, int hovered,
                 List<Marker> markers, List<Arrow> arrows, List<Segment> segments, String hint, List<Bounds> avoid) {
    }

    /** A label waiting to be placed: drawn last, most important first, so none hides under a marker. */
    private record Pending(double x, double y, String text, Color color, boolean strong, int rank) {
    }

    private final List<Pending> pending = new ArrayList<>();

    void paint(GraphicsContext g, Camera.Frame f, Scene s) {
        g.clearRect(0, 0, f.width, f.height);
        placed.clear();
        pending.clear();
        placed.addAll(s.avoid());
        double footer = footer(f, s);
        placed.add(new BoundingBox(0, f.height - footer, f.width, footer));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        axes(g, f, s);
        for (Segment seg : s.segments()) {
            if (f.project(seg.a().x(), seg.a().y(), seg.a().z(), a) & f.project(seg.b().x(), seg.b().y(), seg.b().z(), b)) {
                g.setStroke(seg.color());
                g.setLineWidth(2);
                g.strokeLine(a[0], a[1], b[0], b[1]);
            }
        }
        for (Arrow arrow : s.arrows()) {
            arrow(g, f, arrow);
        }
        for (int i : s.labeled()) {
            pointLabel(g, f, s.data(), i, Color.web("#ff4fd8"), false, 3);
        }
        for (Marker m : s.markers()) {
            if (f.project(m.at().x(), m.at().y(), m.at().z(), a)) {
                g.setFill(m.color());
                g.fillOval(a[0] - 3.5, a[1] - 3.5, 7, 7);
                ring(g, a[0], a[1], 8, m.color(), true);
                if (m.label() != null) {
                    pending.add(new Pending(a[0], a[1], m.label(), m.color(), true, 1));
                }
            }
        }
        if (s.selected() >= 0 && s.selected() < s.data().count) {
            pointLabel(g, f, s.data(), s.selected(), Color.WHITE, true, 0);
        }
        if (s.hovered() >= 0 && s.hovered() < s.data().count && s.hovered() != s.selected()) {
            Vec3 p = s.data().point(s.hovered());
            if (f.project(p.x(), p.y(), p.z(), a)) {
                ring(g, a[0], a[1], 6, Color.web("#ffe27a"), false);
            }
        }
        int hidden = placeLabels(g, f);
        boolean twoLines = footer > lineHeight() * 1.5;
        if (s.data().count > 0) {
            legend(g, f, s.data().shortAxisName(2), twoLines ? lineHeight() : 0);
        }
        String hint = s.hint();
        if (hidden > 0) {
            hint = (hint == null ? "" : hint + " · ") + I18n.tr("cloud.hiddenLabels", hidden);
        }
        if (hint != null) {
            g.setFont(small);
            g.setFill(HINT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(hint, 12, f.height - 10);
            g.setTextBaseline(VPos.CENTER);
        }
    }

    private double lineHeight() {
        return small.getSize() * 2;
    }

    /** The height kept for the hint and the legend: one line, or two when they do not fit side by side. */
    private double footer(Camera.Frame f, Scene s) {
        double legend = s.data().count > 0 ? legendWidth(s.data().shortAxisName(2)) : 0;
        double hint = s.hint() == null ? 0 : textWidth(s.hint(), small) + 24;
        return (hint + legend + 40 > f.width ? 2 : 1) * lineHeight() + 6;
    }

    /**
     * Draws the waiting labels, most important first, each in the first spot that covers no earlier label, no
     * control and the footer; a label with no free spot is left out (the selection's always stays). Returns how
     * many were left out.
     */
    private int placeLabels(GraphicsContext g, Camera.Frame f) {
        pending.sort(java.util.Comparator.comparingInt(Pending::rank));
        int hidden = 0;
        for (Pending p : pending) {
            if (!label(g, f, p.x(), p.y(), p.text(), p.color(), p.strong(), p.rank() == 0)) {
                hidden++;
            }
        }
        return hidden;
    }

    private void axes(GraphicsContext g, Camera.Frame f, Scene s) {
        CloudData d = s.data();
        if (f.flat) {
            double[] r = Grid.visibleRange(f);
            double step = Grid.niceStep(Math.max(r[1] - r[0], r[3] - r[2]), 10);
            g.setFont(small);
            g.setFill(HINT);
            f.project(0, 0, 0, a);
            double axisY = Math.max(20, Math.min(f.height - 40, a[1]));
            double axisX = Math.max(50, Math.min(f.width - 20, a[0]));
            g.setLineWidth(1.5);
            g.setStroke(AXIS_COLORS[0]);
            g.strokeLine(0, axisY, f.width, axisY);
            g.setStroke(AXIS_COLORS[1]);
            g.strokeLine(axisX, 0, axisX, f.height);
            for (double x = Math.ceil(r[0] / step) * step; x <= r[1]; x += step) {
                f.project(x, 0, 0, a);
                if (Math.abs(x) > step / 2) {
                    tick(g, number(x, step), a[0] + 3, axisY + 12);
                }
            }
            for (double y = Math.ceil(r[2] / step) * step; y <= r[3]; y += step) {
                f.project(0, y, 0, a);
                if (Math.abs(y) > step / 2) {
                    tick(g, number(y, step), axisX + 5, a[1] - 10);
                }
            }
            axisName(g, f.width - 12, axisY - 16, d.axisNames[0], AXIS_COLORS[0], true);
            axisName(g, axisX + 10, 22, d.axisNames.length > 1 ? d.axisNames[1] : "y", AXIS_COLORS[1], false);
            return;
        }
        double len = s.extent() * 1.12;
        for (int c = 0; c < 3; c++) {
            double[] dir = {c == 0 ? len : 0, c == 1 ? len : 0, c == 2 ? len : 0};
            boolean neg = f.project(-dir[0], -dir[1], -dir[2], a);
            boolean pos = f.project(dir[0], dir[1], dir[2], b);
            if (neg && pos) {
                g.setStroke(AXIS_COLORS[c].deriveColor(0, 1, 1, 0.45));
                g.setLineWidth(1.5);
                f.project(0, 0, 0, a);
                g.strokeLine(a[0], a[1], b[0], b[1]);
                f.project(-dir[0], -dir[1], -dir[2], a);
                double[] o = new double[3];
                f.project(0, 0, 0, o);
                g.setLineDashes(4, 5);
                g.strokeLine(a[0], a[1], o[0], o[1]);
                g.setLineDashes((double[]) null);
                g.setStroke(AXIS_COLORS[c]);
                g.setLineWidth(2.5);
                g.strokeLine(b[0] - (b[0] - o[0]) * 0.12, b[1] - (b[1] - o[1]) * 0.12, b[0], b[1]);
                arrowHead(g, o[0], o[1], b[0], b[1], AXIS_COLORS[c], 11);
                String name = c < d.axisNames.length ? d.axisNames[c] : "xyz".substring(c, c + 1);
                axisName(g, b[0] + (b[0] - o[0]) * 0.06, b[1] + (b[1] - o[1]) * 0.06, name, AXIS_COLORS[c],
                        b[0] < o[0]);
            }
        }
    }

    private void tick(GraphicsContext g, String text, double x, double y) {
        double w = textWidth(text, small);
        g.setFill(Color.web("#0b0d12", 0.92));
        g.fillRoundRect(x - 3, y - small.getSize() * 0.7, w + 6, small.getSize() * 1.4, 5, 5);
        g.setFill(TICK);
        g.fillText(text, x, y);
    }

    /** The hue legend: the base cloud's colors follow the third coordinate. */
    private double legendBar() {
        return small.getSize() * 13;
    }

    /** The legend's whole width: its text, the colour bar and "high". */
    private double legendWidth(String axis) {
        return textWidth(I18n.tr("cloud.colorLow", axis), small) + legendBar()
                + textWidth(I18n.tr("cloud.high"), small) + 32;
    }

    /** The hue legend, bottom right ({@code lift} above the bottom line): the colours follow the third axis. */
    private void legend(GraphicsContext g, Camera.Frame f, String axis, double lift) {
        double barW = legendBar();
        String high = I18n.tr("cloud.high");
        double hw = textWidth(high, small);
        double x = f.width - barW - hw - 30;
        double y = f.height - 22 - lift;
        double boxH = small.getSize() * 2;
        g.setFont(small);
        String text = I18n.tr("cloud.colorLow", axis);
        double tw = textWidth(text, small);
        g.setFill(LABEL_BOX);
        g.fillRoundRect(x - tw - 18, y - boxH / 2, tw + barW + hw + 32, boxH, 8, 8);
        g.setFill(HINT);
        g.fillText(text, x - tw - 8, y);
        double cell = barW / Palette.CLASSES;
        double barH = small.getSize() * 0.7;
        for (int c = 0; c < Palette.CLASSES; c++) {
            int argb = Palette.hue(c);
            g.setFill(Color.rgb((argb >> 16) & 255, (argb >> 8) & 255, argb & 255));
            g.fillRect(x + c * cell, y - barH / 2, cell + 0.5, barH);
        }
        g.setFill(HINT);
        g.fillText(high, x + barW + 6, y);
    }

    /** An axis's name at its arrow's tip, moved down past the view's controls if it would cover them. */
    private void axisName(GraphicsContext g, double x, double y, String name, Color color, boolean rightAligned) {
        g.setFont(bold);
        double w = textWidth(name, bold);
        double left = rightAligned ? x - w : x;
        double h = bold.getSize() * 1.6;
        y = Math.max(h / 2 + 2, y);
        for (int tries = 0; tries < 8; tries++) {
            BoundingBox box = new BoundingBox(left - 6, y - h / 2, w + 12, h);
            if (placed.stream().noneMatch(box::intersects)) {
                break;
            }
            y += h;
        }
        g.setFill(LABEL_BOX);
        g.fillRoundRect(left - 6, y - bold.getSize() * 0.8, w + 12, bold.getSize() * 1.6, 8, 8);
        g.setFill(color);
        g.fillText(name, left, y);
        placed.add(new BoundingBox(left - 6, y - bold.getSize() * 0.8, w + 12, bold.getSize() * 1.6));
    }

    private void arrow(GraphicsContext g, Camera.Frame f, Arrow arrow) {
        if (!(f.project(arrow.from().x(), arrow.from().y(), arrow.from().z(), a)
                & f.project(arrow.to().x(), arrow.to().y(), arrow.to().z(), b))) {
            return;
        }
        g.setStroke(Color.web("#0b0d12", 0.7));
        g.setLineWidth(5);
        g.strokeLine(a[0], a[1], b[0], b[1]);
        g.setStroke(arrow.color());
        g.setLineWidth(2.5);
        g.strokeLine(a[0], a[1], b[0], b[1]);
        arrowHead(g, a[0], a[1], b[0], b[1], arrow.color(), 13);
        if (arrow.label() != null) {
            pending.add(new Pending((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, arrow.label(), arrow.color(), false, 2));
        }
    }

    private static void arrowHead(GraphicsContext g, double x0, double y0, double x1, double y1, Color c, double size) {
        double ang = Math.atan2(y1 - y0, x1 - x0);
        g.setFill(c);
        g.fillPolygon(new double[] {x1, x1 - size * Math.cos(ang - 0.4), x1 - size * Math.cos(ang + 0.4)},
                new double[] {y1, y1 - size * Math.sin(ang - 0.4), y1 - size * Math.sin(ang + 0.4)}, 3);
    }

    private void pointLabel(GraphicsContext g, Camera.Frame f, CloudData d, int i, Color color, boolean strong,
                            int rank) {
        Vec3 p = d.point(i);
        if (!f.project(p.x(), p.y(), p.z(), a)) {
            return;
        }
        ring(g, a[0], a[1], strong ? 8 : 6, color, strong);
        pending.add(new Pending(a[0], a[1], quoted(d.label(i)), color, strong, rank));
    }

    private static void ring(GraphicsContext g, double x, double y, double r, Color color, boolean thick) {
        g.setStroke(Color.web("#0b0d12", 0.8));
        g.setLineWidth(thick ? 4.5 : 3.5);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        g.setStroke(color);
        g.setLineWidth(thick ? 2.5 : 1.8);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
    }

    /**
     * A boxed label near {@code (x, y)}, in the first of sixteen spots (near, then farther) that stays in the view and
     * covers no earlier label or control. Without a free spot it is drawn anyway when {@code always}, else left out
     * (returns false).
     */
    private boolean label(GraphicsContext g, Camera.Frame f, double x, double y, String text, Color color,
                          boolean strong, boolean always) {
        Font fnt = strong ? bold : font;
        double w = textWidth(text, fnt) + 12;
        double h = fnt.getSize() * 1.55;
        double[][] near = {{12, -h - 6}, {12, 6}, {-w - 12, -h - 6}, {-w - 12, 6}, {-w / 2, -h - 14}, {-w / 2, 14},
            {16, -h / 2}, {-w - 16, -h / 2}};
        BoundingBox box = null;
        for (int far = 0; far < 2 && box == null; far++) {
            for (double[] spot : near) {
                double dx = spot[0] + Math.signum(spot[0] + w / 2) * far * (w / 2 + 16);
                double dy = spot[1] + Math.signum(spot[1] + h / 2) * far * (h + 12);
                BoundingBox candidate = new BoundingBox(x + dx, y + dy, w, h);
                boolean inside = candidate.getMinX() >= 2 && candidate.getMinY() >= 2
                        && candidate.getMaxX() <= f.width - 2 && candidate.getMaxY() <= f.height - 2;
                if (inside && placed.stream().noneMatch(candidate::intersects)) {
                    box = candidate;
                    break;
                }
            }
        }
        if (box == null) {
            if (!always) {
                return false;
            }
            box = new BoundingBox(Math.max(2, Math.min(f.width - w - 2, x + near[0][0])),
                    Math.max(2, Math.min(f.height - h - 2, y + near[0][1])), w, h);
        }
        placed.add(box);
        double cx = Math.max(box.getMinX(), Math.min(box.getMaxX(), x));
        double cy = Math.max(box.getMinY(), Math.min(box.getMaxY(), y));
        g.setStroke(color.deriveColor(0, 1, 1, 0.7));
        g.setLineWidth(1.2);
        g.strokeLine(x, y, cx, cy);
        g.setFill(LABEL_BOX);
        g.fillRoundRect(box.getMinX(), box.getMinY(), w, h, 8, 8);
        g.setStroke(color);
        g.setLineWidth(strong ? 1.8 : 1.2);
        g.strokeRoundRect(box.getMinX(), box.getMinY(), w, h, 8, 8);
        g.setFont(fnt);
        g.setFill(strong ? Color.WHITE : TEXT);
        g.fillText(text, box.getMinX() + 6, box.getMinY() + h / 2);
        return true;
    }

    /** A token label with its spaces visible: {@code “ the”}. */
    static String quoted(String label) {
        return "\u201c" + label.replace("\n", "\\n").replace("\t", "\\t") + "\u201d";
    }

    private static String number(double v, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static double textWidth(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }
}
