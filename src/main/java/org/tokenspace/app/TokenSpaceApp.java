package org.tokenspace.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The TokenSpace window. */
public final class TokenSpaceApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("TokenSpace");
        stage.setScene(new Scene(new Label("TokenSpace"), 1280, 800));
        stage.show();
    }

    public static void main(String[] args) {
        launch(TokenSpaceApp.class, args);
    }
}
