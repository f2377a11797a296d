package org.tokenspace.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.Settings;
import org.tokenspace.model.Tables;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Train stage driven as a person drives it: play, pause, the loss falls, reset gives the seeded bits. */
class TrainStageTest extends WindowTest {
    private static final Settings SMALL = Settings.builder().embeddingDim(16).shuffle(true).build();

    @BeforeEach
    void small() throws Exception {
        robot().interact(() -> model.setSettings(SMALL));
        settle();
        robot().interact(() -> model.stepper().show(Step.TRAIN));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static FxRobot robot() {
        return new FxRobot();
    }

    private static double mean(float[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }

    @Test
    void playTrainsPauseStopsAndTheLossFalls(FxRobot robot) throws Exception {
        TrainModel train = model.train();
        robot.interact(() -> train.lrProperty().set(4e-3));
        robot.clickOn("#train-play");
        long deadline = System.nanoTime() + 120_000_000_000L; // enough steps, however busy the machine is
        while ((train.trainer() == null || train.trainer().stepCount() < 40) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        robot.clickOn("#train-play"); // now Pause
        train.awaitIdle();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(train.runningProperty().get());
        TrainSnapshot s = train.snapshotProperty().get();
        float[] losses = s.losses();
        assertTrue(losses.length >= 40, losses.length + " steps");
        assertTrue(mean(losses, losses.length - 10, losses.length) < mean(losses, 0, 10) - 0.05,
                "the loss falls: " + mean(losses, 0, 10) + " -> " + mean(losses, losses.length - 10, losses.length));
        long steps = s.steps();
        Thread.sleep(600);
        assertEquals(steps, train.trainer().stepCount(), "paused: no more steps");
    }

    @Test
    void resetGivesTheWalkthroughsSeededTablesBitForBit(FxRobot robot) throws Exception {
        TrainModel train = model.train();
        robot.interact(() -> train.steps(5));
        train.awaitIdle();
        assertEquals(5, train.trainer().stepCount());
        robot.clickOn("#train-reset");
        train.awaitIdle();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, train.trainer().stepCount());
        Tables seeded = Tables.seeded(123, 50257, 16, 4, NormalKernel.AVX2);
        Tables start = train.trainer().tables();
        assertArrayEquals(seeded.tokenTable().data().asFloat(), start.tokenTable().data().asFloat(), 0f);
        assertArrayEquals(seeded.positionTable().data().asFloat(), start.positionTable().data().asFloat(), 0f);
        assertEquals(0, train.snapshotProperty().get().steps());
    }

    @Test
    void theTrainedTablesCarryOnThroughTheWalkthrough(FxRobot robot) throws Exception {
        TrainModel train = model.train();
        robot.interact(() -> train.steps(3));
        train.awaitIdle();
        robot.clickOn("#train-use");
        settle();
        Tables trained = train.trainer().tables();
        assertArrayEquals(trained.tokenTable().data().asFloat(),
                model.walkthroughProperty().get().result().tables().tokenTable().data().asFloat(), 0f);
    }
}
