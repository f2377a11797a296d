package org.tokenspace.app;

import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenspace.Python;
import org.tokenspace.model.Settings;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code panel: Ctrl+K shows it, it follows the stage and the settings, Copy puts the script on the clipboard. */
class CodePanelTest extends WindowTest {
    private String text(FxRobot robot, String id) {
        javafx.scene.Node n = robot.lookup("#" + id).query();
        return n instanceof CodeArea c ? c.getText() : ((TextArea) n).getText();
    }

    @Test
    void thePanelFollowsStageAndSettingsAndCopiesItsScript(FxRobot robot) throws Exception {
        settle();
        assertNull(view.getRight());
        robot.interact(() -> model.stepper().show(Step.LOOKUP));
        robot.clickOn("#stage-scroll").press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        settle(); // the script is written off the FX thread
        assertTrue(model.code().shownProperty().get(), "Ctrl+K shows the panel");
        String script = text(robot, "code-script");
        assertTrue(script.contains("torch.manual_seed(123)"), script);
        assertTrue(script.contains("torch.nn.Embedding(vocab_size, output_dim)"), script);
        CodeArea area = robot.lookup("#code-script").queryAs(CodeArea.class);
        int at = script.indexOf("import torch");
        assertEquals(List.of("py-keyword"), List.copyOf(area.getStyleAtPosition(at + 1)), "import is a keyword");
        assertEquals(List.of(), List.copyOf(area.getStyleAtPosition(at + "import ".length() + 1)), "torch is plain");
        assertEquals(List.of("py-comment"), List.copyOf(area.getStyleAtPosition(script.indexOf('#') + 1)));
        String output = text(robot, "code-output");
        assertTrue(output.startsWith("token_embedding_layer.weight:\nParameter containing:\ntensor([[ 0.3374,"),
                output);

        robot.interact(() -> model.setSettings(Settings.DEFAULTS.toBuilder().seed(7).build()));
        settle();
        assertTrue(text(robot, "code-script").contains("torch.manual_seed(7)"));
        assertNotEquals(output, text(robot, "code-output"), "the printout follows the seed");

        robot.interact(() -> model.stepper().show(Step.BATCH));
        settle();
        assertTrue(text(robot, "code-script").contains("DataLoader"), text(robot, "code-script"));
        String shown = text(robot, "code-script");
        robot.clickOn("#code-copy");
        assertEquals(shown, fxClipboard(robot));

        robot.interact(() -> model.stepper().show(Step.PROJECTION));
        settle();
        assertTrue(text(robot, "code-script").contains("torch.linalg.eigvalsh(cov)"), text(robot, "code-script"));
        robot.clickOn("#code-close");
        assertFalse(model.code().shownProperty().get());
        assertNull(view.getRight());
    }

    /** Where python3-torch is installed: the panel's script, run, prints exactly the panel's output. */
    private void pyTorchPrintsThePanelsOutput(FxRobot robot) throws Exception {
        pyTorchPrints(text(robot, "code-script"), text(robot, "code-output"));
    }

    private static void pyTorchPrints(String script, String output) throws Exception {
        String python = Python.withTorch();
        Assumptions.assumeTrue(python != null, "python3-torch is not installed: the script is not run");
        Python.Result r = Python.run(python, script);
        assertEquals(0, r.exit(), r.output());
        assertEquals(output, r.output());
    }

    private static String fxClipboard(FxRobot robot) {
        String[] s = new String[1];
        robot.interact(() -> s[0] = Clipboard.getSystemClipboard().getString());
        return s[0];
    }

    @Test
    void theScriptPrintsWhatThePanelShows(FxRobot robot) throws Exception {
        String python = Python.withTorch();
        Assumptions.assumeTrue(python != null, "python3-torch is not installed: the script is not run");
        settle();
        robot.interact(() -> {
            model.apply(org.tokenspace.model.Preset.BOOK);
        });
        settle();
        robot.interact(() -> {
            model.stepper().show(Step.POSITION);
            model.code().shownProperty().set(true);
        });
        settle();
        Python.Result r = Python.run(python, text(robot, "code-script"));
        assertEquals(0, r.exit(), r.output());
        assertEquals(text(robot, "code-output"), r.output());
    }

