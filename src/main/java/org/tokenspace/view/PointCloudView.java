package org.tokenspace.view;

import org.tokenspace.i18n.I18n;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The point view: a cloud of up to millions of points drawn by its own camera ({@link Camera}) and rasterizer
 * ({@link PointRaster}) into an image that shares the raster's pixels ({@link PixelBuffer}), with axes, labels and
 * overlays drawn on a canvas above it. No 3-D scene graph: it draws the same on any machine, and {@code snapshot()}
 * gives what the screen shows. Use it on the JavaFX thread.
 *
 * <p>Mouse: drag to orbit (in 2-D: pan), right- or shift-drag to pan, scroll to zoom, hover for a point's token,
 * click to select it.
 */
public final class PointCloudView extends Region {
    private static final int PICK_RADIUS = 6;
    private static final int MAX_LABELS = 12;

    private final PointRaster raster = new PointRaster();
    private final Camera camera = new Camera();
    private final OverlayPainter painter = new OverlayPainter(16);
    private final ImageView imageView = new ImageView();
    private final Canvas overlay = new Canvas();
    private final Label tooltip = new Label();
    private final ViewControls controls;
    private PixelBuffer<IntBuffer> pixels;
    private CloudData data = CloudData.EMPTY;
    private int[] matches = new int[0];
    private Camera.Frame frame;
    private boolean renderPending;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private boolean figure;
    private int[] emphasized = new int[0];

    private final ObjectProperty<ViewMode> mode = new SimpleObjectProperty<>(this, "mode", ViewMode.PERSPECTIVE);
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
    private final ReadOnlyIntegerWrapper hoveredIndex = new ReadOnlyIntegerWrapper(this, "hoveredIndex", -1);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyIntegerWrapper matchCount = new ReadOnlyIntegerWrapper(this, "matchCount", 0);
    private final ObservableList<Marker> markers = FXCollections.observableArrayList();
    private final ObservableList<Arrow> arrows = FXCollections.observableArrayList();
    private final ObservableList<Segment> segments = FXCollections.observableArrayList();

