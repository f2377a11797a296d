package org.tokenspace.app;

import javafx.scene.control.Alert;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.tokenspace.i18n.I18n;
import org.tokenspace.view.FontScale;
import org.tokenspace.view.HeadlessFx;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A dialog's own scene inherits nothing from the window: the About dialog still draws in the bundled face. */
class AboutDialogFontTest {
    @Test
    void theAboutDialogDrawsItsKoreanTextInTheBundledFace() {
        HeadlessFx.start();
        Locale before = I18n.locale();
        try {
            I18n.setLocale(Locale.KOREAN);
            List<String> families = HeadlessFx.call(() -> {
                Alert a = AppMenu.aboutDialog();
                a.getDialogPane().applyCss();
                return List.of(((Labeled) a.getDialogPane().lookup(".content")).getFont().getFamily(),
                        ((Labeled) a.getDialogPane().lookup(".header-panel .label")).getFont().getFamily());
            });
            assertEquals(List.of(FontScale.SANS, FontScale.SANS), families);
        } finally {
            I18n.setLocale(before);
        }
    }
}
