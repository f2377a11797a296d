package org.tokenspace.app;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.tokenspace.i18n.I18n;

/** The TokenSpace window: the walkthrough on the embedded sample text with the course's defaults. */
public final class TokenSpaceApp extends Application {
    @Override
    public void start(Stage stage) {
        WalkthroughModel model = new WalkthroughModel();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setTitle(I18n.tr("app.title"));
        stage.setScene(new Scene(new MainView(model), Math.min(1440, screen.getWidth()),
                Math.min(900, screen.getHeight())));
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        DisplayModel display = model.display();
        display.fullScreenProperty().addListener((o, a, b) -> stage.setFullScreen(b));
        stage.fullScreenProperty().addListener((o, a, b) -> display.fullScreenProperty().set(b)); // Esc leaves it
        stage.show(); // at once, with the stages' skeleton; the first state follows
        model.recompute();
    }

    public static void main(String[] args) {
        launch(TokenSpaceApp.class, args);
    }
}
