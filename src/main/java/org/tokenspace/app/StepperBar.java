package org.tokenspace.app;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.tokenspace.i18n.I18n;

/**
 * The stepper: one button per stage, back and next (also ← and →), play with its speed and loop, and the busy
 * indicator with Cancel. It shows the {@link Stepper}'s state and calls it; it keeps none of its own.
 */
final class StepperBar extends HBox {
    StepperBar(WalkthroughModel model, Node menu) {
        Stepper stepper = model.stepper();
        setSpacing(6);
        setPadding(new Insets(8, 12, 8, 12));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("stepper");
        Label brand = new Label(I18n.tr("app.name"));
        brand.getStyleClass().add("brand");
        getChildren().addAll(brand, menu);
        ToggleGroup group = new ToggleGroup();
        for (Step s : Step.values()) {
            ToggleButton b = new ToggleButton(s.title());
            b.setId("step-" + s.cliName());
            b.setToggleGroup(group);
            b.setUserData(s);
            b.setTooltip(new Tooltip(s.summary()));
            b.setOnAction(e -> {
                b.setSelected(true); // a click on the current stage keeps it highlighted
                stepper.show(s);
            });
            getChildren().add(b);
        }
        stepper.stepProperty().addListener((o, a, s) -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == s)));
        group.getToggles().get(stepper.stepProperty().get().ordinal()).setSelected(true);

        Button back = new Button("◀");
        back.setId("step-back");
        back.setTooltip(new Tooltip(I18n.tr("stepper.back")));
        back.setOnAction(e -> stepper.previous());
        Button forward = new Button("▶");
        forward.setId("step-next");
        forward.setTooltip(new Tooltip(I18n.tr("stepper.next")));
        forward.setOnAction(e -> stepper.next());
        Button play = new Button();
        play.setId("play");
        play.textProperty().bind(Bindings.when(stepper.playingProperty()).then(I18n.tr("stepper.pause"))
                .otherwise(I18n.tr("stepper.play")));
        play.setOnAction(e -> stepper.togglePlay());
        ChoiceBox<Double> speed = new ChoiceBox<>(FXCollections.observableArrayList(1.0, 2.0, 3.0, 5.0));
        speed.setId("play-interval");
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : I18n.tr("stepper.interval", v.intValue());
            }

            @Override
            public Double fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        speed.setValue(stepper.intervalProperty().get());
        speed.setTooltip(new Tooltip(I18n.tr("stepper.intervalTip")));
        stepper.intervalProperty().bind(speed.valueProperty());
        CheckBox loop = new CheckBox(I18n.tr("stepper.loop"));
        loop.setId("play-loop");
        loop.selectedProperty().bindBidirectional(stepper.loopProperty());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("busy");
        busy.setPrefSize(26, 26);
        busy.visibleProperty().bind(model.busyProperty());
        Button cancel = new Button(I18n.tr("stepper.cancel"));
        cancel.setId("cancel");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());
        getChildren().addAll(new Label("  "), back, forward, play, speed, loop, gap, busy, cancel);
    }
}
