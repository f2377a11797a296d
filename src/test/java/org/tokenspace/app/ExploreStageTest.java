package org.tokenspace.app;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenspace.explore.Neighbour;
import org.tokenspace.explore.Vectors;
import org.tokenspace.view.PointCloudView;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Explore stage: neighbours against a brute-force search, t-SNE run to its end, isolate, analogies. */
class ExploreStageTest extends WindowTest {
    private void idle() throws Exception {
        for (int i = 0; i < 3; i++) {
            settle();
            model.explore().awaitIdle();
        }
    }

    /** Cosine neighbours of {@code id} among {@code rows} by a plain double loop, nearest first. */
    private static int[] bruteForce(INDArray table, int[] rows, int id, int k) {
        float[] q = table.getRow(id).toFloatVector();
        double qn = Math.sqrt(dot(q, q));
        return java.util.Arrays.stream(rows).filter(r -> r != id).boxed()
                .sorted((a, b) -> Double.compare(cos(table, b, q, qn), cos(table, a, q, qn)))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static double cos(INDArray table, int r, float[] q, double qn) {
        float[] v = table.getRow(r).toFloatVector();
        return dot(v, q) / (Math.sqrt(dot(v, v)) * qn);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    @Test
    void neighboursMapsAndAnalogies(FxRobot robot) throws Exception {
        settle();
        ExploreModel explore = model.explore();
        robot.interact(() -> model.stepper().show(Step.EXPLORE));
        idle();
        Walkthrough w = model.walkthroughProperty().get();
        INDArray table = w.result().tables().tokenTable();
        int id = w.selection().id();
        int[] text = Vectors.distinct(w.result().ids());
        List<Neighbour> near = explore.neighboursProperty().get();
        assertEquals(10, near.size());
        assertEquals(java.util.Arrays.toString(bruteForce(table, text, id, 10)),
                java.util.Arrays.toString(near.stream().mapToInt(Neighbour::id).toArray()), "among the text's tokens");
        assertEquals(10, robot.lookup("#explore-neighbours").queryAs(javafx.scene.layout.VBox.class)
                .getChildren().size());

        PointCloudView cloud = robot.lookup("#explore-cloud").queryAs(PointCloudView.class);
        assertEquals(text.length, cloud.pointCount(), "PCA of the text's tokens");
        robot.interact(() -> explore.isolateProperty().set(true));
        assertEquals(11, cloud.pointCount(), "the token and its ten neighbours");
        robot.interact(() -> explore.isolateProperty().set(false));

        robot.interact(() -> {
            explore.iterationsProperty().set(250);
            explore.methodProperty().set(ExploreModel.Method.TSNE);
        });
        robot.clickOn("#explore-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            ExploreModel.MapPoints p = explore.pointsProperty().get();
            return p.method() == ExploreModel.Method.TSNE && p.iteration() == 250;
        });
        idle();
        ExploreModel.MapPoints p = explore.pointsProperty().get();
        assertEquals(text.length * 3, p.xyz().length);
        assertEquals(text.length, cloud.pointCount());
        assertTrue(robot.lookup("#explore-progress").queryLabeled().getText().contains("250"));

        robot.clickOn("#explore-neighbours .neighbour-row");
        idle();
        assertEquals(near.get(0).id(), model.walkthroughProperty().get().selection().id(), "a click selects it");

        robot.interact(() -> explore.rowsProperty().set(ExploreModel.Rows.TABLE));
        idle();
        assertEquals(ExploreModel.Method.TSNE, explore.methodProperty().get());
        robot.interact(() -> explore.solveAnalogy("464", "262", "11"));
        idle();
        List<Neighbour> answer = explore.analogyProperty().get();
        assertEquals(10, answer.size());
        assertFalse(answer.stream().anyMatch(n -> n.id() == 464 || n.id() == 262 || n.id() == 11),
                "a, b and c are left out");
        assertEquals(new org.tokenspace.code.CodeInput.AnalogyRows(464, 262, 11), explore.analogyRowsProperty().get());
        robot.interact(() -> explore.solveAnalogy("lighthousekeeperzz", "262", "11"));
        assertTrue(explore.problemProperty().get().contains("not one GPT-2 token"), explore.problemProperty().get());

        robot.interact(() -> model.setSettings(org.tokenspace.model.Settings.DEFAULTS.toBuilder().seed(7).build()));
        idle();
        assertEquals(List.of(), explore.analogyProperty().get(), "an answer of the table before is not kept");
        assertEquals(null, explore.analogyRowsProperty().get());
    }
}
