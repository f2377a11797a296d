package org.tokenspace.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The TokenSpace window: the walkthrough on the embedded sample text with the course's defaults. */
public final class TokenSpaceApp extends Application {
    @Override
    public void start(Stage stage) {
        WalkthroughModel model = new WalkthroughModel();
        stage.setTitle("TokenSpace — token ids to vectors");
        stage.setScene(new Scene(new MainView(model), 1440, 900));
        stage.show();
        model.recompute();
    }

    public static void main(String[] args) {
        org.tokenspace.Logs.init();
        launch(TokenSpaceApp.class, args);
    }
}
