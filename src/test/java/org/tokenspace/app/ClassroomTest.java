package org.tokenspace.app;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenspace.io.Npy;
import org.tokenspace.model.Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window as a projector shows it, 1024 x 768: nothing cut, zoom, the stage buttons, loaded tables. */
class ClassroomTest extends WindowTest {
    @Override
    protected int width() {
        return 1024;
    }

    @Override
    protected int height() {
        return 768;
    }

    @BeforeEach
    void computed() throws Exception {
        settle();
    }

    /**
     * Every label, button and check box under {@code root} whose shown text its skin cut short; laid out first, so a
     * text set since the last pulse (a result that just arrived) is judged as it will be drawn.
     */
    static List<String> elided(Parent root) {
        root.applyCss();
        root.layout();
        List<String> cut = new ArrayList<>();
        walk(root, cut);
        return cut;
    }

    private static void walk(Node n, List<String> cut) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            Node shown = l.lookup(".text");
            if (shown instanceof Text t && !t.getText().equals(l.getText())) {
                cut.add(l.getText() + " → " + t.getText());
            }
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, cut);
            }
        }
    }

    @Test
    void noStageCutsATextAtProjectorSize(FxRobot robot) throws Exception {
        for (Step s : Step.values()) {
            robot.interact(() -> model.stepper().show(s));
            settle();
            assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> elided(view)).get(), s + " at 1024 x 768");
        }
        robot.interact(() -> model.setSettings(Settings.builder().contextLength(8).maxLength(8).stride(8).build()));
        settle();
        robot.interact(() -> model.stepper().show(Step.BATCH));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> elided(view)).get(), "batch at maxLength 8");
    }

    @Test
    void theCheckFindsACutText(FxRobot robot) throws Exception {
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(new javafx.scene.control.Label(
                "a caption far too long for forty pixels"));
        box.setMaxWidth(40);
        robot.interact(() -> view.setBottom(box));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> elided(view)).get();
        assertEquals(1, cut.size(), cut.toString());
        assertTrue(cut.get(0).startsWith("a caption far too long for forty pixels → "), cut.get(0));
    }

    @Test
    void zoomMakesEveryTextLargerAndResetBringsItBack(FxRobot robot) {
        Labeled caption = robot.lookup("#caption").queryAs(Labeled.class);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        double before = caption.getFont().getSize();
        assertEquals(14 * 1.21, before, 0.05, "the caption's CSS size at zoom 1");
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.3, model.display().zoomProperty().get(), 1e-9);
        assertEquals(before * 1.3, caption.getFont().getSize(), 0.05);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, caption.getFont().getSize(), 1e-9);
    }

    @Test
    void theCurrentStageStaysHighlightedAndPlayStopsAtTheEnd(FxRobot robot) throws Exception {
        robot.clickOn("#step-lookup");
        robot.clickOn("#step-lookup");
        assertTrue(robot.lookup("#step-lookup").queryAs(ToggleButton.class).isSelected());
        robot.interact(() -> {
            model.stepper().show(Step.last());
            model.stepper().intervalProperty().unbind();
            model.stepper().intervalProperty().set(0.2);
        });
        List<Step> visited = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> model.stepper().stepProperty().addListener((o, a, b) -> visited.add(b)));
        robot.clickOn("#play"); // at the end, Play starts over from the first stage
        // 0.2 s a step, the batch one window at a time: the end in a few seconds
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> !model.stepper().playingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Step.first(), visited.get(0), "Play at the end starts over from the first stage");
        assertEquals(Step.last(), model.stepper().stepProperty().get());
        assertFalse(model.stepper().playingProperty().get(), "stopped at the end");
    }

    @Test
    void aLoadedTableShowsItsShapeReadOnlyAndOneClickReturnsToTheSeededTables(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("small.npy");
        float[] values = new float[1000 * 16];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        Npy.write(file, Nd4j.create(values, new long[] {1000, 16}, 'c'));
        robot.interact(() -> model.loadTables(file, null, null));
        settle();
        TextField vocab = robot.lookup("#vocabSize").queryAs(TextField.class);
        assertEquals("1000", vocab.getText());
        assertTrue(model.problemProperty().get().contains("this table has too few rows for GPT-2's ids; use the "
                + "seeded tables"), model.problemProperty().get());
        assertEquals("16", robot.lookup("#embeddingDim").queryAs(TextField.class).getText());
        assertFalse(vocab.isEditable());
        robot.interact(() -> robot.lookup("#use-seeded").queryButton().fire()); // below the fold at this size
        settle();
        assertEquals("50257", vocab.getText());
        assertTrue(vocab.isEditable());
        assertEquals(256, model.walkthroughProperty().get().result().tables().embeddingDim());
    }
}
