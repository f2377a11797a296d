package org.tokenspace.app;

import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.tokenspace.i18n.I18n;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** View > Language builds the window again in that language, with the same text, stage and selection. */
class LanguageSwitchTest extends WindowTest {
    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void switchingLanguageChangesTheTextsAndKeepsTheState(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> MainView.followLanguage(view.getScene(), model, l -> { }));
        robot.interact(() -> {
            model.stepper().show(Step.LOOKUP);
            model.selectId(464);
        });
        Walkthrough before = model.walkthroughProperty().get();
        assertEquals("2  Lookup", robot.lookup("#step-lookup").queryAs(Labeled.class).getText());
        for (String[] lang : new String[][] {{"ko", "2  조회", "파일"}, {"ja", "2  参照", "ファイル"},
            {"el", "2  Αναζήτηση", "Αρχείο"}, {"fr", "2  Recherche", "Fichier"}, {"tr", "2  Arama", "Dosya"}}) {
            robot.interact(() -> model.display().languageProperty().set(Locale.forLanguageTag(lang[0])));
            MainView shown = (MainView) robot.lookup(".main-view").query();
            assertNotSame(view, shown, "a new window content");
            assertEquals(lang[1], robot.lookup("#step-lookup").queryAs(Labeled.class).getText(), lang[0]);
            Menu file = robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().get(0);
            assertEquals(lang[2], file.getText(), lang[0]);
            assertSame(before, model.walkthroughProperty().get(), "the same state: nothing recomputed");
            assertEquals(Step.LOOKUP, model.stepper().stepProperty().get());
            assertEquals(464, model.walkthroughProperty().get().selection().id());
            assertTrue(robot.lookup("#caption").queryLabeled().getText().contains("464"), lang[0]);
        }
    }

    @Override
    protected int width() {
        return 1024;
    }

    @Override
    protected int height() {
        return 768;
    }

    @Test
    void noLanguageCutsATextOnAnyStageAtProjectorSize(FxRobot robot) throws Exception {
        settle();
        javafx.scene.Scene scene = view.getScene();
        robot.interact(() -> MainView.followLanguage(scene, model, l -> { }));
        List<String> cut = new java.util.ArrayList<>();
        for (Locale l : I18n.LANGUAGES) {
            robot.interact(() -> model.display().languageProperty().set(l));
            for (Step s : Step.values()) {
                robot.interact(() -> model.stepper().show(s));
                settle(); // a stage's own results (Explore's neighbours) arrive after it is shown
                javafx.scene.Parent root = scene.getRoot();
                for (String c : org.testfx.util.WaitForAsyncUtils.asyncFx(() -> ClassroomTest.elided(root)).get()) {
                    cut.add(l.getLanguage() + ", " + s + ": " + c);
                }
            }
        }
        assertEquals(List.of(), cut, "at 1024 x 768");
    }
}
