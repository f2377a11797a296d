package org.tokenspace.app;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.tokenspace.Logs;
import org.tokenspace.io.Exports;
import org.tokenspace.io.Png;
import org.tokenspace.io.SessionFile;
import org.tokenspace.io.TableFiles;
import org.tokenspace.io.TensorInfo;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.view.HeadlessFx;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The File menu: texts and tables in, pictures and data out, sessions, About. */
final class AppMenu extends MenuButton {
    private final WalkthroughModel model;
    private final Supplier<Node> currentView;

    AppMenu(WalkthroughModel model, Supplier<Node> currentView) {
        super("File");
        this.model = model;
        this.currentView = currentView;
        setId("file-menu");
        MenuItem openTables = item("Open tables… (.safetensors, .npy, projector .tsv)", this::openTables);
        MenuItem seeded = item("Use the seeded tables", model::useSeededTables);
        seeded.disableProperty().bind(model.loadedProperty().isNull());
        getItems().addAll(openTables, seeded, new SeparatorMenuItem(),
                item("Export PNG of this view…", this::exportPng),
                item("Copy this view as a picture", this::copyPicture),
                item("Export token table…", () -> exportData("token-table")),
                item("Export positional table…", () -> exportData("position-table")),
                item("Export this batch…", () -> exportData("batch")),
                item("Export the projected token table…", () -> exportData("projection")),
                new SeparatorMenuItem(),
                item("Save session…", this::saveSession),
                item("Open session…", this::openSession),
                new SeparatorMenuItem(),
                item("About TokenSpace", this::about));
    }

    private MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> guarded(action));
        return m;
    }

    /** A user's problem becomes the inline message; the app stays as it was. */
    private void guarded(Runnable action) {
        try {
            action.run();
        } catch (TokenSpaceException e) {
            model.reportError(e.getMessage());
        }
    }

    private Window window() {
        return getScene().getWindow();
    }

    private void openTables() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open token (and positional) tables");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Tables", "*.safetensors", "*.npy", "*.tsv"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = chooser.showOpenDialog(window());
        if (f == null) {
            return;
        }
        Path file = f.toPath();
        if (TableFiles.format(file) != TableFiles.Format.SAFETENSORS) {
            model.loadTables(file, null, null);
            return;
        }
        List<String> names = TableFiles.tables(file).stream().map(TensorInfo::name).toList();
        Optional<String> token = choose("Token table", "Which tensor is the token table?", names,
                names.stream().filter(n -> n.endsWith("wte.weight")).findFirst().orElse(names.get(0)));
        if (token.isEmpty()) {
            return;
        }
        List<String> others = new java.util.ArrayList<>(List.of("(a seeded positional table)"));
        others.addAll(names.stream().filter(n -> !n.equals(token.get())).toList());
        Optional<String> position = choose("Positional table", "Which tensor is the positional table?", others,
                others.stream().filter(n -> n.endsWith("wpe.weight")).findFirst().orElse(others.get(0)));
        position.ifPresent(p -> model.loadTables(file, token.get(), p.startsWith("(") ? null : p));
    }

    private static Optional<String> choose(String title, String question, List<String> options, String initial) {
        ChoiceDialog<String> d = new ChoiceDialog<>(initial, options);
        d.setTitle(title);
        d.setHeaderText(question);
        return d.showAndWait();
    }

    private BufferedImage picture() {
        Node view = currentView.get();
        return HeadlessFx.render((javafx.scene.Parent) view, (int) view.getLayoutBounds().getWidth(),
                (int) view.getLayoutBounds().getHeight(), 2);
    }

    private void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export PNG");
        chooser.setInitialFileName(model.stepProperty().get().cliName() + ".png");
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            Png.write(f.toPath(), picture());
            model.reportStatus("wrote " + f);
        }
    }

    private void copyPicture() {
        ClipboardContent content = new ClipboardContent();
        content.putImage(SwingFXUtils.toFXImage(picture(), null));
        Clipboard.getSystemClipboard().setContent(content);
        model.reportStatus("copied the " + model.stepProperty().get().cliName() + " view as a picture");
    }

    private void exportData(String what) {
        Walkthrough w = model.stateProperty().get();
        if (w == null) {
            return;
        }
        Optional<String> format = choose("Export", "Which format?", List.of("npy", "csv", "projector-tsv"), "npy");
        if (format.isEmpty()) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export into which folder?");
        File dir = chooser.showDialog(window());
        if (dir == null) {
            return;
        }
        Exports.Format f = Exports.Format.parse(format.get());
        PipelineResult r = w.result();
        List<Path> written = switch (what) {
            case "token-table" -> Exports.tokenTable(r.tables().tokenTable(), f, dir.toPath());
            case "position-table" -> Exports.positionTable(r.tables().positionTable(), f, dir.toPath());
            case "projection" -> Exports.projection(org.nd4j.linalg.factory.Nd4j.create(w.vocabulary(),
                    new long[] {w.vocabulary().length / 3, 3}, 'c'), f, dir.toPath()); // [V, 3]
            default -> Exports.batch(r, f, dir.toPath());
        };
        model.reportStatus("wrote " + written.size() + " file(s) into " + dir);
    }

    private void saveSession() {
        FileChooser chooser = sessionChooser("Save session");
        chooser.setInitialFileName("session.tokenspace.json");
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            SessionFile.write(f.toPath(), model.session());
            model.reportStatus("saved the session to " + f);
        }
    }

    private void openSession() {
        File f = sessionChooser("Open session").showOpenDialog(window());
        if (f != null) {
            model.restore(SessionFile.read(f.toPath()));
        }
    }

    private static FileChooser sessionChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("TokenSpace sessions", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return chooser;
    }

    private void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("About TokenSpace");
        a.setHeaderText("TokenSpace 0.1.0");
        a.setContentText("Token ids becoming the vectors a GPT-style model reads, exactly as PyTorch 1.13 computes "
                + "them.\n\nLog file: " + (Logs.file() == null ? "standard error" : Logs.file()));
        a.showAndWait();
    }
}
