package org.tokenspace.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenspace.app.widgets.BarPlot;
import org.tokenspace.io.Safetensors;
import org.tokenspace.model.PipelineResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tables loaded from a file replace the seeded ones in every stage; a broken file leaves the last good state. */
class LoadedTablesTest extends WindowTest {
    @TempDir
    Path dir;

    @Test
    void aCheckpointsTablesAreSteppedThroughLookupAndPosition(FxRobot robot) throws Exception {
        settle();
        INDArray wte = org.tokenspace.Fixtures.rand(1, 50257, 8); // [V, D]
        INDArray wpe = org.tokenspace.Fixtures.rand(2, 16, 8);    // [contextLength, D]
        Path file = dir.resolve("model.safetensors");
        Safetensors.write(file, List.of(Safetensors.Tensor.of("wte.weight", wte), Safetensors.Tensor.of("wpe.weight",
                wpe)));
        robot.interact(() -> model.loadTables(file, "wte.weight", "wpe.weight"));
        settle();
        assertEquals("", model.problemProperty().get());
        PipelineResult r = model.walkthroughProperty().get().result();
        assertArrayEquals(new long[] {8, 4, 8}, r.inputEmbeddings().shape());
        int id = r.batch().inputs()[0][1];
        robot.interact(() -> model.select(0, 1));
        robot.clickOn("#step-lookup");
        assertArrayEquals(wte.getRow(id).toFloatVector(),
                robot.lookup("#lookup-bars").queryAs(BarPlot.class).values());
        robot.clickOn("#step-position");
        float[] sum = robot.lookup("#position-input").queryAs(BarPlot.class).values();
        for (int d = 0; d < 8; d++) {
            assertEquals(wte.getFloat((long) id, (long) d) + wpe.getFloat(1L, (long) d), sum[d]);
        }

        Path broken = Files.write(dir.resolve("broken.safetensors"), new byte[] {1, 2, 3});
        robot.interact(() -> model.loadTables(broken, "wte.weight", "wpe.weight"));
        settle();
        assertTrue(model.problemProperty().get().startsWith(broken.toString()), model.problemProperty().get());
        assertArrayEquals(r.batch().inputs(), model.walkthroughProperty().get().result().batch().inputs());
        assertEquals(8, model.walkthroughProperty().get().result().tables().embeddingDim());

        robot.interact(model::useSeededTables);
        settle();
        assertNull(model.loadedProperty().get());
        assertEquals(256, model.walkthroughProperty().get().result().tables().embeddingDim());
    }

    @Test
    void aTableThatChangesWhileItLoadsIsNamedAndTheLastGoodStateStays(FxRobot robot) throws Exception {
        settle();
        PipelineResult before = model.walkthroughProperty().get().result();
        Path file = dir.resolve("big.npy");
        org.tokenspace.io.Npy.write(file, org.tokenspace.Fixtures.rand(3, 65536, 1024)); // 256 MB
        robot.interact(() -> model.loadTables(file, null, null));
        assertTrue(org.tokenspace.io.CutWhileRead.cut("tokenspace-pipeline", file, 60_000),
                "the cut did not land inside the read");
        settle();
        String error = model.problemProperty().get();
        assertTrue(error.startsWith(file + ": the file changed while it was being read"), error);
        assertTrue(model.walkthroughProperty().get().result() == before, "the last good state stays");
        assertNull(model.loadedProperty().get());
    }
}
