package org.tokenspace.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenspace.Golden;
import org.tokenspace.io.Exports;
import org.tokenspace.io.Npy;
import org.tokenspace.model.Preset;
import org.tokenspace.model.Settings;
import org.tokenspace.view.HeadlessFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The walkthrough driven through its view model alone: no window, no controls, only its properties and methods. */
class WalkthroughModelTest {
    private WalkthroughModel model;

    @BeforeEach
    void computed() throws InterruptedException {
        model = fx(WalkthroughModel::new);
        fx(() -> {
            model.recompute();
            return null;
        });
        model.awaitIdle();
    }

    private static <T> T fx(Supplier<T> action) {
        return HeadlessFx.call(action);
    }

    private void run(Runnable action) throws InterruptedException {
        fx(() -> {
            action.run();
            return null;
        });
        model.awaitIdle();
    }

    private Walkthrough state() {
        return fx(() -> model.walkthroughProperty().get());
    }

    @Test
    void theCoursesDefaultsComputeWithTheFirstTokenSelected() {
        Walkthrough w = state();
        assertArrayEquals(new long[] {8, 4, 256}, w.result().inputEmbeddings().shape());
        assertEquals(Selection.first(w.result()), w.selection());
        assertEquals(50257, w.cloud().size());
    }

    @Test
    void theBookPresetLooksUpIdThreeAsTheBookDoes() throws Exception {
        run(() -> model.apply(Preset.BOOK));
        Walkthrough w = state();
        assertEquals(new Selection(3, 0, 1), w.selection());
        float[] row = w.result().tables().tokenTable().getRow(3).toFloatVector();
        float[] golden = new float[3];
        var values = Golden.json("embedding_seed123_6x3.json").path("avx2").path("values").get(3);
        for (int d = 0; d < 3; d++) {
            golden[d] = (float) values.get(d).asDouble();
        }
        assertArrayEquals(golden, row, 0f);
    }

    @Test
    void aSettingThatCannotWorkIsNamedAndTheLastGoodStateStays() throws Exception {
        Walkthrough before = state();
        run(() -> model.setSettings(Settings.builder().maxLength(8).build()));
        assertTrue(fx(() -> model.problemProperty().get()).startsWith("maxLength 8 is above contextLength 4"));
        assertSame(before, state());
        run(() -> model.setSettings(Settings.DEFAULTS.withSeed(7)));
        assertEquals("", fx(() -> model.problemProperty().get()));
    }

    @Test
    void aSelectionKeepsItsPlaceWhenTheStateChanges() throws Exception {
        run(() -> model.select(2, 3));
        run(() -> model.setSettings(Settings.DEFAULTS.withBatch(0, 5)));
        Walkthrough w = state();
        assertEquals(5, w.result().settings().batchIndex());
        assertEquals(new Selection(w.result().batch().inputs()[2][3], 2, 3), w.selection());
        run(() -> model.selectId(50256));
        assertEquals(50256, state().selection().id());
    }

    @Test
    void theStepperAssemblesTheBatchAndStopsAtTheEnds() throws Exception {
        Stepper s = model.stepper();
        run(s::previous);
        assertSame(Step.TOKENIZE, fx(() -> s.stepProperty().get()));
        run(() -> s.show(Step.POSITION));
        run(s::next);
        assertSame(Step.BATCH, fx(() -> s.stepProperty().get()));
        assertEquals(1, fx(() -> s.rowsShownProperty().get()));
        run(s::next);
        assertEquals(2, fx(() -> s.rowsShownProperty().get()));
        run(s::previous);
        assertEquals(1, fx(() -> s.rowsShownProperty().get()));
        for (int i = 0; i < 8; i++) {
            run(s::next);
        }
        assertSame(Step.PROJECTION, fx(() -> s.stepProperty().get()));
        run(s::next);
        assertSame(Step.SCHEMES, fx(() -> s.stepProperty().get()));
        run(s::next);
        assertSame(Step.TRAIN, fx(() -> s.stepProperty().get()));
        run(s::next);
        assertSame(Step.EXPLORE, fx(() -> s.stepProperty().get()));
        run(s::next);
        assertSame(Step.EXPLORE, fx(() -> s.stepProperty().get()), "the last stage stays");
        assertTrue(fx(s::atEnd));
    }

    @Test
    void exportsAndSessionsRunThroughTheFilesModel(@TempDir Path dir) throws Exception {
        run(() -> model.apply(Preset.BOOK));
        run(() -> model.files().export(Exports.What.TOKEN_TABLE, Exports.Format.NPY, dir));
        assertArrayEquals(state().result().tables().tokenTable().data().asFloat(),
                Npy.read(dir.resolve("token_table.npy")).data().asFloat(), 0f);
        assertEquals("wrote 1 file into " + dir, fx(() -> model.statusProperty().get()));

        run(() -> model.select(0, 2));
        run(() -> model.stepper().show(Step.POSITION));
        run(() -> model.files().saveSession(dir.resolve("lesson")));
        Path saved = dir.resolve("lesson" + FilesModel.SESSION_EXTENSION);
        assertTrue(Files.isRegularFile(saved), "the session gets its extension");

        run(() -> model.apply(Preset.course(SampleText.TEXT)));
        run(() -> model.stepper().show(Step.TOKENIZE));
        run(() -> model.files().openSession(saved));
        Walkthrough w = state();
        assertEquals(6, w.result().tables().vocabSize());
        assertEquals(new Selection(5, 0, 2), w.selection());
        assertSame(Step.POSITION, fx(() -> model.stepper().stepProperty().get()));
        assertFalse(fx(() -> model.busyProperty().get()));
    }

    @Test
    void aSessionKeepsTheTrainingAndReplaysItBitForBit(@TempDir Path dir) throws Exception {
        run(() -> model.setSettings(Settings.builder().embeddingDim(16).shuffle(true).build()));
        TrainModel train = model.train();
        run(() -> {
            train.lrProperty().set(4e-3);
            train.steps(5);
        });
        train.awaitIdle();
        run(() -> {
            train.lrProperty().set(1e-3);
            train.steps(3);
        });
        train.awaitIdle();
        run(train::useInWalkthrough);
        float[] trained = state().result().tables().tokenTable().data().asFloat();
        Path saved = dir.resolve("trained" + FilesModel.SESSION_EXTENSION);
        run(() -> model.files().saveSession(saved));

        run(() -> model.apply(Preset.course(SampleText.TEXT)));
        run(train::reset);
        train.awaitIdle();
        run(() -> model.files().openSession(saved));
        train.awaitIdle();
        model.awaitIdle();
        assertEquals(8, train.trainer().stepCount());
        assertArrayEquals(trained, state().result().tables().tokenTable().data().asFloat(), 0f,
                "the replayed steps give the same bits, and the walkthrough shows them again");
        assertEquals(1e-3, fx(() -> train.lrProperty().get()), 0);
    }
}
