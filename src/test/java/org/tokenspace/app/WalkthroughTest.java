package org.tokenspace.app;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenspace.app.widgets.BarPlot;
import org.tokenspace.model.Batch;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.Settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The walkthrough driven as a person drives it: clicks, typing and keys; what it shows equals the model's values. */
class WalkthroughTest extends WindowTest {

    @BeforeEach
    void computed() throws Exception {
        settle();
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void setField(FxRobot robot, String id, String value) throws InterruptedException {
        robot.doubleClickOn("#" + id);
        robot.interact(() -> robot.lookup("#" + id).queryAs(TextField.class).clear());
        robot.write(value).type(KeyCode.ENTER);
        settle();
    }

    @Test
    void bookPresetShowsTheBooksRowForIdThreeAndItsSum(FxRobot robot) throws Exception {
        robot.clickOn("#book-preset");
        settle();
        robot.clickOn("#step-lookup");
        robot.clickOn("#lookup-id").eraseText(8).write("3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        // the book's own printouts, character for character
        assertEquals("embedding_layer(torch.tensor([3]))\ntensor([[-0.4015,  0.9666, -1.1481]], "
                + "grad_fn=<EmbeddingBackward0>)", text(robot, "#lookup-vector"));
        assertEquals("""
                print(embedding_layer.weight)
                Parameter containing:
                tensor([[ 0.3374, -0.1778, -0.1690],
                        [ 0.9178,  1.5810,  1.3010],
                        [ 1.2753, -0.2010, -0.1606],
                        [-0.4015,  0.9666, -1.1481],
                        [-1.1589,  0.3255, -0.6315],
                        [-2.8400, -0.7849, -1.4096]], requires_grad=True)""", text(robot, "#lookup-printout"));
        float[] row = model.walkthroughProperty().get().result().tables().tokenTable().getRow(3).toFloatVector();
        assertArrayEquals(row, robot.lookup("#lookup-bars").queryAs(BarPlot.class).values());

        robot.type(KeyCode.TAB); // leave the field, so the arrow keys step
        robot.clickOn("#step-position");
        PipelineResult r = model.walkthroughProperty().get().result();
        float[] pos = r.tables().positionTable().getRow(1).toFloatVector(); // id 3 sits at position 1
        float[] sum = robot.lookup("#position-input").queryAs(BarPlot.class).values();
        for (int i = 0; i < 3; i++) {
            assertEquals(Float.floatToRawIntBits(row[i] + pos[i]), Float.floatToRawIntBits(sum[i]));
        }
        assertTrue(text(robot, "#caption").contains("tokenTable[3] + positionTable[1]"), text(robot, "#caption"));
    }

    @Test
    void coursesPositionExampleTypedByHandIsShownExactly(FxRobot robot) throws Exception {
        robot.clickOn("#step-position");
        robot.clickOn("#position-by-hand");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#position-sum").contains("=  input   [0.6000, 0.1000, 0.0000]"),
                text(robot, "#position-sum"));
        float[] sum = robot.lookup("#position-input").queryAs(BarPlot.class).values();
        assertArrayEquals(new float[] {0.5f + 0.1f, -0.2f + 0.3f, 0.1f + -0.1f}, sum);

        robot.doubleClickOn("#position-token-text").eraseText(20).write("1, two, 3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("'two' in the token vector is not a number: type numbers separated by commas, e.g. 0.5, -0.2, 0.1",
                text(robot, "#position-error"));
        robot.clickOn("#position-by-hand");
    }

    @Test
    void batchGridAndShapeEqualTheModel(FxRobot robot) {
        robot.clickOn("#step-batch");
        WaitForAsyncUtils.waitForFxEvents();
        Batch batch = model.walkthroughProperty().get().result().batch();
        for (int b = 0; b < 8; b++) {
            for (int t = 0; t < 4; t++) {
                assertEquals(Integer.toString(batch.inputs()[b][t]), text(robot, "#batch-cell-" + b + "-" + t));
            }
        }
        assertEquals("inputs.shape: torch.Size([8, 4])\ninput_embeddings.shape: torch.Size([8, 4, 256])",
                text(robot, "#batch-shape"));
    }

    @Test
    void arrowKeysStepAndTheBatchAssemblesWindowByWindow(FxRobot robot) {
        robot.clickOn("#step-position");
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(Step.BATCH, model.stepper().stepProperty().get());
        assertEquals("", text(robot, "#batch-cell-1-0")); // only the first window so far
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Integer.toString(model.walkthroughProperty().get().result().batch().inputs()[1][0]),
                text(robot, "#batch-cell-1-0"));
        robot.type(KeyCode.LEFT, KeyCode.LEFT, KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(Step.LOOKUP, model.stepper().stepProperty().get());
    }

    @Test
    void clickingATokenChipSelectsItEverywhere(FxRobot robot) {
        robot.clickOn("#step-tokenize");
        robot.clickOn("#window-2-3");
        WaitForAsyncUtils.waitForFxEvents();
        int id = model.walkthroughProperty().get().result().batch().inputs()[2][3];
        assertEquals(new Selection(id, 2, 3), model.walkthroughProperty().get().selection());
        robot.clickOn("#step-lookup");
        assertEquals(Integer.toString(id), robot.lookup("#lookup-id").queryAs(TextField.class).getText());
        float[] row = model.walkthroughProperty().get().result().tokenEmbeddings()
                .get(NDArrayIndex.point(2), NDArrayIndex.point(3), NDArrayIndex.all()).toFloatVector();
        assertArrayEquals(row, robot.lookup("#lookup-bars").queryAs(BarPlot.class).values());
    }

    @Test
    void settingsThatCannotWorkShowAMessageAndKeepTheLastGoodState(FxRobot robot) throws Exception {
        PipelineResult before = model.walkthroughProperty().get().result();
        setField(robot, "maxLength", "8");
        assertEquals("maxLength 8 is above contextLength 4: the positional table has no row for position 4; "
                + "raise contextLength or lower maxLength", text(robot, "#settings-error"));
        setField(robot, "maxLength", "4");
        assertEquals("", text(robot, "#settings-error"));
        setField(robot, "stride", "0");
        assertEquals("stride must be at least 1, got 0", text(robot, "#settings-error"));
        setField(robot, "stride", "4");
        setField(robot, "vocabSize", "lots");
        assertEquals("vocabSize 'lots' is not a whole number: type one from 1 to 2147483647",
                text(robot, "#settings-error"));
        setField(robot, "vocabSize", "50257");
        setField(robot, "seed", "18446744073709551616");
        assertTrue(text(robot, "#settings-error").startsWith("seed 18446744073709551616 is outside 64 bits"));
        setField(robot, "seed", "123");
        robot.interact(() -> model.setText("Too short"));
        settle();
        assertTrue(text(robot, "#settings-error").startsWith("the text has 2 tokens, too few for one window"),
                text(robot, "#settings-error"));
        assertArrayEquals(before.batch().inputs(), model.walkthroughProperty().get().result().batch().inputs());
        robot.interact(() -> model.setText(SampleText.TEXT));
        settle();
        assertEquals("", text(robot, "#settings-error"));
    }

    @Test
    void changingASettingUpdatesEveryView(FxRobot robot) throws Exception {
        setField(robot, "batch", "2");
        Settings s = model.settingsProperty().get();
        assertEquals(2, s.batchIndex());
        PipelineResult r = model.walkthroughProperty().get().result();
        robot.clickOn("#step-batch");
        assertEquals(Integer.toString(r.batch().inputs()[0][0]), text(robot, "#batch-cell-0-0"));
        robot.clickOn("#step-tokenize");
        assertTrue(text(robot, "#caption").contains("batch 3 of"), text(robot, "#caption"));
        setField(robot, "batch", "0");
    }
}
