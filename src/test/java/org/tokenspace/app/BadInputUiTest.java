package org.tokenspace.app;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.Settings;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Every bad input through the window: a message that names it, and the last good state kept as it was. */
class BadInputUiTest extends WindowTest {
    @TempDir
    Path dir;

    private String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void typedTokenIds(FxRobot robot) throws Exception {
        settle();
        Selection before = model.walkthroughProperty().get().selection();
        robot.clickOn("#step-lookup");
        String[][] cases = {
            {"50257", "id 50257 is outside the token table: valid ids are 0 to 50256"},
            {"-1", "id -1 is outside the token table: valid ids are 0 to 50256"},
            {"ten", "'ten' is not a token id: type a whole number from 0 to 50256"},
            {"99999999999", "'99999999999' is not a token id: type a whole number from 0 to 50256"},
        };
        for (String[] c : cases) {
            robot.doubleClickOn("#lookup-id");
            robot.interact(() -> robot.lookup("#lookup-id").queryAs(TextField.class).clear());
            robot.write(c[0]).type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(c[1], label(robot, "#lookup-id-error"));
            assertEquals(before, model.walkthroughProperty().get().selection());
        }
    }

    @Test
    void textsThatCannotBeUsed(FxRobot robot) throws Exception {
        settle();
        PipelineResult before = model.walkthroughProperty().get().result();
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        Path binary = Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "caf\u00e9 cr\u00e8me".getBytes("ISO-8859-1"));
        Object[][] cases = {
            {empty, "the text has 0 tokens, too few for one window: maxLength 4 needs at least 5 tokens; use a longer "
                + "text or a smaller maxLength"},
            {binary, binary + " is not a text file (it holds binary data, a zero byte at offset 4): open a UTF-8 text "
                + "file"},
            {latin1, latin1 + " is not valid UTF-8 text: save it as UTF-8 and open it again"},
            {dir.resolve("gone.txt"), "cannot read " + dir.resolve("gone.txt") + ": the file does not exist"},
        };
        for (Object[] c : cases) {
            robot.interact(() -> model.openTextFile((Path) c[0]));
            settle();
            assertEquals(c[1], label(robot, "#settings-error"));
            assertSame(before, model.walkthroughProperty().get().result());
        }
    }

    @Test
    void tablesTooLargeAreRefusedBeforeAnythingIsAllocated(FxRobot robot) throws Exception {
        settle();
        PipelineResult before = model.walkthroughProperty().get().result();
        robot.interact(() -> model.setSettings(Settings.DEFAULTS.withTables(1_000_000, 4096, 4)));
        settle();
        assertEquals("a 1000000 x 4096 token table needs 16.4 GB of float32 memory, more than this JVM can hold",
                label(robot, "#settings-error").replaceAll(" \\(.*", ""));
        assertSame(before, model.walkthroughProperty().get().result());
        robot.interact(() -> model.setSettings(Settings.DEFAULTS));
        settle();
    }

    @Test
    void brokenTableFiles(FxRobot robot) throws Exception {
        settle();
        PipelineResult before = model.walkthroughProperty().get().result();
        Path npy = Files.write(dir.resolve("bad.npy"), "\u0093NUMPX not really".getBytes("ISO-8859-1"));
        Path st = Files.write(dir.resolve("bad.safetensors"), new byte[] {(byte) 0xff, 0, 0, 0, 0, 0, 0, 0});
        for (Path f : new Path[] {npy, st}) {
            robot.interact(() -> model.loadTables(f, f == st ? "wte.weight" : null, null));
            settle();
            assertEquals(true, label(robot, "#settings-error").startsWith(f.toString()), label(robot,
                    "#settings-error"));
            assertSame(before, model.walkthroughProperty().get().result());
        }
    }
}
