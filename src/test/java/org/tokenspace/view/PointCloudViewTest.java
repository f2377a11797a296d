package org.tokenspace.view;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenspace.model.Gpt2Tokenizer;
import org.tokenspace.projection.PcaAxes;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The full-vocabulary cloud on the headless platform: hover, click, search, snapshot. */
@ExtendWith(ApplicationExtension.class)
class PointCloudViewTest {
    private static final int MODEL = 2746; // " model"
    private static float[] xyz;
    private static PcaAxes axes;
    private PointCloudView view;

    @BeforeAll
    static void project() {
        axes = org.tokenspace.Fixtures.courseCloud().axes();
        xyz = org.tokenspace.Fixtures.courseCloud().points(); // [50257, 3]
    }

    @Start
    void start(Stage stage) {
        view = new PointCloudView();
        view.setCloud(xyz, Gpt2Tokenizer.get()::tokenText, null);
        view.setAxisNames(axes.axisNames());
        stage.setScene(new Scene(view, 900, 640));
        stage.show();
    }

    /** Zooms the flat view in on {@code id} so that its point stands alone, and returns its screen position. */
    private Point2D focusOn(FxRobot robot, int id) {
        robot.interact(() -> {
            view.setMode(ViewMode.FLAT_2D);
            Camera c = view.getCamera();
            c.lookAt(xyz[3 * id], xyz[3 * id + 1], 0, c.radius());
            c.zoomBy(8);
            view.renderNow();
        });
        Point2D local = view.pointPosition(id);
        return view.localToScreen(local.getX() + 0.5, local.getY() + 0.5);
    }

    @Test
    void hoverShowsTheTokenUnderTheMouse(FxRobot robot) {
        Point2D at = focusOn(robot, MODEL);
        robot.moveTo(at);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MODEL, view.hoveredIndexProperty().get());
        String text = view.getTooltipText();
        assertTrue(text.startsWith("\u201c\u00b7model\u201d   id 2746"), text);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "PC1 %.3f", xyz[3 * MODEL])), text);
        assertTrue(robot.lookup("#point-tooltip").queryLabeled().isVisible());
    }

    @Test
    void clickSelectsThePoint(FxRobot robot) {
        robot.clickOn(focusOn(robot, MODEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MODEL, view.getSelectedIndex());
        robot.clickOn(view.localToScreen(30, view.getHeight() - 60)); // empty corner
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-1, view.getSelectedIndex());
    }

    @Test
    void searchHighlightsTheMatchingToken(FxRobot robot) {
        robot.clickOn("#point-search").write(" model");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(" model", view.getSearch());
        int[] matches = view.getMatches();
        assertTrue(matches.length > 1, "tokens containing 'model'");
        assertEquals(MODEL, matches[0], "the exact token first");
        Point2D p = view.pointPosition(MODEL);
        int color = snapshotPixel(robot, (int) p.getX(), (int) p.getY());
        assertClose(Palette.HIGHLIGHT, color);
        assertEquals(MODEL, view.pointAt(p.getX(), p.getY()), "a highlighted point is on top");
    }

    @Test
    void dragOrbitsScrollZoomsAndTheButtonsSwitchTheProjection(FxRobot robot) {
        double yaw = view.getCamera().yaw();
        Point2D center = view.localToScreen(view.getWidth() / 2, view.getHeight() / 2);
        robot.drag(center, javafx.scene.input.MouseButton.PRIMARY).moveBy(80, 0).release(
                javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.getCamera().yaw() > yaw + 0.3, "orbited by the drag");
        assertEquals(-1, view.getSelectedIndex(), "a drag is no click");
        double zoom = view.getCamera().zoom();
        robot.moveTo(center).scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.getCamera().zoom() != zoom, "scrolled");
        robot.clickOn("#mode-flat_2d");
        assertEquals(ViewMode.FLAT_2D, view.getMode());
        robot.clickOn("#mode-orthographic");
        assertEquals(ViewMode.ORTHOGRAPHIC, view.getMode());
    }

    @Test
    void snapshotShowsTheRasterizedPoints(FxRobot robot) {
        robot.interact(view::renderNow);
        AtomicReference<WritableImage> node = new AtomicReference<>();
        AtomicReference<WritableImage> scene = new AtomicReference<>();
        robot.interact(() -> {
            node.set(view.snapshot(null, null));
            scene.set(view.getScene().snapshot(null));
        });
        PixelReader a = node.get().getPixelReader();
        PixelReader b = scene.get().getPixelReader();
        int w = (int) node.get().getWidth();
        int h = (int) node.get().getHeight();
        int same = 0;
        int shown = 0;
        int checked = 0;
        for (int i = 0; i < 50257; i += 97) {
            Point2D p = view.pointPosition(i);
            int x = (int) Math.floor(p.getX());
            int y = (int) Math.floor(p.getY());
            if (x < 0 || y < 0 || x >= w || y >= h) {
                continue;
            }
            checked++;
            same += a.getArgb(x, y) == b.getArgb(x, y) ? 1 : 0;
            shown += a.getArgb(x, y) != Palette.BACKGROUND ? 1 : 0;
        }
        assertEquals(checked, same, "the node's snapshot is the scene's picture");
        assertTrue(shown > 0.97 * checked, shown + " of " + checked + " points drawn");
    }

    /** Equal up to 2 per channel: the software pipeline rounds colors when it draws the image. */
    private static void assertClose(int expected, int actual) {
        for (int shift = 0; shift < 32; shift += 8) {
            int e = (expected >>> shift) & 255;
            int a = (actual >>> shift) & 255;
            assertTrue(Math.abs(e - a) <= 2, Integer.toHexString(expected) + " vs " + Integer.toHexString(actual));
        }
    }

    private int snapshotPixel(FxRobot robot, int x, int y) {
        AtomicReference<WritableImage> img = new AtomicReference<>();
        robot.interact(() -> img.set(view.snapshot(null, null)));
        return img.get().getPixelReader().getArgb(x, y);
    }
}
