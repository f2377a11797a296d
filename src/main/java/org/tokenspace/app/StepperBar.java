package org.tokenspace.app;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/** The stepper: one button per stage, back and next (also ← and →), play/pause, and the busy indicator. */
final class StepperBar extends HBox {
    private final Timeline player;
    private final Runnable next;
    private final Button play = new Button("▶ Play");

    StepperBar(WalkthroughModel model, Runnable previous, Runnable next, javafx.scene.Node menu) {
        this.next = next;
        setSpacing(6);
        setPadding(new Insets(8, 12, 8, 12));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("stepper");
        Label brand = new Label("TokenSpace");
        brand.getStyleClass().add("brand");
        getChildren().addAll(brand, menu);
        ToggleGroup group = new ToggleGroup();
        for (Step s : Step.values()) {
            ToggleButton b = new ToggleButton(s.title());
            b.setId("step-" + s.cliName());
            b.setToggleGroup(group);
            b.setUserData(s);
            b.setOnAction(e -> model.stepProperty().set(s));
            getChildren().add(b);
        }
        model.stepProperty().addListener((o, a, s) -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == s)));
        group.getToggles().get(model.stepProperty().get().ordinal()).setSelected(true);
        Button back = new Button("◀");
        back.setId("step-back");
        back.setOnAction(e -> previous.run());
        Button forward = new Button("▶");
        forward.setId("step-next");
        forward.setOnAction(e -> next.run());
        play.setId("play");
        player = new Timeline(new KeyFrame(Duration.seconds(2.2), e -> next.run()));
        player.setCycleCount(Timeline.INDEFINITE);
        play.setOnAction(e -> togglePlay());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("busy");
        busy.setPrefSize(26, 26);
        busy.visibleProperty().bind(model.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());
        getChildren().addAll(new Label("  "), back, forward, play, gap, busy, cancel);
    }

    void togglePlay() {
        if (player.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            player.stop();
            play.setText("▶ Play");
        } else {
            next.run();
            player.play();
            play.setText("⏸ Pause");
        }
    }
}