    @Test
    void theTrainStagesScriptIsTheTrainingSoFarAndRunsToTheSameNumbers(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> model.apply(org.tokenspace.model.Preset.BOOK));
        settle();
        robot.interact(() -> {
            model.stepper().show(Step.TRAIN);
            model.code().shownProperty().set(true);
        });
        settle();
        assertTrue(text(robot, "code-script").contains("# nothing was trained yet"), text(robot, "code-script"));
        robot.interact(() -> model.train().steps(7));
        model.train().awaitIdle();
        settle();
        String script = text(robot, "code-script");
        assertTrue(script.contains("for _ in range(7):"), script);
        String output = text(robot, "code-output");
        assertTrue(output.contains("step 7: loss "), output);
        assertTrue(output.contains("token 3 after 7 steps, rounded to 2 decimals:"), output);
        robot.interact(() -> model.train().useInWalkthrough());
        settle();
        String note = robot.lookup("#code-note").queryLabeled().getText();
        assertTrue(note.contains("trained in the window"), note);
        assertTrue(robot.lookup("#code-copy").queryAs(Button.class).isDisabled(), "nothing to copy");
        pyTorchPrints(script, output);
    }

    @Test
    void thePositionStagesScriptAddsTheChosenScheme(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> {
            model.setSettings(Settings.DEFAULTS.toBuilder().embeddingDim(6).build());
            model.positionKindProperty().set(org.tokenspace.positions.PositionKind.SINUSOIDAL);
            model.stepper().show(Step.POSITION);
            model.code().shownProperty().set(true);
        });
        settle();
        String script = text(robot, "code-script");
        assertTrue(script.contains("pos_table[:, 0::2] = torch.sin(angle)"), script);
        assertFalse(script.contains("torch.nn.Embedding(context_length"), script);
        assertTrue(text(robot, "code-output").contains("pos_table:\ntensor([[ 0.0000,  1.0000,  0.0000,  1.0000,  0.0000,  1.0000],\n"
                        + "        [ 0.8415,  0.5403,  0.0464,  0.9989,  0.0022,  1.0000],"),
                text(robot, "code-output"));
        pyTorchPrintsThePanelsOutput(robot);
    }

    @Test
    void theSchemesStagesScriptFollowsTheChosenSchemes(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> {
            model.stepper().show(Step.SCHEMES);
            model.code().shownProperty().set(true);
        });
        settle();
        assertTrue(text(robot, "code-script").contains("rope = rope.float()"), text(robot, "code-script"));
        robot.interact(() -> {
            model.schemes().rightProperty().set(org.tokenspace.positions.PositionKind.ALIBI);
            model.schemes().headProperty().set(0);
            model.schemes().contextLengthProperty().set(16);
            model.schemes().measureProperty().set(org.tokenspace.positions.PositionSimilarity.Measure.DOT);
        });
        settle();
        String script = text(robot, "code-script");
        assertTrue(script.contains("slope = get_slopes(8)[0]  # head 0"), script);
        double[] line = model.schemes().rightFigureProperty().get().byDistance(); // the line the stage plots
        String drawn = java.util.Arrays.stream(line, 0, 8).mapToObj(v -> org.tokenspace.code.PyText.fixed(v, 4))
                .collect(java.util.stream.Collectors.joining("  "));
        assertTrue(text(robot, "code-output").contains("alibi: token " + model.walkthroughProperty().get().selection()
                .id() + "'s score with itself at two positions, mean by distance 0 to 7:\n" + drawn + "\n"),
                drawn + "\n" + text(robot, "code-output"));
        assertTrue(script.contains("learned_scores = p @ p.T"), "compared by dot: no cosine division");
        assertFalse(script.contains("norms = p.norm(dim=1)"), script);
        assertTrue(text(robot, "code-output").contains("alibi [16, 16], the bias of head 0, queries x keys, [:8, :8]:\n"
                + "tensor([[-0.0000,    -inf,    -inf,    -inf,    -inf,    -inf,    -inf,    -inf],\n"
                + "        [-0.5000, -0.0000,    -inf,"), text(robot, "code-output"));
        pyTorchPrintsThePanelsOutput(robot);
    }

    @Test
    void theExploreStagesScriptListsTheNeighboursTheStageLists(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> {
            model.explore().kProperty().set(4);
            model.explore().metricProperty().set(org.tokenspace.explore.Metric.EUCLIDEAN);
            model.stepper().show(Step.EXPLORE);
            model.code().shownProperty().set(true);
        });
        settle();
        String output = text(robot, "code-output");
        java.util.List<org.tokenspace.explore.Neighbour> listed = model.explore().neighboursProperty().get();
        assertEquals(4, listed.size());
        StringBuilder expected = new StringBuilder("The 4 rows nearest id " + model.walkthroughProperty().get()
                .selection().id() + " by Euclidean distance, among the text's tokens:\n");
        for (org.tokenspace.explore.Neighbour n : listed) {
            expected.append(String.format(java.util.Locale.ROOT, "%6d  %.4f%n", n.id(), n.score()));
        }
        assertEquals(expected.toString(), output, "the panel lists the stage's own neighbours");
        pyTorchPrintsThePanelsOutput(robot);

        robot.interact(() -> model.explore().solveAnalogy("464", "262", "11"));
        settle();
        output = text(robot, "code-output");
        expected.append("\n464 - 262 + 11: the 4 most similar rows of the whole table, a, b and c left out:\n");
        for (org.tokenspace.explore.Neighbour n : model.explore().analogyProperty().get()) {
            expected.append(String.format(java.util.Locale.ROOT, "%6d  %.4f%n", n.id(), n.score()));
        }
        assertEquals(expected.toString(), output, "and the analogy the stage answered");
        assertTrue(text(robot, "code-script").contains("a, b, c = 464, 262, 11"), text(robot, "code-script"));
        pyTorchPrintsThePanelsOutput(robot);
    }
}
