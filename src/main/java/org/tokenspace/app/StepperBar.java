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
import javafx.geometry.Orientation;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.tokenspace.app.widgets.Icons;
import javafx.util.StringConverter;
import org.tokenspace.i18n.I18n;

/**
 * The top bar: the menus, one button per stage, back and next (also ← and →), play with its speed and loop, and
 * the busy indicator with Cancel. Its groups wrap onto a second line when the window is narrow, so nothing is cut.
 * It shows the {@link Stepper}'s state and calls it; it keeps none of its own.
 */
final class StepperBar extends FlowPane {
    StepperBar(WalkthroughModel model, Node menu) {
        super(Orientation.HORIZONTAL);
        Stepper stepper = model.stepper();
        setHgap(14);
        setVgap(6);
        setPadding(new Insets(6, 12, 6, 12));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("stepper");
        Label brand = new Label(I18n.tr("app.name"));
        brand.getStyleClass().add("brand");
        HBox start = group(brand, menu);
        HBox stages = group();
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
            stages.getChildren().add(b);
        }
        stepper.stepProperty().addListener((o, a, s) -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == s)));
        group.getToggles().get(stepper.stepProperty().get().ordinal()).setSelected(true);

        Button back = new Button(null, Icons.back());
        back.setId("step-back");
        back.setTooltip(new Tooltip(I18n.tr("stepper.back")));
        back.setOnAction(e -> stepper.previous());
        Button forward = new Button(null, Icons.next());
        forward.setId("step-next");
        forward.setTooltip(new Tooltip(I18n.tr("stepper.next")));
        forward.setOnAction(e -> stepper.next());
        Button play = new Button();
        play.setId("play");
        play.textProperty().bind(Bindings.when(stepper.playingProperty()).then(I18n.tr("stepper.pause"))
                .otherwise(I18n.tr("stepper.play")));
        play.graphicProperty().bind(Bindings.when(stepper.playingProperty()).then((Node) Icons.pause())
                .otherwise((Node) Icons.play()));
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

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("busy");
        busy.setPrefSize(26, 26);
        busy.visibleProperty().bind(model.busyProperty());
        Button cancel = new Button(I18n.tr("stepper.cancel"));
        cancel.setId("cancel");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());
        HBox work = group(busy, cancel);
        work.visibleProperty().bind(model.busyProperty());
        work.managedProperty().bind(work.visibleProperty()); // hidden, it takes no room: no empty second row
        getChildren().addAll(start, stages, group(back, forward, play, speed, loop), work);
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
