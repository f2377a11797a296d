package org.tokenspace.app;

import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.tokenspace.io.FileFormatException;
import org.tokenspace.io.SessionFile;
import org.tokenspace.model.Settings;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A saved session reopens the same picture; sessions of another format or version are refused. */
class SessionTest extends WindowTest {
    @TempDir
    Path dir;

    private int[] pixels(FxRobot robot) {
        Node stage = view.view(model.stepper().stepProperty().get());
        int[][] out = new int[1][];
        robot.interact(() -> {
            WritableImage img = stage.snapshot(null, null);
            PixelReader r = img.getPixelReader();
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            out[0] = new int[w * h];
            r.getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out[0], 0, w);
        });
        return out[0];
    }

    @Test
    void reopeningRestoresTheSamePicture(FxRobot robot) throws Exception {
        settle();
        Path text = Files.writeString(dir.resolve("story.txt"), SampleText.TEXT.replace("Mara", "Ines"));
        robot.interact(() -> model.openTextFile(text));
        settle();
        robot.interact(() -> model.setSettings(Settings.builder().batchSize(4).stride(2).shuffle(true)
                .batchIndex(3).build()));
        settle();
        robot.interact(() -> {
            model.select(2, 3);
            model.stepper().stepProperty().set(Step.POSITION);
        });
        settle();
        int[] before = pixels(robot);
        Path session = dir.resolve("lesson.tokenspace.json");
        SessionFile.write(session, model.session());

        robot.interact(() -> {
            model.setSettings(Settings.DEFAULTS);
            model.setText(SampleText.TEXT);
            model.stepper().stepProperty().set(Step.TOKENIZE);
        });
        settle();
        robot.interact(() -> model.restore(SessionFile.read(session)));
        settle();
        assertEquals(Step.POSITION, model.stepper().stepProperty().get());
        assertEquals(new Selection(model.walkthroughProperty().get().result().batch().inputs()[2][3], 2, 3),
                model.walkthroughProperty().get().selection());
        assertEquals("session reopened", model.statusProperty().get());
        assertArrayEquals(before, pixels(robot));

        Files.writeString(text, "Changed since.");
        robot.interact(() -> model.restore(SessionFile.read(session)));
        settle();
        assertTrue(model.statusProperty().get().contains("has changed since it was saved, so the session's copy of "
                + "the text is used"), model.statusProperty().get());
        assertArrayEquals(before, pixels(robot));
    }

    @Test
    void sessionsOfAnotherFormatOrANewerVersionAreRefused() throws Exception {
        Path newer = Files.writeString(dir.resolve("newer.json"), "{\"format\": \"tokenspace-session\", \"version\": 7}");
        assertEquals(newer + ": is a session of version 7; this TokenSpace reads version 1: open it with a newer "
                + "TokenSpace", assertThrows(FileFormatException.class, () -> SessionFile.read(newer)).getMessage());
        Path other = Files.writeString(dir.resolve("other.json"), "{\"name\": \"not a session\"}");
        assertEquals(other + ": is not a TokenSpace session (no \"format\": \"tokenspace-session\")",
                assertThrows(FileFormatException.class, () -> SessionFile.read(other)).getMessage());
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\": \"tokenspace-se");
        assertEquals(broken + ": is not a TokenSpace session (not valid JSON)",
                assertThrows(FileFormatException.class, () -> SessionFile.read(broken)).getMessage());
        Path badSettings = Files.writeString(dir.resolve("bad.json"), Files.readString(Path.of(
                "src/test/resources/org/tokenspace/io/SessionFuzzTestInputs/session/valid.json"))
                .replace("\"maxLength\":4", "\"maxLength\":9"));
        assertTrue(assertThrows(FileFormatException.class, () -> SessionFile.read(badSettings)).getMessage()
                .contains("has settings that cannot work: maxLength 9 is above contextLength 4"));
    }
}
