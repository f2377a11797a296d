package org.tokenspace.app;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The bottom line: what happened last, and the progress of a load or an export. */
final class StatusBar extends HBox {
    StatusBar(WalkthroughModel model) {
        setSpacing(12);
        setPadding(new Insets(4, 12, 4, 12));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.setPrefWidth(200);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        getChildren().addAll(status, progress);
    }
}