    public PointCloudView() {
        getStyleClass().add("point-cloud-view");
        setStyle("-fx-background-color: #101318;");
        setMinSize(200, 150);
        setPrefSize(1000, 700);
        overlay.setMouseTransparent(true);
        imageView.setMouseTransparent(true);
        tooltip.setId("point-tooltip");
        tooltip.setManaged(false);
        tooltip.setVisible(false);
        tooltip.setMouseTransparent(true);
        tooltip.setStyle("-fx-background-color: rgba(11,13,18,0.92); -fx-text-fill: #f2f4f8;"
                + " -fx-border-color: #ffe27a; -fx-border-radius: 6; -fx-background-radius: 6;"
                + " -fx-font-size: 1em; -fx-font-family: \"" + FontScale.SANS + "\";");
        tooltip.setPadding(new Insets(6, 9, 6, 9));
        controls = new ViewControls(search, mode);
        getChildren().addAll(imageView, overlay, controls, tooltip);
        FontScale scale = new FontScale(getChildren(), () -> { });
        scale.changed(() -> { // the window's zoom: labels and hints grow with it
            painter.setScale(scale.get());
            requestRender();
        });

        mode.addListener((o, was, now) -> {
            camera.setMode(now);
            requestRender();
        });
        selectedIndex.addListener((o, was, now) -> {
            raster.setSelected(now.intValue());
            requestRender();
        });
        search.addListener((o, was, now) -> updateSearch());
        markers.addListener((javafx.collections.ListChangeListener<Marker>) c -> requestRender());
        arrows.addListener((javafx.collections.ListChangeListener<Arrow>) c -> requestRender());
        segments.addListener((javafx.collections.ListChangeListener<Segment>) c -> requestRender());

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1e9, -1e9));
        addEventHandler(ScrollEvent.SCROLL, e -> {
            camera.zoomBy(Math.pow(1.0015, e.getDeltaY()));
            requestRender();
        });
    }

    /**
     * Sets the cloud: {@code xyz} row-major {@code [n, 3]} (in 2-D the third value is ignored; 0 is fine), a label
     * for point i, and each point's token id ({@code null}: the index is the id). Clears the selection and re-runs
     * the search. The camera frames the first cloud and then stays where it is, so that a new cloud in the same axes
     * does not jump ({@link #resetCamera} frames it again). The array is kept, not copied.
     */
    public void setCloud(float[] xyz, IntFunction<String> labels, int[] tokenIds) {
        int n = xyz.length / 3;
        if (tokenIds != null && tokenIds.length != n) {
            throw new IllegalArgumentException(n + " points but " + tokenIds.length + " token ids");
        }
        boolean first = data.count == 0;
        data = new CloudData(xyz, n, labels, tokenIds == null ? null : tokenIds.clone(), data.axisNames);
        raster.setPoints(xyz, n);
        if (first) {
            resetCamera();
        }
        selectedIndex.set(-1);
        hoveredIndex.set(-1);
        updateSearch();
    }

    /**
     * Moves the points of the cloud (the same tokens, in the same axes, e.g. as training changes them), keeping the
     * camera, the selection, the search and the emphasized points.
     */
    public void moveCloud(float[] xyz) {
        if (xyz.length != data.xyz.length) {
            throw new IllegalArgumentException(xyz.length / 3 + " points, the cloud has " + data.count);
        }
        data = new CloudData(xyz, data.count, data.labels, data.tokenIds, data.axisNames);
        raster.movePoints(xyz); // selection and highlights stay
        requestRender();
    }

    /** Points drawn bright when no search is active (e.g. the tokens of the text); the search's matches win. */
    public void setEmphasized(int[] indices) {
        emphasized = indices.clone();
        raster.setHighlighted(matches.length > 0 ? matches : emphasized);
        requestRender();
    }

    /**
     * A clean figure for course notes: no search field, no view buttons, no mouse hints; labels, axes and the legend
     * stay. Off again for the window.
     */
    public void setFigure(boolean clean) {
        figure = clean;
        controls.setVisible(!clean);
        requestRender();
    }

    /** Frames the camera on the cloud (center at the origin of the axes) with the default angles, zoom and pan. */
    public void resetCamera() {
        camera.lookAt(0, 0, 0, raster.extent());
        camera.reset();
        requestRender();
    }

    /** Names of the x, y and z axes, e.g. {@code "PC1 · 0.45%"}. */
    public void setAxisNames(String... names) {
        String[] all = Arrays.copyOf(names, 3);
        for (int c = 0; c < 3; c++) {
            all[c] = all[c] == null ? "xyz".substring(c, c + 1) : all[c];
        }
        data = data.withAxisNames(all);
        requestRender();
    }

    public ObjectProperty<ViewMode> modeProperty() {
        return mode;
    }

    public ViewMode getMode() {
        return mode.get();
    }

    public void setMode(ViewMode m) {
        mode.set(m);
    }

    /** The selected point's index (click to select), -1 for none. */
    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public int getSelectedIndex() {
        return selectedIndex.get();
    }

    public void setSelectedIndex(int i) {
        selectedIndex.set(i);
    }

    /** The point under the mouse, -1 for none. */
    public ReadOnlyIntegerProperty hoveredIndexProperty() {
        return hoveredIndex.getReadOnlyProperty();
    }

    /** The search text: points whose label contains it (ignoring case) are highlighted, the best ones labeled. */
    public StringProperty searchProperty() {
        return search;
    }

    public String getSearch() {
        return search.get();
    }

    public void setSearch(String text) {
        search.set(text);
    }

    /** How many points match the search. */
    public ReadOnlyIntegerProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    /** The points matching the search, best first. */
    public int[] getMatches() {
        return matches.clone();
    }

    /** Bright markers over the cloud. */
    public ObservableList<Marker> getMarkers() {
        return markers;
    }

    /** Arrows over the cloud. */
    public ObservableList<Arrow> getArrows() {
        return arrows;
    }

    /** Segments linking pairs of points. */
    public ObservableList<Segment> getSegments() {
        return segments;
    }

    /** The camera (orbit, zoom, pan); call {@link #requestRender} after changing it. */
    public Camera getCamera() {
        return camera;
    }

    /** The token id of point {@code i}. */
    public int tokenId(int i) {
        return data.tokenId(i);
    }

    /** The number of points. */
    public int pointCount() {
        return data.count;
    }

    /** Point {@code i}'s coordinates in the axes (for a marker or an arrow at a point). */
    public Vec3 coordinates(int i) {
        return data.point(i);
    }

    /** Where point {@code i} is drawn, in this view's local coordinates (null when behind the eye). */
    public Point2D pointPosition(int i) {
        double[] s = new double[3];
        return currentFrame().project(data.xyz[3 * i], data.xyz[3 * i + 1], data.xyz[3 * i + 2], s)
                ? new Point2D(s[0], s[1]) : null;
    }

    /** The point drawn at local {@code (x, y)} (within a few pixels), or -1. */
    public int pointAt(double x, double y) {
        return raster.pick(x, y, PICK_RADIUS);
    }

    /** The tooltip's text (empty when hidden). */
    public String getTooltipText() {
        return tooltip.isVisible() ? tooltip.getText() : "";
    }

    /** Redraws on the next pulse; changes made in one go are drawn once. */
    public void requestRender() {
        if (!renderPending) {
            renderPending = true;
            Platform.runLater(this::renderNow);
        }
    }

    /** Redraws now (FX thread). */
    public void renderNow() {
        renderPending = false;
        int w = Math.max(1, (int) Math.round(getWidth()));
        int h = Math.max(1, (int) Math.round(getHeight()));
        raster.resize(w, h);
        frame = camera.frame(w, h);
        raster.render(frame);
        if (pixels == null || pixels.getBuffer().array() != raster.pixels()) {
            // the image shares the raster's int[]: no copy per frame (opaque ARGB is its own premultiplied form)
            pixels = new PixelBuffer<>(w, h, IntBuffer.wrap(raster.pixels()), PixelFormat.getIntArgbPreInstance());
            imageView.setImage(new WritableImage(pixels));
        } else {
            pixels.updateBuffer(b -> null);
        }
        overlay.setWidth(w);
        overlay.setHeight(h);
        int[] labeled = Arrays.copyOf(matches, Math.min(MAX_LABELS, matches.length));
        painter.paint(overlay.getGraphicsContext2D(), frame, new OverlayPainter.Scene(data, raster.extent(), labeled,
                matches.length, selectedIndex.get(), hoveredIndex.get(), markers, arrows, segments, figure ? null : hint(),
                figure || !controls.isVisible() ? List.of() : List.of(controls.getBoundsInParent())));
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        imageView.relocate(0, 0);
        overlay.relocate(0, 0);
        controls.autosize();
        controls.relocate(12, 12);
        if (frame == null || frame.width != (int) Math.round(w) || frame.height != (int) Math.round(h)) {
            renderNow();
        }
    }

    private Camera.Frame currentFrame() {
        int w = Math.max(1, (int) Math.round(getWidth()));
        int h = Math.max(1, (int) Math.round(getHeight()));
        return frame != null && frame.width == w && frame.height == h ? frame : camera.frame(w, h);
    }

    private String hint() {
        return I18n.tr(mode.get() == ViewMode.FLAT_2D ? "cloud.hint2d" : "cloud.hint3d", data.count,
                matches.length);
    }

    private void updateSearch() {
        matches = TokenSearch.find(data, search.get());
        matchCount.set(matches.length);
        raster.setHighlighted(matches.length > 0 ? matches : emphasized);
        requestRender();
    }

    private void pressed(MouseEvent e) {
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragged = false;
    }

    private void dragged(MouseEvent e) {
        double dx = e.getX() - lastX;
        double dy = e.getY() - lastY;
        lastX = e.getX();
        lastY = e.getY();
        if (Math.abs(e.getX() - pressX) + Math.abs(e.getY() - pressY) > 3) {
            dragged = true;
        }
        boolean pan = e.getButton() != MouseButton.PRIMARY || e.isShiftDown() || mode.get() == ViewMode.FLAT_2D;
        if (pan) {
            camera.pan(dx, dy);
        } else {
            camera.orbit(dx, dy);
        }
        tooltip.setVisible(false);
        requestRender();
    }

    private void released(MouseEvent e) {
        if (!dragged && e.getButton() == MouseButton.PRIMARY) {
            selectedIndex.set(pointAt(e.getX(), e.getY()));
        }
    }

    private void hover(double x, double y) {
        int i = data.count == 0 ? -1 : pointAt(x, y);
        if (i != hoveredIndex.get()) {
            hoveredIndex.set(i);
            requestRender();
        }
        if (i < 0) {
            tooltip.setVisible(false);
            return;
        }
        tooltip.setText(describe(i));
        tooltip.autosize();
        double tx = x + 16 + tooltip.getWidth() > getWidth() ? x - 16 - tooltip.getWidth() : x + 16;
        double ty = y + 16 + tooltip.getHeight() > getHeight() ? y - 16 - tooltip.getHeight() : y + 16;
        tooltip.relocate(Math.max(0, tx), Math.max(0, ty));
        tooltip.setVisible(true);
    }

    /** The tooltip text of point {@code i}: its token, id and coordinates. */
    String describe(int i) {
        Vec3 p = data.point(i);
        String coords = mode.get() == ViewMode.FLAT_2D
                ? String.format(Locale.ROOT, "%s %.3f   %s %.3f", data.shortAxisName(0), p.x(), data.shortAxisName(1), p.y())
                : String.format(Locale.ROOT, "%s %.3f   %s %.3f   %s %.3f", data.shortAxisName(0), p.x(),
                data.shortAxisName(1), p.y(), data.shortAxisName(2), p.z());
        return OverlayPainter.quoted(data.label(i)) + "   id " + data.tokenId(i) + "\n" + coords;
    }
}
