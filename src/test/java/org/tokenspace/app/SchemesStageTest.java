package org.tokenspace.app;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.testfx.api.FxRobot;
import org.tokenspace.app.widgets.MatrixPlot;
import org.tokenspace.positions.PositionKind;
import org.tokenspace.positions.SinusoidalPositions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Schemes stage and the Position stage's choice of what is added. */
class SchemesStageTest extends WindowTest {
    @Test
    void twoSchemesSideBySideWithRoPEsScoresDependingOnDistanceAlone(FxRobot robot) throws Exception {
        settle();
        SchemesModel schemes = model.schemes();
        robot.interact(() -> model.stepper().show(Step.SCHEMES));
        SchemesModel.Figure left = schemes.leftFigureProperty().get();
        assertEquals(PositionKind.LEARNED, left.kind());
        assertEquals(4, left.matrix().rows(), "the walkthrough's own positional table [4, 256]");
        assertEquals(256, left.matrix().columns());
        SchemesModel.Figure rope = schemes.rightFigureProperty().get();
        assertEquals(PositionKind.ROPE, rope.kind());
        double[][] s = rope.scores();
        assertEquals(64, s.length);
        for (int m = 0; m + 1 < s.length; m++) {
            for (int n = 0; n + 1 < s.length; n++) {
                assertEquals(s[m][n], s[m + 1][n + 1], 1e-6, "RoPE's score depends on n - m only");
            }
        }
        assertEquals(1.0, s[5][5], 1e-6, "cosine of a vector with itself");
        assertTrue(robot.lookup("#schemes-right-dial").query().isVisible(), "RoPE turns its pairs");

        robot.interact(() -> {
            schemes.leftProperty().set(PositionKind.SINUSOIDAL);
            schemes.contextLengthProperty().set(16);
            schemes.rightProperty().set(PositionKind.ALIBI);
        });
        SchemesModel.Figure sin = schemes.leftFigureProperty().get();
        assertEquals(16, sin.matrix().rows());
        INDArray reference = new SinusoidalPositions(16, 256, SinusoidalPositions.Layout.INTERLEAVED).inputTable()
                .orElseThrow();
        assertArrayEquals(reference.getRow(3).toFloatVector(), sin.matrix().values()[3]);
        assertTrue(sin.matrix().formula(3, 4).contains("sin"), sin.matrix().formula(3, 4));
        SchemesModel.Figure alibi = schemes.rightFigureProperty().get();
        assertEquals(Double.NEGATIVE_INFINITY, alibi.matrix().values()[2][5], "causal: a later key is masked");
        assertFalse(robot.lookup("#schemes-right-dial").query().isVisible());
        assertTrue(robot.lookup("#schemes-left-matrix").query() instanceof MatrixPlot);

        robot.interact(() -> schemes.rightProperty().set(null));
        assertFalse(robot.lookup("#schemes-right").query().isVisible(), "one scheme alone");
        robot.interact(() -> model.selectId(model.walkthroughProperty().get().result().batch().inputs()[0][1]));
        assertEquals("", schemes.problemProperty().get());
    }

    @Test
    void thePositionStageAddsTheChosenSchemesTable(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> model.stepper().show(Step.POSITION));
        INDArray learned = model.walkthroughProperty().get().result().tables().positionTable().dup();
        robot.interact(() -> model.positionKindProperty().set(PositionKind.SINUSOIDAL));
        settle();
        var r = model.walkthroughProperty().get().result();
        INDArray sin = new SinusoidalPositions(4, 256, SinusoidalPositions.Layout.INTERLEAVED).inputTable().orElseThrow();
        assertArrayEquals(sin.getRow(1).toFloatVector(), r.tables().positionTable().getRow(1).toFloatVector());
        float[] token = r.tokenEmbeddings().get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.point(1)).toFloatVector();
        float[] input = r.inputEmbeddings().get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.point(1)).toFloatVector();
        float[] row = sin.getRow(1).toFloatVector();
        for (int d = 0; d < token.length; d++) {
            assertEquals(token[d] + row[d], input[d], 0f, "input = token + PE, in float32");
        }
        assertTrue(robot.lookup("#position-scheme-note").query().isVisible());

        robot.interact(() -> model.positionKindProperty().set(PositionKind.T5));
        settle();
        r = model.walkthroughProperty().get().result();
        assertArrayEquals(r.tokenEmbeddings().reshape(-1).toFloatVector(), r.inputEmbeddings().reshape(-1).toFloatVector(),
                "T5 adds nothing to the input");
        String note = robot.lookup("#position-scheme-note").queryLabeled().getText();
        assertTrue(note.contains("T5"), note);

        robot.interact(() -> model.positionKindProperty().set(PositionKind.LEARNED));
        settle();
        assertArrayEquals(learned.reshape(-1).toFloatVector(),
                model.walkthroughProperty().get().result().tables().positionTable().reshape(-1).toFloatVector());
        assertFalse(robot.lookup("#position-scheme-note").query().isVisible());
    }
}
