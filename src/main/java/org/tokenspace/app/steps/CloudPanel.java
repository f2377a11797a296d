package org.tokenspace.app.steps;

import javafx.scene.paint.Color;
import org.tokenspace.app.Walkthrough;
import org.tokenspace.app.WalkthroughModel;
import org.tokenspace.view.Marker;
import org.tokenspace.view.PointCloudView;
import org.tokenspace.view.Vec3;

/**
 * A point view of the whole vocabulary in the walkthrough's fixed PCA axes, faint behind whatever a stage draws over
 * it. Clicking a point selects its token everywhere.
 */
final class CloudPanel {
    static final Color TOKEN = Color.rgb(255, 196, 64);
    static final Color POSITION = Color.rgb(80, 220, 170);
    static final Color INPUT = Color.rgb(220, 130, 255);
    private static final Color SMALL_POINT = Color.rgb(150, 200, 255);
    private static final int SMALL_TABLE = 64;

    final PointCloudView view = new PointCloudView();
    private float[] shown;
    private boolean updating;

    CloudPanel(WalkthroughModel model, String id) {
        view.setId(id);
        view.selectedIndexProperty().addListener((o, a, b) -> {
            if (!updating && b.intValue() >= 0) {
                model.selectId(view.tokenId(b.intValue()));
            }
        });
    }

    /** Sets the vocabulary cloud when the state brings new axes, and clears the overlays. */
    void show(Walkthrough w) {
        updating = true;
        try {
            float[] points = w.cloud().points();
            if (shown != points) {
                boolean resized = shown == null || shown.length != points.length;
                view.setCloud(points, w.result().tables()::label, null);
                if (resized) {
                    view.resetCamera(); // another table size: frame it; a new seed keeps the user's view
                }
                view.setAxisNames(w.cloud().axes().axisNames());
                shown = points;
            }
            view.getMarkers().clear();
            view.getArrows().clear();
            view.getSegments().clear();
            long vocab = w.result().tables().vocabSize();
            if (vocab <= SMALL_TABLE) { // a few rows (the book's 6): every token marked and named
                for (int i = 0; i < vocab; i++) {
                    view.getMarkers().add(new Marker(Vec3.of(w.cloud().point(i)), SMALL_POINT,
                            i + " '" + w.result().tables().label(i) + "'"));
                }
            }
        } finally {
            updating = false;
        }
    }

    /** Marks the token in the cloud without moving the camera. */
    void select(int id) {
        updating = true;
        try {
            view.selectedIndexProperty().set(id);
        } finally {
            updating = false;
        }
    }

    /** Points the camera at these points, close enough that they fill the view (the user can still zoom out). */
    void frameOn(Vec3... points) {
        double x = 0;
        double y = 0;
        double z = 0;
        for (Vec3 p : points) {
            x += p.x() / points.length;
            y += p.y() / points.length;
            z += p.z() / points.length;
        }
        double r = 0;
        for (Vec3 p : points) {
            r = Math.max(r, Math.sqrt(Math.pow(p.x() - x, 2) + Math.pow(p.y() - y, 2) + Math.pow(p.z() - z, 2)));
        }
        view.getCamera().lookAt(x, y, z, Math.max(r * 1.15, 1e-3));
        view.requestRender();
    }

    /** A vector {@code [D]} in the fitted axes. */
    static Vec3 project(Walkthrough w, float[] vector) {
        return Vec3.of(w.cloud().axes().transform(vector));
    }

}
