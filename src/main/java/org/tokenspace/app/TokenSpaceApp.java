package org.tokenspace.app;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.tokenspace.i18n.I18n;

/**
 * The TokenSpace window: the walkthrough on the embedded sample text with the course's defaults. With
 * {@code -Dtokenspace.timing=true} it prints when the first frame and the first computed state were drawn,
 * counted from the JVM's start ({@code =exit}: then it quits, for measuring start-up).
 */
public final class TokenSpaceApp extends Application {
    /** Held so that its level stays set: JavaFX warns about running from the class path, which TokenSpace does. */
    private static final java.util.logging.Logger FX_LOG = java.util.logging.Logger.getLogger("javafx");

    @Override
    public void start(Stage stage) {
        I18n.setLocale(chosenLanguage());
        WalkthroughModel model = new WalkthroughModel();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setTitle(I18n.tr("app.title"));
        stage.setScene(new Scene(new MainView(model), Math.min(1440, screen.getWidth()),
                Math.min(900, screen.getHeight())));
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        DisplayModel display = model.display();
        display.languageProperty().set(I18n.locale());
        MainView.followLanguage(stage.getScene(), model, l -> {
            Preferences.saveLanguage(l);
            stage.setTitle(I18n.tr("app.title"));
        });
        display.fullScreenProperty().addListener((o, a, b) -> stage.setFullScreen(b));
        stage.fullScreenProperty().addListener((o, a, b) -> display.fullScreenProperty().set(b)); // Esc leaves it
        stage.show(); // at once, with the stages' skeleton; the first state follows
        model.recompute();
        String timing = System.getProperty("tokenspace.timing");
        if (timing != null) {
            StartupTiming.watch(model, "exit".equals(timing));
        }
    }

    /** {@code --lang} (the command line), else the language chosen last time, else the system's. */
    private static java.util.Locale chosenLanguage() {
        String given = System.getProperty(LANGUAGE_PROPERTY);
        if (given != null && I18n.parse(given) != null) {
            return I18n.parse(given);
        }
        java.util.Locale remembered = Preferences.language();
        return remembered != null ? remembered : I18n.supported(java.util.Locale.getDefault());
    }

    /** The system property {@code --lang} sets. */
    public static final String LANGUAGE_PROPERTY = "tokenspace.lang";

    public static void main(String[] args) {
        org.tokenspace.Logs.init();
        FX_LOG.setLevel(java.util.logging.Level.SEVERE);
        warmUp();
        launch(TokenSpaceApp.class, args);
    }

    /**
     * Loads the tokenizer's tables and ND4J's native library while JavaFX starts, so the first state is computed
     * sooner: both take about a second on a cold start and do not need the window.
     */
    private static void warmUp() {
        Thread t = new Thread(() -> {
            org.tokenspace.model.Gpt2Tokenizer.get();
            org.nd4j.linalg.factory.Nd4j.zeros(1);
        }, "tokenspace-warm-up");
        t.setDaemon(true);
        t.start();
    }
}
